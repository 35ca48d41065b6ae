// When an event takes place, as pages say it on the instance's wall clock: on one day ("on 12
// March 2026, from 18:30 to 20:30") or over several ("from 12 March 2026, 18:30 to 13 March
// 2026, 12:00"). The platform's formatter has dates and date-times; times alone are made here.
import type { Locale } from '../../platform/i18n.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, timeZone: string, style: 'date' | 'time' | 'dateTime' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'long' } : style === 'time' ? { timeStyle: 'short' } : style === 'dateTime' ? { dateStyle: 'long', timeStyle: 'short' } : { year: 'numeric', month: '2-digit', day: '2-digit' };
    formatters.set(key, (f = new Intl.DateTimeFormat(style === 'day' ? 'en-CA' : locale, { timeZone, ...options })));
  }
  return f;
}

export interface When {
  /** ISO instants, for <time datetime>. */
  starts: string;
  ends: string;
  sameDay: boolean;
  date: string;
  startTime: string;
  endTime: string;
  start: string;
  end: string;
}

export function whenOf(e: { starts_at: string; ends_at: string }, locale: Locale, timeZone: string): When {
  const [s, t] = [new Date(e.starts_at), new Date(e.ends_at)];
  const day = formatter(locale, timeZone, 'day');
  return {
    starts: e.starts_at,
    ends: e.ends_at,
    sameDay: day.format(s) === day.format(t),
    date: formatter(locale, timeZone, 'date').format(s),
    startTime: formatter(locale, timeZone, 'time').format(s),
    endTime: formatter(locale, timeZone, 'time').format(t),
    start: formatter(locale, timeZone, 'dateTime').format(s),
    end: formatter(locale, timeZone, 'dateTime').format(t),
  };
}
