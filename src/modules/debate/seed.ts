// Demo content for `palabre demo`: an open debate step added to the charter project (which the
// projects seed creates; made here when this seed runs alone), with its two invited opinions,
// arguments for and against, "useful" marks and votes from the ten demo citizens. Everything goes
// through the same write functions as the routes, so every counter is what the pages would have
// made. Skipped when the charter already has a debate step.
import type { DemoContext } from '../../platform/module.ts';
import { addDemoStep, demoCitizens } from '../../platform/demo.ts';
import { castVote, createArgument, saveOpinions, setUsefulMark } from './writes.ts';
import { ARGUMENTS_AGAINST, ARGUMENTS_FOR, OPINIONS, PRESENTATION, QUESTION, VOTES } from './seed-content.ts';

const DAY = 24 * 3600_000;

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = addDemoStep(db, { type: 'debate', title: QUESTION, body: PRESENTATION, startedDaysAgo: 5, endsInDays: 25 }, now);
  if (!step) {
    log('debate: the charter already has a debate step, nothing added');
    return;
  }
  const people = demoCitizens(db, now);
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
