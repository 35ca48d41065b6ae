// Demo content for `palabre demo`: themes, districts, and a few projects with presentation
// steps. Other modules' seeds find the charter project by its slug `charte-participation` and
// add their steps to it; whichever seed runs first creates it, so the order does not matter.
import type { DemoContext } from '../../platform/module.ts';
import type { Db } from '../../db/open.ts';
import type { Tx } from '../../db/write.ts';
import { write } from '../../db/write.ts';

const THEMES = ['Mobilité', 'Environnement', 'Culture', 'Urbanisme', 'Solidarité'];
const DISTRICTS = ['Centre-ville', 'Nord', 'Sud'];
const DAY = 24 * 3600_000;

interface DemoProject {
  slug: string;
  title: string;
  summary: string;
  body: string;
  themes: string[];
  districts: string[];
  step: { title: string; body: string; startDays: number; endDays: number };
}

const PROJECTS: DemoProject[] = [
  {
    slug: 'charte-participation',
    title: 'Charte de la participation citoyenne',
    summary: 'Écrivons ensemble les règles qui encadreront la participation des habitants aux décisions de la commune.',
    body: 'La commune souhaite se doter d’une **charte de la participation citoyenne**.\n\nElle fixera les engagements de la municipalité et les droits des habitants : information, consultation, suivi des décisions.',
    themes: ['Solidarité'],
    districts: [],
    step: { title: 'Présentation de la démarche', body: 'Réunion publique de lancement et calendrier de la démarche.', startDays: -45, endDays: -30 },
  },
  {
    slug: 'parc-du-sud',
    title: 'Réaménagement du parc du Sud',
    summary: 'Aires de jeux, ombrage, jardins partagés : quel parc voulez-vous ?',
    body: 'Le parc du Sud sera réaménagé l’an prochain. Découvrez le diagnostic et les premières pistes.',
    themes: ['Environnement', 'Urbanisme'],
    districts: ['Sud'],
    step: { title: 'Le diagnostic', body: 'Le parc accueille 2 000 visiteurs par semaine en été ; il manque d’ombre et de bancs.', startDays: -7, endDays: 30 },
  },
  {
    slug: 'budget-participatif-2027',
    title: 'Budget participatif 2027',
    summary: '500 000 € pour des projets proposés et choisis par les habitants.',
    body: 'Le dépôt des idées ouvrira bientôt. Chaque habitant pourra proposer un projet d’intérêt général.',
    themes: ['Culture', 'Mobilité'],
    districts: ['Centre-ville', 'Nord', 'Sud'],
    step: { title: 'Règlement du budget participatif', body: 'Qui peut proposer, quels projets sont recevables, comment se déroule le vote.', startDays: 20, endDays: 60 },
  },
];

function idsByName(db: Db, tx: Tx, table: 'themes' | 'districts', names: string[]): number[] {
  if (!names.length) return [];
  return tx.all(db.selectFrom(table).select('id').where('name', 'in', names)).map((r) => r.id);
}

/** Creates the project if missing, then adds its presentation step unless it has one (placed first). */
function seedProject(db: Db, tx: Tx, p: DemoProject, now: Date): void {
  const iso = now.toISOString();
  let project = tx.first(db.selectFrom('projects').select('id').where('slug', '=', p.slug));
  if (!project) {
    const id = tx.run(db.insertInto('projects').values({ slug: p.slug, title: p.title, summary: p.summary, body_md: p.body, visibility: 'public', cover_path: null, created_at: iso, updated_at: iso })).lastInsertRowid;
    project = { id };
    for (const theme_id of idsByName(db, tx, 'themes', p.themes)) tx.run(db.insertInto('project_themes').values({ project_id: id, theme_id }).onConflict((oc) => oc.doNothing()));
    for (const district_id of idsByName(db, tx, 'districts', p.districts)) tx.run(db.insertInto('project_districts').values({ project_id: id, district_id }).onConflict((oc) => oc.doNothing()));
  }
  const steps = tx.first(
    db
      .selectFrom('steps')
      .select((eb) => [eb.fn.min('position').as('first'), eb.fn.sum<number>(eb.case().when('type', '=', 'presentation').then(1).else(0).end()).as('presentations')])
      .where('project_id', '=', project.id),
  );
  if (Number(steps?.presentations ?? 0) > 0) return;
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  tx.run(
    db.insertInto('steps').values({
      project_id: project.id,
      position: steps?.first === null || steps?.first === undefined ? 1 : Number(steps.first) - 1,
      type: 'presentation',
      title: p.step.title,
      body_md: p.step.body,
      starts_at: at(p.step.startDays),
      ends_at: at(p.step.endDays),
      created_at: iso,
      updated_at: iso,
    }),
  );
}

export function seed({ db, log }: DemoContext, now = new Date()): void {
  write(db, (tx) => {
    for (const name of THEMES) tx.run(db.insertInto('themes').values({ name }).onConflict((oc) => oc.doNothing()));
    for (const name of DISTRICTS) tx.run(db.insertInto('districts').values({ name }).onConflict((oc) => oc.doNothing()));
    for (const p of PROJECTS) seedProject(db, tx, p, now);
  });
  log(`projects: ${THEMES.length} themes, ${DISTRICTS.length} districts, ${PROJECTS.length} projects`);
}
