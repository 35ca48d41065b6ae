// Arguments and "useful" marks: who may write, mark, delete; counters; refusals; concurrency.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, daysFromNow, addUser, loginAs } from '../../../test/helpers/factories.ts';
import { makeDebate, type Debate } from './debate-fixtures.ts';
import { counters } from './test-fixtures.ts';

let t: TestApp;
let d: Debate;
before(async () => {
  t = await makeApp();
  d = await makeDebate(t);
});
after(() => t.close());

const argUrl = (x: Debate, itemId = x.itemId) => `/consultation/${x.stepId}/items/${itemId}/arguments`;
const item = (id: number) => t.db.sqlite.prepare('select arguments_for, arguments_against from consultation_items where contribution_id = ?').get(id) as { arguments_for: number; arguments_against: number };
const useful = (id: number) => (t.db.sqlite.prepare('select useful_count from consultation_arguments where contribution_id = ?').get(id) as { useful_count: number }).useful_count;
const marks = (id: number) => countRows(t, `consultation_useful_marks where argument_id = ${id}`);

async function addArgument(x: Debate, side: 'for' | 'against', body: string, client = x.other): Promise<number> {
  const res = await client.post(argUrl(x), { side, body });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return Number(/#argument-(\d+)$/.exec(String(res.headers.location))?.[1]);
}

test('a citizen adds arguments for and against: 303 to the argument, counters kept, shown on the permalink', async () => {
  const before = counters(t, d);
  const res = await d.other.post(argUrl(d), { side: 'for', body: 'Les habitants pourront suivre **les débats**.' });
  assert.equal(res.statusCode, 303);
  const id = Number(/#argument-(\d+)$/.exec(String(res.headers.location))?.[1]);
  assert.equal(res.headers.location, `/consultation/${d.stepId}/items/${d.itemId}#argument-${id}`);
  const row = t.db.sqlite.prepare('select c.kind, c.parent_id, c.author_id, a.side, a.item_id from contributions c join consultation_arguments a on a.contribution_id = c.id where c.id = ?').get(id);
  assert.deepEqual(row, { kind: 'argument', parent_id: d.itemId, author_id: d.otherId, side: 'for', item_id: d.itemId });
  await addArgument(d, 'against', 'Cela coûte cher.', d.admin);
  assert.deepEqual(item(d.itemId), { arguments_for: 1, arguments_against: 1 });
  const after = counters(t, d);
  assert.equal(after.step.contributions_count, before.step.contributions_count + 2);
  assert.equal(after.project.contributions_count, before.project.contributions_count + 2);
  assert.equal(after.project.participants_count, before.project.participants_count + 2);

  const page = await d.author.get(`/consultation/${d.stepId}/items/${d.itemId}`);
  assert.match(page.body, /Arguments pour \(1\)/);
  assert.match(page.body, /Arguments contre \(1\)/);
  assert.match(page.body, new RegExp(`id="argument-${id}"`));
  assert.match(page.body, /<strong>les débats<\/strong>/);
  assert.match(page.body, new RegExp(`href="/users/${d.otherId}"`));
  assert.match(page.body, new RegExp(`action="/consultation/${d.stepId}/arguments/${id}/useful"`), 'others may mark it');
  assert.match(page.body, new RegExp(`action="/consultation/${d.stepId}/items/${d.itemId}/arguments"`), 'the form is offered');
});

test('an argument carrying script, raw HTML, javascript: links and hx- attributes comes out inert', async () => {
  const id = await addArgument(d, 'for', '<script>alert(1)</script> <b hx-get="/x">gras</b> [lien](javascript:alert(2))');
  const page = await d.anon.get(`/consultation/${d.stepId}/items/${d.itemId}`);
  const html = page.body.slice(page.body.indexOf(`id="argument-${id}"`));
  assert.doesNotMatch(html.slice(0, 800), /<script>|<b hx-get|href="javascript/);
});

test('bad arguments are refused with 422 and their values, writing nothing', async () => {
  const rows = countRows(t, 'contributions');
  for (const [form, message] of [
    [{ side: 'for', body: '' }, /Ce champ est obligatoire/],
    [{ side: 'for', body: 'x'.repeat(2001) }, /ne doit pas dépasser 2/],
    [{ side: 'maybe', body: 'Un argument' }, /ne fait pas partie des options/],
    [{ body: 'Un argument' }, /ne fait pas partie des options/],
  ] as const) {
    const res = await d.other.post(argUrl(d), form);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, message);
    assert.match(res.body, /<h1>Ajouter un argument<\/h1>/);
    assert.match(res.body, new RegExp(`<a href="/consultation/${d.stepId}/items/${d.itemId}">`), 'the way back to the item');
    assert.match(res.body, new RegExp(`action="${argUrl(d)}"`), 'the form posts to the same item');
  }
  const res = await d.other.post(argUrl(d), { side: 'against', body: 'x'.repeat(2001) });
  assert.match(res.body, /value="against" checked/);
  assert.equal(countRows(t, 'contributions'), rows);
});

test('anonymous visitors, missing CSRF, hidden items, forged and unknown ids are refused', async () => {
  const other = await makeDebate(t);
  const rows = countRows(t, 'contributions');
  const form = { side: 'for', body: 'Un argument' };
  assert.equal((await d.anon.post(argUrl(d), form)).statusCode, 403);
  assert.equal((await d.other.post(argUrl(d), { ...form, _csrf: '' })).statusCode, 403);
  assert.equal((await d.other.post(argUrl(d, other.itemId), form)).statusCode, 404, 'an item of another step');
  assert.equal((await d.other.post(argUrl(d, 99999), form)).statusCode, 404);
  assert.equal((await d.other.post(`/consultation/${d.stepId}/items/x1/arguments`, form)).statusCode, 404);
  t.db.sqlite.prepare("update contributions set status = 'hidden' where id = ?").run(other.itemId);
  assert.equal((await other.other.post(argUrl(other), form)).statusCode, 404, 'a hidden item');
  assert.equal(countRows(t, 'contributions'), rows);
});

test('items in a section without arguments refuse them with 403 and offer no form', async () => {
  const x = await makeDebate(t, { allow: { allow_arguments: 0 } });
  const res = await x.other.post(argUrl(x), { side: 'for', body: 'Un argument' });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Les arguments ne sont pas ouverts/);
  const page = await x.other.get(`/consultation/${x.stepId}/items/${x.itemId}`);
  assert.doesNotMatch(page.body, /\/arguments"/);
});

test('on a closed step arguments stay readable, no form nor button is shown, and the server refuses', async () => {
  const x = await makeDebate(t);
  const argId = await addArgument(x, 'for', 'Argument écrit à temps.');
  t.db.sqlite.prepare('update steps set starts_at = ?, ends_at = ? where id = ?').run(daysFromNow(-10), daysFromNow(-1), x.stepId);
  const page = await x.author.get(`/consultation/${x.stepId}/items/${x.itemId}`);
  assert.match(page.body, /Argument écrit à temps/);
  assert.doesNotMatch(page.body, /\/useful"|\/arguments"|\/delete"/);
  const rows = countRows(t, 'contributions');
  assert.equal((await x.other.post(argUrl(x), { side: 'for', body: 'Trop tard' })).statusCode, 403);
  assert.equal((await x.author.post(`/consultation/${x.stepId}/arguments/${argId}/useful`, { mark: '1' })).statusCode, 403);
  assert.equal((await x.other.post(`/consultation/${x.stepId}/arguments/${argId}/delete`)).statusCode, 403);
  assert.equal(countRows(t, 'contributions'), rows);
  assert.equal(marks(argId), 0);
});

test('a useful mark: others mark and unmark, the author cannot, counters follow', async () => {
  const x = await makeDebate(t);
  const argId = await addArgument(x, 'against', 'Un argument à marquer.');
  const url = `/consultation/${x.stepId}/arguments/${argId}/useful`;
  const own = await x.other.post(url, { mark: '1' });
  assert.equal(own.statusCode, 403);
  assert.match(own.body, /votre propre argument/);
  assert.equal(marks(argId), 0);

  const res = await x.author.post(url, { mark: '1' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/consultation/${x.stepId}/items/${x.itemId}#argument-${argId}`);
  assert.equal(useful(argId), 1);
  await x.admin.post(url, { mark: '1' });
  assert.equal(useful(argId), 2);
  const page = await x.author.get(`/consultation/${x.stepId}/items/${x.itemId}`);
  assert.match(page.body, /2 personnes trouvent cet argument utile/);
  assert.match(page.body, /name="mark" value="0"/);
  assert.match(page.body, /Ne plus marquer utile/);

  await x.author.post(url, { mark: '0' });
  await x.author.post(url, { mark: '0' });
  assert.equal(useful(argId), 1);
  assert.equal(marks(argId), 1);
  assert.equal((await x.author.post(url, { mark: 'toggle' })).statusCode, 400);
  assert.equal((await x.anon.post(url, { mark: '1' })).statusCode, 403);
  assert.equal(useful(argId), 1);
});

test('with htmx the useful mark answers with the button fragment only', async () => {
  const x = await makeDebate(t);
  const argId = await addArgument(x, 'for', 'Un argument pour htmx.');
  const url = `/consultation/${x.stepId}/arguments/${argId}/useful`;
  const res = await x.author.post(url, { mark: '1' }, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /^\s*<form class="useful"/);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /Une personne trouve cet argument utile/);
  assert.match(res.body, new RegExp(`data-hx-post="${url}" data-hx-target="this" data-hx-swap="outerHTML"`));
  assert.match(res.body, /name="mark" value="0"/);
});

test('50 simultaneous identical useful marks by one person leave exactly one mark and a count of 1', async () => {
  const x = await makeDebate(t);
  const argId = await addArgument(x, 'for', 'Un argument très utile.');
  const url = `/consultation/${x.stepId}/arguments/${argId}/useful`;
  const results = await Promise.all(Array.from({ length: 50 }, () => x.author.post(url, { mark: '1' }, { 'hx-request': 'true' })));
  assert.ok(results.every((r) => r.statusCode === 200));
  assert.equal(marks(argId), 1);
  assert.equal(useful(argId), 1);
});

test('a useful mark on an argument of another step, of a hidden item or unknown is a 404', async () => {
  const x = await makeDebate(t);
  const y = await makeDebate(t);
  const argY = await addArgument(y, 'for', 'Argument ailleurs.');
  assert.equal((await x.author.post(`/consultation/${x.stepId}/arguments/${argY}/useful`, { mark: '1' })).statusCode, 404);
  assert.equal((await x.author.post(`/consultation/${x.stepId}/arguments/99999/useful`, { mark: '1' })).statusCode, 404);
  t.db.sqlite.prepare("update contributions set status = 'hidden' where id = ?").run(y.itemId);
  assert.equal((await y.author.post(`/consultation/${y.stepId}/arguments/${argY}/useful`, { mark: '1' })).statusCode, 404);
  assert.equal(marks(argY), 0);
});

test('the author deletes their argument: marks and counters go with it; others cannot', async () => {
  const x = await makeDebate(t);
  const argId = await addArgument(x, 'against', 'Argument à supprimer.');
  await x.author.post(`/consultation/${x.stepId}/arguments/${argId}/useful`, { mark: '1' });
  const before = counters(t, x);
  const url = `/consultation/${x.stepId}/arguments/${argId}/delete`;
  const refused = await x.author.post(url);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Seul l’auteur/);
  assert.equal((await x.admin.post(url)).statusCode, 403);
  assert.equal((await x.anon.post(url)).statusCode, 403);
  const y = await makeDebate(t);
  assert.equal((await x.other.post(`/consultation/${y.stepId}/arguments/${argId}/delete`)).statusCode, 404, 'through another step');
  assert.equal(item(x.itemId).arguments_against, 1);

  const page = await x.other.get(`/consultation/${x.stepId}/items/${x.itemId}`);
  assert.match(page.body, new RegExp(`action="${url}"`));
  const res = await x.other.post(url);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/consultation/${x.stepId}/items/${x.itemId}#arguments`);
  assert.equal(item(x.itemId).arguments_against, 0);
  assert.equal(countRows(t, `contributions where id = ${argId}`), 0);
  assert.equal(marks(argId), 0);
  assert.equal(counters(t, x).step.contributions_count, before.step.contributions_count - 1);
  assert.equal((await x.other.post(url)).statusCode, 404, 'a second delete finds nothing');
  assert.equal(item(x.itemId).arguments_against, 0);
});

test('a deleted author shows as a deleted participant under their argument', async () => {
  const x = await makeDebate(t);
  const ghost = addUser(t.db, 'citizen', { name: 'Nom Disparu' });
  const argId = await addArgument(x, 'for', 'Argument d’un compte supprimé.', (await loginAs(t, ghost)).client);
  t.db.sqlite.prepare('update users set display_name = null, email = null, deleted_at = ? where id = ?').run(new Date().toISOString(), ghost);
  const page = await x.anon.get(`/consultation/${x.stepId}/items/${x.itemId}`);
  const html = page.body.slice(page.body.indexOf(`id="argument-${argId}"`));
  assert.match(html.slice(0, 1000), /participant supprimé/);
  assert.doesNotMatch(page.body, /Nom Disparu/);
});

test('an amendment page with arguments, marks and sources renders in English', async () => {
  const x = await makeDebate(t);
  const res = await x.other.post(`/consultation/${x.stepId}/sections/${x.sectionId}/amendments`, { proposed_text: 'Le conseil se réunit chaque semaine.', body: 'Plus souvent.' });
  const amendmentId = Number(/items\/(\d+)/.exec(String(res.headers.location))?.[1]);
  const arg = await x.author.post(`/consultation/${x.stepId}/items/${amendmentId}/arguments`, { side: 'for', body: 'Bonne idée.' });
  assert.equal(arg.statusCode, 303);
  await x.author.post(`/consultation/${x.stepId}/items/${amendmentId}/sources`, { title: 'Loi', url: 'https://example.org', category: 'press' });
  await x.admin.get('/lang/en');
  const page = await x.admin.get(`/consultation/${x.stepId}/items/${amendmentId}`);
  assert.equal(page.statusCode, 200);
  for (const text of [/Proposed changes/, /start of insertion/, /Arguments for \(1\)/, /Arguments against \(0\)/, /Mark as useful/, /Nobody has found this argument useful yet/, /Press article/, /Add a source/, /Add an argument/]) {
    assert.match(page.body, text);
  }
});
