// The email to a person named analyst of a proposal: queued in the outbox by the naming, in
// their language, with the proposal's permalink and its analysis page; sent over SMTP; never
// twice for the same naming, never for a refused one, never to an account that cannot receive
// mail nor to the decider naming themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../../../test/helpers/factories.ts';
import { analysisScene } from './analysis-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

/** The outbox rows to this address, oldest first. */
const outbox = (to: string) => t.db.sqlite.prepare('select subject, text_body as text from mail_outbox where to_address = ? order by id').all(to) as { subject: string; text: string }[];

test('a decision maker names an analyst: one email in their language with the proposal’s permalink and its analysis page, and none the second time', async () => {
  const s = analysisScene(t);
  const named = addUser(t.db, 'citizen', { name: 'Noa Nommée', locale: 'en' });
  const to = s.email(named);
  const decider = await s.as('decider');
  const url = `${s.base}/analysis/proposals/${s.proposal}/analysts`;
  const first = await decider.post(url, { email: to });
  assert.equal(first.statusCode, 303);
  assert.match((await decider.get(first.headers.location as string)).body, /L’analyste est désigné ; un courriel l’en informe\./);
  const [mail, ...more] = outbox(to);
  assert.equal(more.length, 0);
  assert.match(mail!.subject, /Proposal no\. \d+ to analyse/);
  assert.match(mail!.text, /^Hello Noa Nommée,/);
  assert.ok(mail!.text.includes('“Un jardin partagé rue des Lilas”'), 'it names the proposal');
  assert.ok(mail!.text.includes(`http://localhost:3000/collect/${s.stepId}/proposals/${s.proposal}\n`), 'with its permalink');
  assert.ok(mail!.text.includes(`http://localhost:3000/collect/${s.stepId}/analysis/proposals/${s.proposal}\n`), 'and its analysis page');
  await t.app.mailer.flush();
  const received = await t.smtp.waitFor(to, /to analyse/);
  assert.ok(received.text.includes(`/collect/${s.stepId}/proposals/${s.proposal}`));
  // Named again, by the same decider or by an administrator: nothing changes, nobody is told.
  const again = await decider.post(url, { email: to.toUpperCase() });
  assert.equal(again.statusCode, 303);
  assert.match((await decider.get(again.headers.location as string)).body, /Cette personne analyse déjà cette proposition/);
  assert.equal((await (await s.as('admin')).post(url, { email: to })).statusCode, 303);
  assert.equal(outbox(to).length, 1);
});

test('a French analyst reads it in French; removed and named again, they are told again', async () => {
  const s = analysisScene(t);
  const named = addUser(t.db, 'citizen', { name: 'Léa Analyste' });
  const to = s.email(named);
  const admin = await s.as('admin');
  const url = `${s.base}/analysis/proposals/${s.proposal}/analysts`;
  assert.equal((await admin.post(url, { email: to })).statusCode, 303);
  const [mail] = outbox(to);
  assert.match(mail!.subject, /Proposition n° \d+ à analyser/);
  assert.match(mail!.text, /Vous êtes désigné analyste de la proposition n° \d+ « Un jardin partagé rue des Lilas »/);
  assert.equal((await admin.post(`${url}/${named}/delete`)).statusCode, 303);
  assert.equal((await admin.post(url, { email: to })).statusCode, 303);
  assert.equal(outbox(to).length, 2, 'a new naming after a removal is news to them');
});

test('nobody who may not name analysts sends an email, nor does a refused address; an unconfirmed account and a decider naming themselves get none', async () => {
  const s = analysisScene(t);
  const target = addUser(t.db, 'citizen');
  const to = s.email(target);
  const url = `${s.base}/analysis/proposals/${s.proposal}/analysts`;
  const refused: [Parameters<typeof s.as>[0], number][] = [['anonymous', 401], ['citizen', 403], ['moderator', 403], ['analyst', 403], ['other_analyst', 403]];
  for (const [who, status] of refused) assert.equal((await (await s.as(who)).post(url, { email: to })).statusCode, status, who);
  assert.equal(outbox(to).length, 0);
  const decider = await s.as('decider');
  assert.equal((await decider.post(url, { email: 'inconnu@example.org' })).statusCode, 422);
  assert.equal(outbox('inconnu@example.org').length, 0);
  const unconfirmed = addUser(t.db, 'citizen', { confirmed: false });
  const res = await decider.post(url, { email: s.email(unconfirmed) });
  assert.equal(res.statusCode, 303);
  assert.match((await decider.get(res.headers.location as string)).body, /Aucun courriel ne lui est envoyé/);
  assert.equal(outbox(s.email(unconfirmed)).length, 0);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_analysts where proposal_id = ? and user_id = ?').get(s.proposal, unconfirmed) as { n: number }).n, 1, 'named all the same');
  assert.equal((await decider.post(url, { email: s.email(s.people.decider) })).statusCode, 303);
  assert.equal(outbox(s.email(s.people.decider)).length, 0, 'never the official who named');
});
