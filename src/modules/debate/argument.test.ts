// Arguments: one per person and side (a UNIQUE constraint, and a clear refusal in the person's
// language), deleted by their author only (which frees the side), their own page, moderation
// status, closed steps, forged ids; counters kept with the rows and refusals writing nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, debateCounters, makeDebate, setState } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const postUrl = (d: { stepId: number }) => `/debate/${d.stepId}/arguments`;
const idFrom = (location: unknown) => Number(/#argument-(\d+)$/.exec(String(location))?.[1]);
const written = () => countRows(t, 'contributions') + countRows(t, 'debate_arguments');

test('a citizen gives an argument for and one against: 303 to the newest list, core row, side and counters', async () => {
  const d = makeDebate(t.db);
  const { client, userId } = await loginAs(t);
  const res = await client.post(postUrl(d), { side: 'for', body: 'Les enfants pourront **jouer** sur la place.' });
  assert.equal(res.statusCode, 303);
  const id = idFrom(res.headers.location);
  assert.equal(res.headers.location, `/debate/${d.stepId}?sort=newest#argument-${id}`);
  const row = t.db.sqlite.prepare('select c.kind, c.parent_id, c.author_id, c.status, a.side, a.author_id as side_author from contributions c join debate_arguments a on a.contribution_id = c.id where c.id = ?').get(id);
  assert.deepEqual(row, { kind: 'argument', parent_id: null, author_id: userId, status: 'published', side: 'for', side_author: userId });
  assert.equal((await client.post(postUrl(d), { side: 'against', body: 'Mais les livraisons ?' })).statusCode, 303);
  const k = debateCounters(t, d);
  assert.deepEqual([k.debate.arguments_for, k.debate.arguments_against], [1, 1]);
  assert.deepEqual(k.step, { contributions_count: 2, votes_count: 0 });
  assert.deepEqual(k.project, { participants_count: 1, contributions_count: 2, votes_count: 0 });

  const page = await client.get(res.headers.location!.split('#')[0]!);
  assert.match(page.body, /Votre argument est publié/);
  assert.match(page.body, /Pour \(1\)/);
  assert.match(page.body, /Contre \(1\)/);
  assert.match(page.body, new RegExp(`<li class="debate-argument" id="argument-${id}">`));
  assert.match(page.body, /<strong>jouer<\/strong>/);
  assert.match(page.body, new RegExp(`action="/debate/${d.stepId}/arguments/${id}/delete"`), 'its author may delete it');
  assert.doesNotMatch(page.body, new RegExp(`action="/debate/${d.stepId}/arguments/${id}/useful"`), 'nor mark it');
  assert.doesNotMatch(page.body, /action="\/debate\/\d+\/arguments"/, 'both sides are taken: no form');
  assert.match(page.body, /Vous avez déjà donné votre argument pour/);
});

test('a second argument on the same side is refused with 422 and its message, nothing written; allowed again once the first is deleted', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t);
  const first = idFrom((await client.post(postUrl(d), { side: 'against', body: 'Premier argument.' })).headers.location);
  const rows = written();
  const refused = await client.post(postUrl(d), { side: 'against', body: 'Deuxième argument.' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Vous avez déjà publié un argument contre dans ce débat : une personne donne un argument par côté/);
  assert.match(refused.body, /class="error-summary"/);
  assert.match(refused.body, /Deuxième argument\.<\/textarea>/, 'what was sent is kept');
  assert.match(refused.body, /value="against" checked/);
  assert.equal(written(), rows);
  assert.equal(debateCounters(t, d).debate.arguments_against, 1);
  await client.get('/lang/en');
  const english = await client.post(postUrl(d), { side: 'against', body: 'Second argument.' });
  assert.equal(english.statusCode, 422);
  assert.match(english.body, /You have already published an argument against in this debate: each person gives one argument per side/);
  await client.get('/lang/fr');

  assert.equal((await client.post(`/debate/${d.stepId}/arguments/${first}/delete`)).statusCode, 303);
  assert.equal(debateCounters(t, d).debate.arguments_against, 0);
  const again = await client.post(postUrl(d), { side: 'against', body: 'Deuxième argument.' });
  assert.equal(again.statusCode, 303);
  const k = debateCounters(t, d);
  assert.deepEqual([k.debate.arguments_for, k.debate.arguments_against], [k.rows.arguments_for, k.rows.arguments_against]);
  assert.equal(k.step.contributions_count, 1);
});

test('the database itself refuses a second argument per person and side', () => {
  const d = makeDebate(t.db);
  const author = addUser(t.db);
  addArgument(t.db, d, author, 'for');
  assert.throws(() => addArgument(t.db, d, author, 'for'), /UNIQUE constraint failed: debate_arguments/);
  addArgument(t.db, d, author, 'against');
  addArgument(t.db, makeDebate(t.db), author, 'for');
});

test('bad arguments are refused with 422, their message in French and English, and nothing written', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t);
  const rows = written();
  for (const [form, message] of [
    [{ side: 'for', body: '' }, /Ce champ est obligatoire/],
    [{ side: 'for', body: 'x'.repeat(2001) }, /ne doit pas dépasser 2/],
    [{ side: 'maybe', body: 'Un argument' }, /ne fait pas partie des options/],
    [{ body: 'Un argument' }, /ne fait pas partie des options/],
  ] as const) {
    const res = await client.post(postUrl(d), form);
    assert.equal(res.statusCode, 422, JSON.stringify(form));
    assert.match(res.body, message);
    assert.match(res.body, /<h1>Faut-il fermer la rue/, 'the debate page, with its form');
  }
  await client.get('/lang/en');
  const english = await client.post(postUrl(d), { side: 'for', body: '' });
  assert.equal(english.statusCode, 422);
  assert.match(english.body, /This field is required/);
  assert.equal(written(), rows);
});

test('who may not argue: anonymous, unconfirmed, missing CSRF, a hidden project, closed and upcoming steps', async () => {
  const d = makeDebate(t.db);
  const form = { side: 'for', body: 'Un argument' };
  const rows = written();
  assert.equal((await (await anonymous(t)).post(postUrl(d), form)).statusCode, 403);
  assert.equal((await (await loginAs(t, 'citizen', { confirmed: false })).client.post(postUrl(d), form)).statusCode, 403);
  const { client } = await loginAs(t);
  assert.equal((await client.post(postUrl(d), { ...form, _csrf: '' })).statusCode, 403);
  assert.equal((await client.post(postUrl(makeDebate(t.db, { visibility: 'restricted' })), form)).statusCode, 404);
  for (const state of ['closed', 'upcoming'] as const) {
    const x = makeDebate(t.db, { state });
    assert.equal((await client.post(postUrl(x), form)).statusCode, 403, state);
    assert.doesNotMatch((await client.get(`/debate/${x.stepId}`)).body, /action="\/debate\/\d+\/arguments"/, `no form on a ${state} debate`);
  }
  assert.equal(written(), rows);
});

test('only its author deletes an argument, while the step is open; forged and unknown ids give 404', async () => {
  const d = makeDebate(t.db);
  const author = await loginAs(t);
  const id = idFrom((await author.client.post(postUrl(d), { side: 'for', body: 'À supprimer.' })).headers.location);
  const elsewhere = makeDebate(t.db);
  const rows = written();
  const other = await loginAs(t);
  const refused = await other.client.post(`/debate/${d.stepId}/arguments/${id}/delete`);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Seule la personne qui a écrit cet argument peut le supprimer/);
  assert.equal((await (await loginAs(t, 'admin')).client.post(`/debate/${d.stepId}/arguments/${id}/delete`)).statusCode, 403, 'not even an administrator');
  assert.equal((await (await anonymous(t)).post(`/debate/${d.stepId}/arguments/${id}/delete`)).statusCode, 403);
  assert.equal((await author.client.post(`/debate/${elsewhere.stepId}/arguments/${id}/delete`)).statusCode, 404, 'through another step');
  assert.equal((await author.client.post(`/debate/${d.stepId}/arguments/999999/delete`)).statusCode, 404);
  setState(t.db, d, 'closed');
  assert.equal((await author.client.post(`/debate/${d.stepId}/arguments/${id}/delete`)).statusCode, 403, 'closed');
  assert.equal(written(), rows);
  setState(t.db, d, 'open');
  const res = await author.client.post(`/debate/${d.stepId}/arguments/${id}/delete`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/debate/${d.stepId}#debate-arguments`);
  assert.equal((await author.client.post(`/debate/${d.stepId}/arguments/${id}/delete`)).statusCode, 404, 'twice: already gone');
  assert.equal(written(), rows - 2);
  const k = debateCounters(t, d);
  assert.deepEqual([k.debate.arguments_for, k.step.contributions_count, k.project.contributions_count], [0, 0, 0]);
});

test('an argument has its own page, readable by anyone while published; hidden or pending ones are not shown nor counted', async () => {
  const d = makeDebate(t.db);
  const author = await loginAs(t, 'citizen', { name: 'Inès Auteur' });
  const id = idFrom((await author.client.post(postUrl(d), { side: 'against', body: 'Un argument *permanent*.' })).headers.location);
  const visitor = t.client();
  const page = await visitor.get(`/debate/${d.stepId}/arguments/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1>Argument contre<\/h1>/);
  assert.match(page.body, /<em>permanent<\/em>/);
  assert.match(page.body, new RegExp(`href="/users/${author.userId}">Inès Auteur</a>`));
  assert.match(page.body, new RegExp(`<a href="/debate/${d.stepId}">Faut-il`));
  // Following it: a visitor is asked to log in; a logged-in reader gets the button loaded in place.
  assert.match(page.body, /<p class="follow"><a href="\/login\?next=/);
  const reader = await loginAs(t);
  assert.match((await reader.client.get(`/debate/${d.stepId}/arguments/${id}`)).body, new RegExp(`data-hx-get="/follow\\?kind=contribution&amp;id=${id}&amp;`));
  assert.equal((await visitor.get(`/debate/${makeDebate(t.db).stepId}/arguments/${id}`)).statusCode, 404, 'through another step');
  const profile = await visitor.get(`/users/${author.userId}`);
  assert.match(profile.body, new RegExp(`href="/debate/${d.stepId}/arguments/${id}"`), 'the profile links to the permalink');

  const someone = addUser(t.db);
  const hidden = addArgument(t.db, d, someone, 'for', { body: 'Texte retiré du public', status: 'hidden' });
  t.db.sqlite.prepare('update contributions set moderation_reason = ? where id = ?').run('Propos injurieux', hidden);
  const pending = addArgument(t.db, d, addUser(t.db), 'for', { body: 'En attente de modération', status: 'pending' });
  // The public reads "hidden by moderation" and the reason on a hidden argument's page, not its text.
  const hiddenPage = await visitor.get(`/debate/${d.stepId}/arguments/${hidden}`);
  assert.equal(hiddenPage.statusCode, 200);
  assert.match(hiddenPage.body, /Masqué par la modération\..*Motif : Propos injurieux/s);
  assert.doesNotMatch(hiddenPage.body, /class="follow"/, 'no follow button on a hidden argument');
  assert.doesNotMatch(hiddenPage.body, /Texte retiré du public/);
  assert.equal((await visitor.get(`/debate/${d.stepId}/arguments/${pending}`)).statusCode, 404);
  for (const bad of [hidden, pending]) {
    assert.equal((await author.client.post(`/debate/${d.stepId}/arguments/${bad}/useful`, { mark: '1' })).statusCode, 404);
  }
  const list = await visitor.get(`/debate/${d.stepId}`);
  assert.doesNotMatch(list.body, /Texte retiré du public|En attente de modération/);
  assert.match(list.body, /Pour \(0\)/);
  // A hidden argument still takes its author's side.
  const { client } = await loginAs(t, someone);
  const refused = await client.post(postUrl(d), { side: 'for', body: 'Le même, à nouveau.' });
  assert.equal(refused.statusCode, 422);
});

test('on a closed debate everything stays readable, no form nor button is shown, and writes are refused', async () => {
  const d = makeDebate(t.db);
  const author = await loginAs(t);
  const id = idFrom((await author.client.post(postUrl(d), { side: 'for', body: 'Écrit à temps.' })).headers.location);
  setState(t.db, d, 'closed');
  const other = await loginAs(t);
  for (const url of [`/debate/${d.stepId}`, `/debate/${d.stepId}/arguments/${id}`]) {
    const page = await other.client.get(url);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Écrit à temps/);
    assert.match(page.body, /Ce débat est clos/);
    assert.doesNotMatch(page.body, /<form[^>]*action="\/debate\/\d+\/(vote|arguments)/, url);
  }
  assert.equal((await other.client.post(`/debate/${d.stepId}/arguments/${id}/useful`, { mark: '1' })).statusCode, 403);
  assert.equal(countRows(t, `debate_useful_marks where argument_id = ${id}`), 0);
});

test('an argument makes its author follow it and tells the followers of the debate, not its author', async () => {
  const d = makeDebate(t.db);
  const follower = await loginAs(t);
  t.db.sqlite.prepare("insert into follows (user_id, target_kind, target_id, created_at) values (?, 'step', ?, 'x')").run(follower.userId, d.stepId);
  const { client, userId } = await loginAs(t);
  const id = idFrom((await client.post(postUrl(d), { side: 'for', body: 'Pour la place piétonne.' })).headers.location);
  assert.equal(countRows(t, `follows where user_id = ${userId} and target_kind = 'contribution' and target_id = ${id}`), 1);
  assert.deepEqual(t.db.sqlite.prepare('select user_id, kind, contribution_id from notifications where contribution_id = ?').all(id), [{ user_id: follower.userId, kind: 'new_contribution', contribution_id: id }]);
});

test('anti-spam: the form has the honeypot, a robot filling it is refused, and a text with too many links comes back', async () => {
  const d = makeDebate(t.db);
  const { client } = await loginAs(t);
  assert.match((await client.get(`/debate/${d.stepId}`)).body, /id="hp-argument" name="website"/);
  const rows = written();
  const robot = await client.post(postUrl(d), { side: 'for', body: 'Achetez', website: 'https://spam.example' });
  assert.equal(robot.statusCode, 422);
  assert.match(robot.body, /Votre envoi n’a pas pu être accepté/);
  const spam = await client.post(postUrl(d), { side: 'for', body: Array.from({ length: 6 }, (_, i) => `https://pub${i}.example`).join(' ') });
  assert.equal(spam.statusCode, 422);
  assert.match(spam.body, /Ce texte contient trop de liens : 5 au plus/);
  assert.equal(written(), rows);
});
