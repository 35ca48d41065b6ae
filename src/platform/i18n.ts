// Translation catalogues (French is the reference, English complete) and Intl formatting in
// the instance's time zone. Each module has one file per language, messages.<locale>.ts; the
// others are typed after the French one, so a key missing in a language fails the typecheck,
// and test/catalogues.test.ts checks keys and placeholders at run time. Adding a language is
// adding it below and a messages.<locale>.ts beside each messages.fr.ts.
export const locales = ['fr', 'en'] as const;
export type Locale = (typeof locales)[number];
export type Catalogue = Record<string, string>;
/** A module's catalogues, one per language. */
export type Messages = Record<Locale, Catalogue>;
export type Params = Record<string, string | number>;
export type Translate = (key: string, params?: Params) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export class MissingKeyError extends Error {}

export interface I18n {
  keys(locale: Locale): string[];
  has(key: string): boolean;
  translator(locale: Locale): Translate;
  formatter(locale: Locale): Format;
}

export interface Format {
  date(iso: string | Date | null | undefined): string;
  dateTime(iso: string | Date | null | undefined): string;
  number(n: number): string;
}

/** Builds one translator per locale from every catalogue (platform first, then the modules). */
export function createI18n(catalogues: Messages[], timeZone: string, strict: boolean): I18n {
  const merged = Object.fromEntries(locales.map((l) => [l, new Map<string, string>()])) as Record<Locale, Map<string, string>>;
  for (const messages of catalogues) {
    for (const locale of locales) {
      for (const [key, value] of Object.entries(messages[locale])) {
        if (merged[locale].has(key)) throw new Error(`Catalogue key defined twice: ${key}`);
        merged[locale].set(key, value);
      }
    }
  }
  const translators = {} as Record<Locale, Translate>;
  const formats = {} as Record<Locale, Format>;
  for (const locale of locales) {
    const map = merged[locale];
    // Pages call t() hundreds of times: each message is split once into text and placeholders,
    // and plural categories of small counts are looked up rather than asked of Intl each time.
    const parts = new Map<string, (string | { name: string })[]>();
    for (const [key, text] of map) parts.set(key, text.split(/\{(\w+)\}/).map((p, i) => (i % 2 ? { name: p } : p)));
    const plural = new Intl.PluralRules(locale);
    const smallPlurals = Array.from({ length: 1000 }, (_, n) => plural.select(n));
    const category = (n: number) => (Number.isInteger(n) && n >= 0 && n < 1000 ? smallPlurals[n]! : plural.select(n));
    translators[locale] = (key, params) => {
      let k = key;
      if (params && typeof params.count === 'number') {
        const variant = `${key}.${category(params.count)}`;
        k = map.has(variant) ? variant : map.has(`${key}.other`) ? `${key}.other` : key;
      }
      const text = map.get(k);
      if (text === undefined) {
        // In tests and development a missing key is a bug to see at once; in production the
        // key itself is shown rather than a broken page.
        if (strict) throw new MissingKeyError(`Missing catalogue key "${key}" (${locale})`);
        return key;
      }
      if (!params) return text;
      let out = '';
      for (const part of parts.get(k)!) {
        if (typeof part === 'string') out += part;
        else {
          const v = params[part.name];
          out += v === undefined ? `{${part.name}}` : typeof v === 'number' ? formats[locale].number(v) : v;
        }
      }
      return out;
    };
    const day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long' });
    const dayTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long', timeStyle: 'short' });
    const num = new Intl.NumberFormat(locale);
    formats[locale] = {
      date: memoFormat(day),
      dateTime: memoFormat(dayTime),
      // Small whole numbers have no separators in any locale: skip Intl, which is slow.
      number: (n) => (Number.isInteger(n) && n > -1000 && n < 1000 ? String(n) : num.format(n)),
    };
  }
  return {
    keys: (locale) => [...merged[locale].keys()],
    has: (key) => merged.fr.has(key) || [...merged.fr.keys()].some((k) => k.startsWith(`${key}.`)),
    translator: (locale) => translators[locale],
    formatter: (locale) => formats[locale],
  };
}

/**
 * Intl formatting costs a few microseconds a call, and a list page formats the same stored
 * dates on every request (a card's date, twenty cards a page): the strings are kept, a bounded
 * number of them, keyed by the stored ISO text.
 */
function memoFormat(format: Intl.DateTimeFormat): (v: string | Date | null | undefined) => string {
  const seen = new Map<string, string>();
  return (v) => {
    if (!v) return '';
    if (typeof v !== 'string') return format.format(v);
    let out = seen.get(v);
    if (out === undefined) {
      if (seen.size >= 5000) seen.clear();
      seen.set(v, (out = format.format(new Date(v))));
    }
    return out;
  };
}
