// Demo content for `palabre demo`: an open collect step added to the charter project (made when
// missing), with its categories, a form asking for a summary, a category and an estimated cost,
// and ten proposals by the demo citizens, written through the same functions as the routes so
// every counter and the search index are what the pages would have made. Skipped when the
// charter already has a collect step.
import type { DemoContext } from '../../platform/module.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import type { Step } from '../../platform/participation.ts';
import { createProposal } from './writes.ts';
import { createCategory, saveFormConfig } from './admin-writes.ts';
import { formConfig } from './rules.ts';
import { CATEGORIES, PRESENTATION, PROPOSALS, STEP_TITLE } from './seed-content.ts';

export const CHARTER_SLUG = 'charte-participation';
const DAY = 24 * 3600_000;
const CITIZENS = ['Camille Martin', 'Karim Benali', 'Sophie Lefèvre', 'Lucas Moreau', 'Aïcha Diallo', 'Thomas Girard', 'Élodie Roux', 'Mathieu Fontaine', 'Nadia Haddad', 'Julien Perrin'];

function createStep(db: Db, now: Date): Step | null {
  const iso = now.toISOString();
  const stepId = write(db, (tx) => {
    let project = tx.first(db.selectFrom('projects').select('id').where('slug', '=', CHARTER_SLUG));
    if (!project) {
      const summary = 'Écrivons ensemble les règles qui encadreront la participation des habitants aux décisions de la commune.';
      project = { id: tx.run(db.insertInto('projects').values({ slug: CHARTER_SLUG, title: 'Charte de la participation citoyenne', summary, visibility: 'public', cover_path: null, created_at: iso, updated_at: iso })).lastInsertRowid };
    }
    if (tx.first(db.selectFrom('steps').select('id').where('project_id', '=', project.id).where('type', '=', 'collect'))) return null;
    const last = tx.first(db.selectFrom('steps').select((eb) => eb.fn.max('position').as('p')).where('project_id', '=', project.id));
    return tx.run(
      db.insertInto('steps').values({
        project_id: project.id,
        position: Number(last?.p ?? 0) + 1,
        type: 'collect',
        title: STEP_TITLE,
        body_md: PRESENTATION,
        starts_at: new Date(now.getTime() - 6 * DAY).toISOString(),
        ends_at: new Date(now.getTime() + 30 * DAY).toISOString(),
        created_at: iso,
        updated_at: iso,
      }),
    ).lastInsertRowid;
  });
  return stepId === null ? null : (readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId)) as Step);
}

/** demo1@example.org … demo10@example.org, found or created (other seeds share them). */
function findOrCreateCitizens(db: Db, now: Date): number[] {
  return write(db, (tx) =>
    CITIZENS.map((name, i) => {
      const email = `demo${i + 1}@example.org`;
      const found = tx.first(db.selectFrom('users').select('id').where('email', '=', email));
      return found ? found.id : insertUser(db, tx, { email, passwordHash: null, displayName: name, emailConfirmed: true }, new Date(now.getTime() - (40 - i) * DAY).toISOString());
    }),
  );
}

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = createStep(db, now);
  if (!step) {
    log('collect: the charter already has a collect step, nothing added');
    return;
  }
  const people = findOrCreateCitizens(db, now);
  const form = formConfig('{}');
  form.fields.category.mode = 'required';
  form.fields.cost = { mode: 'optional', help: 'Une estimation suffit : les services de la ville la préciseront.' };
  form.costMax = 100000;
  saveFormConfig(db, step.id, form);
  const categories = CATEGORIES.map(([name, colour]) => createCategory(db, step.id, { name, colour }));
  let clock = now.getTime() - 5 * DAY;
  for (const [who, cat, title, summary, body, address, cost] of PROPOSALS) {
    const input = { title, summary, body, categoryId: categories[cat]!, districtId: null, address, cost, answers: {} };
    createProposal(db, step, people[who]!, input, { now: new Date((clock += 9 * 3600_000)).toISOString() });
  }
  log(`collect: "${STEP_TITLE}", ${categories.length} categories, ${PROPOSALS.length} proposals`);
}
