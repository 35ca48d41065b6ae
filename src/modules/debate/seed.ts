// Demo content for `palabre demo`: an open debate step added to the charter project (which the
// projects seed creates; made here when this seed runs alone), with its two invited opinions,
// arguments for and against, "useful" marks and votes from the ten demo citizens. Everything goes
// through the same write functions as the routes, so every counter is what the pages would have
// made. Skipped when the charter already has a debate step.
import type { DemoContext } from '../../platform/module.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { insertUser } from '../../platform/users.ts';
import type { Step } from '../../platform/participation.ts';
import { castVote, createArgument, saveOpinions, setUsefulMark } from './writes.ts';
import { ARGUMENTS_AGAINST, ARGUMENTS_FOR, CITIZENS, OPINIONS, PRESENTATION, QUESTION, VOTES } from './seed-content.ts';

export const CHARTER_SLUG = 'charte-participation';
const DAY = 24 * 3600_000;

/** The charter project (created public when missing) and its new debate step, placed last. */
function createStep(db: Db, now: Date): Step | null {
  const iso = now.toISOString();
  const stepId = write(db, (tx) => {
    let project = tx.first(db.selectFrom('projects').select('id').where('slug', '=', CHARTER_SLUG));
    if (!project) {
      const summary = 'Écrivons ensemble les règles qui encadreront la participation des habitants aux décisions de la commune.';
      project = { id: tx.run(db.insertInto('projects').values({ slug: CHARTER_SLUG, title: 'Charte de la participation citoyenne', summary, visibility: 'public', cover_path: null, created_at: iso, updated_at: iso })).lastInsertRowid };
    }
    if (tx.first(db.selectFrom('steps').select('id').where('project_id', '=', project.id).where('type', '=', 'debate'))) return null;
    const last = tx.first(db.selectFrom('steps').select((eb) => eb.fn.max('position').as('p')).where('project_id', '=', project.id));
    return tx.run(
      db.insertInto('steps').values({
        project_id: project.id,
        position: Number(last?.p ?? 0) + 1,
        type: 'debate',
        title: QUESTION,
        body_md: PRESENTATION,
        starts_at: new Date(now.getTime() - 5 * DAY).toISOString(),
        ends_at: new Date(now.getTime() + 25 * DAY).toISOString(),
        created_at: iso,
        updated_at: iso,
      }),
    ).lastInsertRowid;
  });
  return stepId === null ? null : (readSync(db).first(db.selectFrom('steps').selectAll().where('id', '=', stepId)) as Step);
}

/** demo1@example.org … demo10@example.org, confirmed, without a password (no login); other
 * modules' seeds use the same people, whichever runs first creates them. */
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
    log('debate: the charter already has a debate step, nothing added');
    return;
  }
  const people = findOrCreateCitizens(db, now);
  saveOpinions(db, step.id, { for: OPINIONS.for, against: OPINIONS.against }, new Date(now.getTime() - 5 * DAY).toISOString());
  // Written over the last four days, oldest first.
  let clock = now.getTime() - 4 * DAY;
  const tick = () => new Date((clock += 5 * 3600_000)).toISOString();
  const written: { id: number; author: number }[] = [];
  for (const [side, list] of [['for', ARGUMENTS_FOR], ['against', ARGUMENTS_AGAINST]] as const) {
    for (const [who, body] of list) {
      const id = createArgument(db, step, people[who]!, side, body, tick())?.id ?? null;
      if (id !== null) written.push({ id, author: people[who]! });
    }
  }
  // Marks: the first arguments of each side are found useful by a few others, never their authors.
  let marks = 0;
  written.forEach((a, i) => {
    for (const p of people.slice(i % 3, (i % 3) + (4 - (i % 4)))) {
      if (p === a.author) continue;
      setUsefulMark(db, step, a.id, p, true, tick());
      marks++;
    }
  });
  const votes = VOTES.flatMap((side, i) => (side ? [castVote(db, step, people[i]!, side, tick())] : []));
  await Promise.all(votes); // one commit for them all
  log(`debate: "${QUESTION}", 2 invited opinions, ${written.length} arguments, ${marks} useful marks, ${votes.length} votes`);
}
