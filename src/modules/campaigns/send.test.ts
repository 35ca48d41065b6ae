// Sending a campaign through the real app and the real SMTP capture: the count of recipients is
// shown before sending and only the people it must reach receive it (never those who did not
// consent, nor deleted, suspended or unconfirmed accounts); a test goes to the administrator
// alone; the send queues every message once, at a steady pace, with one-click unsubscribe
// headers; its progress is read from the outbox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs, makeProject } from '../../../test/helpers/factories.ts';
import { linkIn } from '../../../test/helpers/smtp.ts';
import { write } from '../../db/write.ts';
import { addPerson, makeCampaign } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const admin = async () => (await loginAs(t, 'admin', { name: 'Camille Admin' })).client;
const rows = (campaignId: number) =>
  t.db.sqlite.prepare('select to_address, subject, text_body, headers, next_attempt_at, sent_at from mail_outbox where campaign_id = ? order by id').all(campaignId) as {
    to_address: string;
    subject: string;
    text_body: string;
    headers: string | null;
    next_attempt_at: string;
    sent_at: string | null;
  }[];
/** Makes every queued message of the campaign due now, and sends them. */
async function deliverAll(campaignId: number) {
  write(t.db, (tx) => tx.run(t.db.updateTable('mail_outbox').set({ next_attempt_at: new Date(0).toISOString() }).where('campaign_id', '=', campaignId).where('sent_at', 'is', null)));
  await t.app.mailer.flush();
}

test('a news campaign reaches exactly those who consented to the news, with a live account and a confirmed address', async () => {
  const reached = [addPerson(t.db, { consent: true }), addPerson(t.db, { consent: true, locale: 'en' }), addPerson(t.db, { consent: true, notify: 'off' })];
  const skipped = [addPerson(t.db), addPerson(t.db, { consent: true, confirmed: false }), addPerson(t.db, { consent: true, suspended: true }), addPerson(t.db, { consent: true, deleted: true })];
  const client = await admin();
  const created = await client.post('/admin/campaigns', { subject: 'La fête du quartier', body: 'Rendez-vous samedi place du marché.\n\nÀ bientôt !', audience: 'news', project_id: '' });
  assert.equal(created.statusCode, 303);
  const id = Number(/\/admin\/campaigns\/(\d+)$/.exec(created.headers.location as string)![1]);

  const page = await client.get(`/admin/campaigns/${id}`);
  assert.match(page.body, /Ce message sera envoyé à <!-- -->?3 personnes|Ce message sera envoyé à 3 personnes/);
  assert.match(page.body, /Rendez-vous samedi place du marché/, 'the preview shows the text');
  assert.match(page.body, /accepté de recevoir les actualités/, 'and the reason it is sent');
  assert.match(page.body, /Envoyer à 3 personnes/);
  assert.equal(countRows(t, `mail_outbox where campaign_id = ${id}`), 0, 'nothing is queued before the send');

  assert.equal((await client.post(`/admin/campaigns/${id}/send`, { per_minute: '600' })).statusCode, 303);
  const queued = rows(id);
  assert.deepEqual(queued.map((r) => r.to_address).sort(), reached.map((p) => p.email).sort());
  await deliverAll(id);
  for (const p of reached) await t.smtp.waitFor(p.email, /La fête du quartier/);
  for (const p of skipped) assert.ok(!t.smtp.messages.some((m) => m.to.includes(p.email)), `${p.email} never receives it`);
  const english = await t.smtp.waitFor(reached[1]!.email, /La fête du quartier/);
  assert.match(english.text, /Rendez-vous samedi place du marché\.\n\nÀ bientôt !/, 'the text as written');
  assert.match(english.text, /agreed to receive the news/, 'the platform’s part in the recipient’s language');
  // The link in the text is the person's own, to the news list.
  assert.match(linkIn(english, '/unsubscribe/'), /^\/unsubscribe\/[^/]+\/news$/);
  const campaign = t.db.sqlite.prepare('select sent_at, recipients_count, per_minute from campaigns_emails where id = ?').get(id) as { sent_at: string; recipients_count: number; per_minute: number };
  assert.ok(campaign.sent_at);
  assert.equal(campaign.recipients_count, 3);
  assert.equal(campaign.per_minute, 600);
});

test('a project campaign reaches its participants who did not turn the platform’s emails off, each with a one-click unsubscribe header', async () => {
  const projectId = makeProject(t.db, { title: 'Le parc des Minimes' });
  const reached = [addPerson(t.db, { participantOf: projectId }), addPerson(t.db, { participantOf: projectId, notify: 'digest' })];
  addPerson(t.db, { participantOf: projectId, notify: 'off' });
  addPerson(t.db, { participantOf: projectId, suspended: true });
  addPerson(t.db, { consent: true }); // consented to the news, but took no part in the project
  const id = makeCampaign(t.db, { audience: 'project', projectId, subject: 'Le parc : les résultats' });
  const client = await admin();
  assert.match((await client.get(`/admin/campaigns/${id}`)).body, /Ce message sera envoyé à 2 personnes/);
  assert.equal((await client.post(`/admin/campaigns/${id}/send`, { per_minute: '300' })).statusCode, 303);
  const queued = rows(id);
  assert.deepEqual(queued.map((r) => r.to_address).sort(), reached.map((p) => p.email).sort());
  for (const r of queued) {
    const headers = JSON.parse(r.headers!);
    assert.match(headers['List-Unsubscribe'], /^<http:\/\/localhost:3000\/unsubscribe\/[^/]+\/notifications>$/);
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.match(r.text_body, /participé au projet « Le parc des Minimes »/);
    assert.ok(r.text_body.includes(headers['List-Unsubscribe'].slice(1, -1)), 'the same link in the text');
  }
});

test('the messages of a send are spread at the chosen pace: one every 60/n seconds, the first at once', async () => {
  const projectId = makeProject(t.db);
  for (let i = 0; i < 5; i++) addPerson(t.db, { participantOf: projectId });
  const id = makeCampaign(t.db, { audience: 'project', projectId });
  const client = await admin();
  const before = Date.now();
  assert.equal((await client.post(`/admin/campaigns/${id}/send`, { per_minute: '2' })).statusCode, 303);
  const due = rows(id).map((r) => Date.parse(r.next_attempt_at));
  assert.equal(due.length, 5);
  assert.ok(due[0]! >= before - 1000 && due[0]! <= Date.now());
  for (let i = 1; i < due.length; i++) assert.equal(due[i]! - due[i - 1]!, 30_000, 'two a minute');
  // Only what is due leaves: the first one, the others wait for their time.
  await t.app.mailer.flush();
  assert.equal(rows(id).filter((r) => r.sent_at).length, 1);

  const progress = await client.get(`/admin/campaigns/${id}/progress`);
  assert.equal(progress.statusCode, 200);
  assert.match(progress.body, /1 message envoyé sur 5/);
  assert.match(progress.body, /4 messages en attente/);
  assert.match(progress.body, /data-hx-trigger="every 5s"/, 'htmx polls while it runs');
  assert.match(progress.body, new RegExp(`href="/admin/campaigns/${id}/progress"`), 'and a link refreshes without JavaScript');
  const fragment = await client.get(`/admin/campaigns/${id}/progress`, { 'hx-request': 'true' });
  assert.match(fragment.body, /^<section id="campaign-progress"/);

  await deliverAll(id);
  const done = await client.get(`/admin/campaigns/${id}/progress`);
  assert.match(done.body, /5 messages envoyés sur 5/);
  assert.match(done.body, /Envoi terminé/);
  assert.doesNotMatch(done.body, /data-hx-trigger/, 'no more polling once done');
});

test('a campaign is sent once: a second send is refused with 409 and queues nothing; it can no longer be edited', async () => {
  const projectId = makeProject(t.db);
  addPerson(t.db, { participantOf: projectId });
  const id = makeCampaign(t.db, { audience: 'project', projectId, subject: 'Une seule fois' });
  const client = await admin();
  const [first, second] = await Promise.all([client.post(`/admin/campaigns/${id}/send`, { per_minute: '300' }), client.post(`/admin/campaigns/${id}/send`, { per_minute: '300' })]);
  assert.deepEqual([first.statusCode, second.statusCode].sort(), [303, 409]);
  assert.equal(rows(id).length, 1);
  const again = await client.post(`/admin/campaigns/${id}/send`, { per_minute: '300' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /déjà été envoyée/);
  const edit = await client.post(`/admin/campaigns/${id}`, { subject: 'Changée', body: 'x', audience: 'news', project_id: '' });
  assert.equal(edit.statusCode, 409);
  assert.equal((t.db.sqlite.prepare('select subject from campaigns_emails where id = ?').get(id) as { subject: string }).subject, 'Une seule fois');
  assert.equal((await client.get(`/admin/campaigns/${id}/edit`)).headers.location, `/admin/campaigns/${id}`);
  assert.equal(rows(id).length, 1);
});

test('a campaign nobody would receive is not sent: 422 with the reason, nothing written', async () => {
  const projectId = makeProject(t.db);
  addPerson(t.db, { participantOf: projectId, notify: 'off' });
  const id = makeCampaign(t.db, { audience: 'project', projectId });
  const client = await admin();
  assert.match((await client.get(`/admin/campaigns/${id}`)).body, /Personne ne recevrait ce message pour le moment/);
  const res = await client.post(`/admin/campaigns/${id}/send`, { per_minute: '300' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Personne ne recevrait ce message : rien n’a été envoyé/);
  assert.equal((t.db.sqlite.prepare('select sent_at from campaigns_emails where id = ?').get(id) as { sent_at: string | null }).sent_at, null);
  assert.equal(rows(id).length, 0);
});

test('a pace that is not a whole number within bounds is refused with 422 in the person’s language, nothing written', async () => {
  const projectId = makeProject(t.db);
  addPerson(t.db, { participantOf: projectId });
  const id = makeCampaign(t.db, { audience: 'project', projectId });
  const { client } = await loginAs(t, 'admin');
  client.cookies.set('lang', 'en');
  const french = await admin();
  for (const per_minute of ['', '0', '-3', '2.5', 'beaucoup', '6001']) {
    const fr = await french.post(`/admin/campaigns/${id}/send`, { per_minute });
    assert.equal(fr.statusCode, 422, per_minute);
    assert.match(fr.body, /Indiquez un nombre entier de messages par minute, entre 1 et 6\u202f?000/);
    assert.match(fr.body, new RegExp(`value="${per_minute.replace('.', '\\.')}"`), 'the value typed is shown again');
  }
  const en = await client.post(`/admin/campaigns/${id}/send`, { per_minute: '0' });
  assert.equal(en.statusCode, 422);
  assert.match(en.body, /Give a whole number of messages per minute, between 1 and 6,000/);
  assert.equal(rows(id).length, 0);
  assert.equal((t.db.sqlite.prepare('select sent_at from campaigns_emails where id = ?').get(id) as { sent_at: string | null }).sent_at, null);
});

test('a test send goes to the administrator alone, marked as a test, and counts for nothing', async () => {
  const projectId = makeProject(t.db, { title: 'Les jardins partagés' });
  const someone = addPerson(t.db, { participantOf: projectId });
  const id = makeCampaign(t.db, { audience: 'project', projectId, subject: 'Les jardins : la suite' });
  const { client, userId } = await loginAs(t, 'admin');
  const email = (t.db.sqlite.prepare('select email from users where id = ?').get(userId) as { email: string }).email;
  await client.get(`/admin/campaigns/${id}`);
  assert.equal((await client.post(`/admin/campaigns/${id}/test`)).statusCode, 303);
  const mail = await t.smtp.waitFor(email, /^\[Essai\] Les jardins : la suite$/);
  assert.match(mail.text, /Le texte de la campagne/);
  assert.match(mail.text, /participé au projet « Les jardins partagés »/);
  assert.ok(!t.smtp.messages.some((m) => m.to.includes(someone.email)), 'the participants receive nothing');
  assert.equal(rows(id).length, 0, 'not part of the campaign’s progress');
  assert.equal((t.db.sqlite.prepare('select sent_at from campaigns_emails where id = ?').get(id) as { sent_at: string | null }).sent_at, null, 'still a draft');
  assert.match((await client.get(`/admin/campaigns/${id}`)).body, /Essai envoyé à votre adresse/);
});
