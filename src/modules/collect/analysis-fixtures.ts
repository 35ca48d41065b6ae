// Test fixtures of the analysis by officials, on top of test-fixtures.ts: a collect step with a
// proposal by an author who follows it (as every author does) and a follower, a decision maker
// of the step, an analyst assigned to the proposal, another analyst assigned elsewhere in the
// step, a moderator and an administrator; their clients are logged in on demand.
import type { TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { follow } from '../../platform/notifications.ts';
import { addProposal, makeCollect, type CollectOptions } from './test-fixtures.ts';
import { addDecider, assignAnalyst } from './analysis-writes.ts';

export const ROLES = ['anonymous', 'citizen', 'other_analyst', 'analyst', 'decider', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function analysisScene(t: TestApp, o: CollectOptions = {}) {
  const c = makeCollect(t.db, o);
  const author = addUser(t.db, 'citizen', { name: 'Camille Autrice' });
  const follower = addUser(t.db, 'citizen', { name: 'Dominique Abonnée', locale: 'en' });
  const proposal = addProposal(t.db, c, author, { title: 'Un jardin partagé rue des Lilas', cost: 12000 });
  const other = addProposal(t.db, c, addUser(t.db), { title: 'Des bancs au parc' });
  write(t.db, (tx) => follow(t.db, tx, follower, { kind: 'contribution', id: proposal }));
  const people = {
    citizen: addUser(t.db, 'citizen'),
    other_analyst: addUser(t.db, 'citizen', { name: 'Analyste Autre' }),
    analyst: addUser(t.db, 'citizen', { name: 'Alex Analyste' }),
    decider: addUser(t.db, 'citizen', { name: 'Denise Décideuse' }),
    moderator: addUser(t.db, 'moderator'),
    admin: addUser(t.db, 'admin'),
  };
  addDecider(t.db, c.stepId, people.decider);
  assignAnalyst(t.db, c.stepId, proposal, people.analyst);
  assignAnalyst(t.db, c.stepId, other, people.other_analyst);
  const email = (id: number) => (t.db.sqlite.prepare('select email from users where id = ?').get(id) as { email: string }).email;
  const clients = new Map<Role, Awaited<ReturnType<typeof loginAs>>['client']>();
  const as = async (who: Role) => {
    if (!clients.has(who)) clients.set(who, who === 'anonymous' ? await anonymousClient(t) : (await loginAs(t, people[who])).client);
    return clients.get(who)!;
  };
  return { ...c, author, follower, proposal, other, people, email, as, base: `/collect/${c.stepId}` };
}

async function anonymousClient(t: TestApp) {
  const client = t.client();
  await client.get('/register');
  return client;
}

/** Sends the emails of notifications waiting to go out (the notifications module's job, as the server runs it). */
export async function sendNotificationEmails(t: TestApp): Promise<void> {
  const job = t.app.manifests.flatMap((m) => m.jobs ?? []).find((j) => j.name === 'notifications.immediate');
  if (!job) throw new Error('the notifications module is not enabled');
  await job.run(t.app);
  await t.app.mailer.flush();
}
