// Reporting a contribution: who may (logged in, address confirmed) and who may not, the CSRF
// token, bad input refused with 422 and its message in the person's language with nothing
// written, once per person and item (the database says so), and the moderators' email: one per
// item until it is dealt with, through the outbox, received by the real SMTP capture.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, addReport, makeModeratedStep, openReports } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const written = () => countRows(t, 'moderation_reports') + countRows(t, 'moderation_flags') + countRows(t, 'mail_outbox');

test('the report form: anonymous people are sent to log in, a confirmed citizen gets the form, an unconfirmed one a 403', async () => {
  const s = makeModeratedStep(t.db);
  const id = addArgument(t.db, s, addUser(t.db), { body: 'Un argument à signaler' });
  const anon = await t.client().get(`/moderation/report/${id}`);
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/login\?next=/);
  const { client } = await loginAs(t);
  const form = await client.get(`/moderation/report/${id}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<h1>Signaler une contribution<\/h1>/);
  assert.match(form.body, /Un argument à signaler/);
  for (const r of ['spam', 'offensive', 'off_topic', 'personal_data', 'other']) assert.match(form.body, new RegExp(`name="reason" value="${r}"`));
  assert.match(form.body, /<legend>Motif du signalement/);
  const unconfirmed = await loginAs(t, 'citizen', { confirmed: false });
  const refused = await unconfirmed.client.get(`/moderation/report/${id}`);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Confirmez d’abord votre adresse/);
});

test('reporting: anonymous 401, unconfirmed 403, CSRF refused, all writing nothing', async () => {
  const s = makeModeratedStep(t.db);
  const id = addArgument(t.db, s, addUser(t.db));
  const before = written();
  assert.equal((await (await anonymous(t)).post(`/moderation/report/${id}`, { reason: 'spam' })).statusCode, 401);
  const unconfirmed = await loginAs(t, 'citizen', { confirmed: false });
  assert.equal((await unconfirmed.client.post(`/moderation/report/${id}`, { reason: 'spam' })).statusCode, 403);
  const { client } = await loginAs(t);
  assert.equal((await client.post(`/moderation/report/${id}`, { reason: 'spam', _csrf: 'forged' })).statusCode, 403);
  assert.equal((await client.post(`/moderation/report/${id}`, { reason: 'spam', _csrf: '' })).statusCode, 403);
  assert.equal(written(), before);
});

test('bad input gives 422 with its message in French and English, nothing written', async () => {
  const s = makeModeratedStep(t.db);
  const id = addArgument(t.db, s, addUser(t.db));
  const { client } = await loginAs(t);
  const before = written();
  const none = await client.post(`/moderation/report/${id}`, { details: '' });
  assert.equal(none.statusCode, 422);
  assert.match(none.body, /Choisissez un motif/);
  assert.match(none.body, /class="error-summary"/);
  const bogus = await client.post(`/moderation/report/${id}`, { reason: 'boring' });
  assert.equal(bogus.statusCode, 422);
  const other = await client.post(`/moderation/report/${id}`, { reason: 'other', details: '  ' });
  assert.equal(other.statusCode, 422);
  assert.match(other.body, /Précisez la raison du signalement/);
  assert.match(other.body, /value="other" checked/, 'what was sent is kept');
  const long = await client.post(`/moderation/report/${id}`, { reason: 'spam', details: 'x'.repeat(1001) });
  assert.equal(long.statusCode, 422);
  await client.get('/lang/en');
  const english = await client.post(`/moderation/report/${id}`, { reason: 'other' });
  assert.equal(english.statusCode, 422);
  assert.match(english.body, /Say why you report it/);
  assert.match((await client.post(`/moderation/report/${id}`, {})).body, /Choose a reason/);
  await client.get('/lang/fr');
  assert.equal(written(), before);
});

test('only published contributions of visible projects can be reported; forged ids give 404', async () => {
  const s = makeModeratedStep(t.db);
  const { client } = await loginAs(t);
  const before = written();
  for (const status of ['hidden', 'pending', 'trashed'] as const) {
    const id = addArgument(t.db, s, addUser(t.db), { status });
    assert.equal((await client.get(`/moderation/report/${id}`)).statusCode, 404);
    assert.equal((await client.post(`/moderation/report/${id}`, { reason: 'spam' })).statusCode, 404);
  }
  const hiddenProject = makeModeratedStep(t.db, { visibility: 'draft' });
  const secret = addArgument(t.db, hiddenProject, addUser(t.db));
  assert.equal((await client.post(`/moderation/report/${secret}`, { reason: 'spam' })).statusCode, 404);
  for (const bad of ['0', '99999999', 'abc', '1e3']) assert.equal((await client.post(`/moderation/report/${bad}`, { reason: 'spam' })).statusCode, 404);
  assert.equal(written(), before);
});

test('a report is recorded once per person and item: 303 back to the contribution, then 409 and nothing written', async () => {
  const s = makeModeratedStep(t.db);
  const id = addArgument(t.db, s, addUser(t.db));
  const { client, userId } = await loginAs(t);
  const res = await client.post(`/moderation/report/${id}`, { reason: 'offensive', details: 'Des insultes.' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/debate/${s.stepId}/arguments/${id}`);
  const back = await client.get(res.headers.location!);
  assert.match(back.body, /votre signalement a été transmis/);
  const row = t.db.sqlite.prepare('select reporter_id, reason, details, closed_at from moderation_reports where contribution_id = ?').get(id);
  assert.deepEqual(row, { reporter_id: userId, reason: 'offensive', details: 'Des insultes.', closed_at: null });
  assert.equal(openReports(t.db, id), 1);
  const before = written();
  const again = await client.post(`/moderation/report/${id}`, { reason: 'spam' });
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /Vous avez déjà signalé cette contribution/);
  assert.equal(written(), before);
  assert.equal(openReports(t.db, id), 1);
  // The form says so too, instead of offering a second report.
  const form = await client.get(`/moderation/report/${id}`);
  assert.match(form.body, /Vous avez déjà signalé cette contribution/);
  assert.doesNotMatch(form.body, /name="reason"/);
  // The database itself refuses a second one.
  assert.throws(() => addReport(t.db, id, userId), /UNIQUE constraint failed: moderation_reports/);
});

test('moderators and administrators get one email per reported item, in their language, until it is dealt with', async () => {
  const moderator = addUser(t.db, 'moderator', { locale: 'fr' });
  const admin = addUser(t.db, 'admin', { locale: 'en' });
  const addresses = t.db.sqlite.prepare('select id, email from users where id in (?, ?)').all(moderator, admin) as { id: number; email: string }[];
  const modEmail = addresses.find((a) => a.id === moderator)!.email;
  const adminEmail = addresses.find((a) => a.id === admin)!.email;
  const s = makeModeratedStep(t.db);
  const id = addArgument(t.db, s, addUser(t.db));
  const first = await loginAs(t);
  const second = await loginAs(t);
  assert.equal((await first.client.post(`/moderation/report/${id}`, { reason: 'spam' })).statusCode, 303);
  const fr = await t.smtp.waitFor(modEmail, /Contribution signalée/);
  assert.match(fr.text, /Motif : Spam ou publicité/);
  assert.match(fr.text, new RegExp(`http://localhost:3000/moderation/items/${id}`));
  assert.match(fr.text, new RegExp(`http://localhost:3000/debate/${s.stepId}/arguments/${id}`));
  const en = await t.smtp.waitFor(adminEmail, /Reported contribution/);
  assert.match(en.text, /Reason: Spam or advertising/);
  assert.equal((await second.client.post(`/moderation/report/${id}`, { reason: 'offensive' })).statusCode, 303);
  await t.app.mailer.flush();
  assert.equal(openReports(t.db, id), 2);
  const about = (m: { text: string }) => m.text.includes(`/moderation/items/${id}`);
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(modEmail) && about(m)).length, 1, 'one email per item, not per report');
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(adminEmail) && about(m)).length, 1);
  // Dealt with (reports dismissed), a new report tells them again.
  const mod = await loginAs(t, moderator);
  assert.equal((await mod.client.post(`/moderation/items/${id}/dismiss`, { dismiss_motive: '' })).statusCode, 303);
  const third = await loginAs(t);
  assert.equal((await third.client.post(`/moderation/report/${id}`, { reason: 'off_topic' })).statusCode, 303);
  await t.smtp.waitFor(modEmail, /Contribution signalée/);
  for (let i = 0; i < 100 && t.smtp.messages.filter((m) => m.to.includes(modEmail) && about(m)).length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(t.smtp.messages.filter((m) => m.to.includes(modEmail) && about(m)).length, 2);
});
