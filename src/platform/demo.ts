// `palabre demo` and the setup page's "load demo content": each module seeds its own content
// through its manifest, in the order of the module list. The step modules share one demo
// project (the charter, which the projects seed makes first) and ten demo citizens.
import type { Db } from '../db/open.ts';
import { readSync, write } from '../db/write.ts';
import type { Manifest } from './module.ts';
import type { Step } from './participation.ts';
import { insertUser } from './users.ts';

export async function runDemo(db: Db, manifests: readonly Manifest[], log: (line: string) => void = () => {}): Promise<void> {
  for (const manifest of manifests) {
    if (!manifest.seed) continue;
    await manifest.seed({ db, log });
    log(`demo: ${manifest.slug} seeded`);
  }
}

/** The project every step module's demo content goes to. */
export const DEMO_PROJECT_SLUG = 'charte-participation';
const DAY = 24 * 3600_000;
const CITIZENS = ['Camille Durand', 'Karim Benali', 'Sophie Martin', 'Lucas Moreau', 'Aïcha Diallo', 'Julien Petit', 'Marie Lefèvre', 'Thomas Nguyen', 'Léa Garnier', 'Hugo Fontaine'];

export interface DemoStep {
  type: string;
  title: string;
  body: string;
  settings?: Record<string, unknown>;
  /** Open from this many days before now until this many days after. */
  startedDaysAgo: number;
  endsInDays: number;
}

/**
 * Appends a step of `s.type` to the demo project (made public when a module's seed runs without
 * the projects seed), or gives null when the project has one already: the seed then adds
 * nothing, so running the demo twice adds nothing.
 */
export function addDemoStep(db: Db, s: DemoStep, now = new Date()): Step | null {
  const iso = now.toISOString();
  const stepId = write(db, (tx) => {
    let project = tx.first(db.selectFrom('projects').select('id').where('slug', '=', DEMO_PROJECT_SLUG));
    if (!project) {
      const summary = 'Écrivons ensemble les règles qui encadreront la participation des habitants aux décisions de la commune.';
      project = { id: tx.run(db.insertInto('projects').values({ slug: DEMO_PROJECT_SLUG, title: 'Charte de la participation citoyenne', summary, visibility: 'public', cover_path: null, created_at: iso, updated_at: iso })).lastInsertRowid };
    }
    if (tx.first(db.selectFrom('steps').select('id').where('project_id', '=', project.id).where('type', '=', s.type))) return null;
    const last = tx.first(db.selectFrom('steps').select((eb) => eb.fn.max('position').as('p')).where('project_id', '=', project.id));
    return tx.run(
      db.insertInto('steps').values({
        project_id: project.id,
        position: Number(last?.p ?? 0) + 1,
        type: s.type,
        title: s.title,
        body_md: s.body,
        ...(s.settings ? { settings: JSON.stringify(s.settings) } : {}),
        starts_at: new Date(now.getTime() - s.startedDaysAgo * DAY).toISOString(),
        ends_at: new Date(now.getTime() + s.endsInDays * DAY).toISOString(),
        created_at: iso,
        updated_at: iso,
      }),
    ).lastInsertRowid;
  });
  return stepId === null ? null : (readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId)) as Step);
}

/** demo1@example.org … demo10@example.org, confirmed, without a password (no login): found, or
 * created by whichever seed runs first. */
export function demoCitizens(db: Db, now = new Date()): number[] {
  return write(db, (tx) =>
    CITIZENS.map((name, i) => {
      const email = `demo${i + 1}@example.org`;
      const found = tx.first(db.selectFrom('users').select('id').where('email', '=', email));
      return found ? found.id : insertUser(db, tx, { email, passwordHash: null, displayName: name, emailConfirmed: true }, new Date(now.getTime() - (40 - i) * DAY).toISOString());
    }),
  );
}
