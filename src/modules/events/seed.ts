// Demo content for `palabre demo`: a workshop of the charter project with registration and a
// capacity, a public meeting for the whole site, an online session and a past walk. The charter
// is found by its slug, never created. Each event is added only when its slug is free, so
// running the demo twice adds nothing.
import type { DemoContext } from '../../platform/module.ts';
import { readSync } from '../../db/write.ts';
import { insertEvent } from './writes.ts';
import type { EventFields } from './rules.ts';

export const CHARTER_SLUG = 'charte-participation';
const DAY = 24 * 3600_000;

interface DemoEvent {
  slug: string;
  title: string;
  /** Days from the demo's day, and the start and length in hours (UTC, evening in France). */
  inDays: number;
  startHourUtc: number;
  hours: number;
  charter: boolean;
  place: string;
  point: [number, number] | null;
  online: string | null;
  capacity: number | null;
  registration: boolean;
  body: string;
}

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    slug: 'atelier-charte-jeunes',
    title: 'Atelier : la place des jeunes dans les instances de quartier',
    inDays: 9,
    startHourUtc: 17,
    hours: 2,
    charter: true,
    place: 'Salle des fêtes, 1 place de la Mairie',
    point: [48.8566, 2.3522],
    online: null,
    capacity: 30,
    registration: true,
    body: 'Un atelier pour approfondir une question qui revient souvent dans la consultation sur la charte.\n\n- accueil à partir de 18 h 45 ;\n- travail en petits groupes ;\n- restitution commune.\n\nLes places sont limitées : **inscrivez-vous** pour être sûr d’en avoir une.',
  },
  {
    slug: 'reunion-publique-de-rentree',
    title: 'Réunion publique de rentrée',
    inDays: 16,
    startHourUtc: 18,
    hours: 2,
    charter: false,
    place: 'Auditorium de la médiathèque, 12 rue des Écoles',
    point: null,
    online: null,
    capacity: null,
    registration: false,
    body: 'Le maire et les élus présentent les projets de l’année et répondent à vos questions. Entrée libre.',
  },
  {
    slug: 'permanence-en-ligne',
    title: 'Permanence en ligne : utiliser la plateforme',
    inDays: 4,
    startHourUtc: 12,
    hours: 1,
    charter: false,
    place: '',
    point: null,
    online: 'https://visio.exemple.fr/permanence-participation',
    capacity: null,
    registration: true,
    body: 'Une demi-heure de démonstration, puis vos questions : créer un compte, donner son avis, suivre un projet.',
  },
  {
    slug: 'balade-urbaine-centre-ville',
    title: 'Balade urbaine du centre-ville',
    inDays: -20,
    startHourUtc: 8,
    hours: 3,
    charter: false,
    place: 'Départ devant la gare',
    point: null,
    online: null,
    capacity: 25,
    registration: true,
    body: 'Une marche commentée pour repérer ensemble ce qui pourrait changer dans le centre-ville.',
  },
];

/** The demo day at a given UTC hour, `days` away. */
function at(now: Date, days: number, hourUtc: number): string {
  const d = new Date(now.getTime() + days * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString();
}

export function seed({ db, log }: DemoContext, now = new Date()): void {
  const r = readSync(db);
  const charter = r.first(db.selectFrom('projects').select('id').where('slug', '=', CHARTER_SLUG));
  let added = 0;
  for (const e of DEMO_EVENTS) {
    if (r.first(db.selectFrom('events_events').select('id').where('slug', '=', e.slug))) continue;
    const starts = at(now, e.inDays, e.startHourUtc);
    const fields: EventFields = {
      title: e.title,
      slug: e.slug,
      project_id: e.charter ? (charter?.id ?? null) : null,
      starts_at: starts,
      ends_at: new Date(Date.parse(starts) + e.hours * 3600_000).toISOString(),
      place: e.place,
      latitude: e.point?.[0] ?? null,
      longitude: e.point?.[1] ?? null,
      online_url: e.online,
      body_md: e.body,
      registration: e.registration ? 1 : 0,
      capacity: e.capacity,
    };
    insertEvent(db, fields, now.toISOString());
    added++;
  }
  log(added ? `events: ${added} events added` : 'events: the demo events exist, nothing added');
}
