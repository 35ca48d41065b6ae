// Test fixtures of the results, on top of test-fixtures.ts: a proposal's counters set directly
// (the results read counters, not ballots), a follower, and the notification emails sent as the
// server's job would.
import type { TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import { follow, type Target } from '../../platform/notifications.ts';

/** Sets a proposal's counted digital votes (and points) as the votes would have. */
export function setCounters(db: Db, stepId: number, proposalId: number, votes: number, points = 0, paper = 0): void {
  db.sqlite.prepare('update selection_proposals set votes_count = ?, points = ?, paper_votes = ? where step_id = ? and proposal_id = ?').run(votes, points, paper, stepId, proposalId);
}

let people = 0;
/** A person who follows this target and wants emails right away. */
export function addFollower(db: Db, target: Target, locale: 'fr' | 'en' = 'fr') {
  const email = `suiveur-resultats-${process.pid}-${++people}@example.org`;
  const id = addUser(db, 'citizen', { email, name: `Suiveur ${people}` });
  db.sqlite.prepare("update users set notify_email = 'immediate', locale = ? where id = ?").run(locale, id);
  write(db, (tx) => follow(db, tx, id, target));
  return { id, email };
}

/** Sends the emails of notifications waiting to go out (the notifications module's job). */
export async function sendNotificationEmails(t: TestApp): Promise<void> {
  const job = t.app.manifests.flatMap((m) => m.jobs ?? []).find((j) => j.name === 'notifications.immediate');
  if (!job) throw new Error('the notifications module is not enabled');
  await job.run(t.app);
  await t.app.mailer.flush();
}

export const paperLog = (db: Db, stepId: number) =>
  db.sqlite.prepare('select proposal_id, user_id, votes_before, votes_after, points_before, points_after from selection_paper_entries where step_id = ? order by id').all(stepId) as {
    proposal_id: number;
    user_id: number;
    votes_before: number;
    votes_after: number;
    points_before: number;
    points_after: number;
  }[];
