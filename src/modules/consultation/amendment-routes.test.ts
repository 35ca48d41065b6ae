// Amendments: the prefilled form, who may propose one, validation, counters, the diff on the
// permalink, and refusals (closed step, forged ids, hidden project, section without amendments).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, daysFromNow } from '../../../test/helpers/factories.ts';
import { makeDebate, type Debate } from './debate-fixtures.ts';
import { counters } from './test-fixtures.ts';

let t: TestApp;
let d: Debate;
before(async () => {
  t = await makeApp();
  d = await makeDebate(t);
});
after(() => t.close());

const formUrl = (x: Debate) => `/consultation/${x.stepId}/sections/${x.sectionId}/amendments/new`;
const postUrl = (x: Debate) => `/consultation/${x.stepId}/sections/${x.sectionId}/amendments`;
const good = (x: Debate) => ({ proposed_text: x.sectionText.replace('chaque mois', 'chaque semaine'), title: 'Plus souvent', body: 'Les habitants veulent suivre les décisions.' });

test('the form is prefilled with the section text for a citizen', async () => {
  const res = await d.other.get(formUrl(d));
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>Proposer un amendement<\/h1>/);
  assert.match(res.body, /<textarea id="field-proposed_text" name="proposed_text"[^>]*>Le conseil municipal se réunit chaque mois en séance publique\.<\/textarea>/);
  assert.match(res.body, /name="_csrf"/);
});

test('an anonymous visitor asking for the form is sent to the login page', async () => {
  const res = await d.anon.get(formUrl(d));
  assert.equal(res.statusCode, 303);
  assert.match(String(res.headers.location), /^\/login\?next=/);
});

test('a citizen proposes an amendment: 303 to its permalink, counters kept, diff shown', async () => {
  const before = counters(t, d);
  const res = await d.other.post(postUrl(d), good(d));
  assert.equal(res.statusCode, 303);
  const id = Number(/\/items\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  assert.equal(res.headers.location, `/consultation/${d.stepId}/items/${id}`);
  const row = t.db.sqlite.prepare('select c.kind, c.title, c.body_md, c.author_id, i.kind as ikind, i.proposed_text, i.published, i.section_id from contributions c join consultation_items i on i.contribution_id = c.id where c.id = ?').get(id) as Record<string, unknown>;
  assert.deepEqual(row, { kind: 'amendment', title: 'Plus souvent', body_md: 'Les habitants veulent suivre les décisions.', author_id: d.otherId, ikind: 'amendment', proposed_text: good(d).proposed_text, published: 1, section_id: d.sectionId });
  const section = t.db.sqlite.prepare('select amendments_count, contributions_count from consultation_sections where id = ?').get(d.sectionId) as { amendments_count: number; contributions_count: number };
  assert.equal(section.amendments_count, 1);
  assert.equal(section.contributions_count, 1, 'the opinion count is untouched');
  const after = counters(t, d);
  assert.equal(after.step.contributions_count, before.step.contributions_count + 1);
  assert.equal(after.project.contributions_count, before.project.contributions_count + 1);
  assert.equal(after.project.participants_count, before.project.participants_count + 1);

  const page = await d.anon.get(String(res.headers.location));
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Modifications proposées/);
  assert.match(page.body, /<del><span class="visually-hidden">\[début de suppression\] <\/span>mois<span class="visually-hidden"> \[fin de suppression\]<\/span><\/del>/);
  assert.match(page.body, /<ins><span class="visually-hidden">\[début d’ajout\] <\/span>semaine/);
  assert.match(page.body, /Légende/);
});

test('an empty title gets a default title naming the section', async () => {
  const res = await d.other.post(postUrl(d), { ...good(d), title: '', proposed_text: 'Un tout autre texte.' });
  assert.equal(res.statusCode, 303);
  const id = Number(/\/items\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  const row = t.db.sqlite.prepare('select title from contributions where id = ?').get(id) as { title: string };
  assert.equal(row.title, 'Amendement à « Article 1 »');
});

test('script tags in an amendment come out escaped in the diff', async () => {
  const res = await d.other.post(postUrl(d), { ...good(d), proposed_text: `${d.sectionText} <script>alert(1)</script> <a href="javascript:alert(2)" hx-get="/x">lien</a>` });
  assert.equal(res.statusCode, 303);
  const page = await d.anon.get(String(res.headers.location));
  assert.doesNotMatch(page.body, /<script>alert/);
  assert.doesNotMatch(page.body, /<a href="javascript/);
  assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('bad input re-renders the form with 422, the errors and the values, writing nothing', async () => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...good(d), proposed_text: '' }, /Ce champ est obligatoire/],
    [{ ...good(d), proposed_text: d.sectionText }, /identique au texte actuel/],
    [{ ...good(d), proposed_text: `  ${d.sectionText}\r\n` }, /identique au texte actuel/],
    [{ ...good(d), proposed_text: 'x'.repeat(50001) }, /ne doit pas dépasser 50/],
    [{ ...good(d), body: '' }, /Ce champ est obligatoire/],
    [{ ...good(d), body: 'x'.repeat(10001) }, /ne doit pas dépasser 10/],
    [{ ...good(d), title: 't'.repeat(151) }, /ne doit pas dépasser 150/],
  ];
  const rows = countRows(t, 'contributions');
  for (const [form, message] of cases) {
    const res = await d.other.post(postUrl(d), form);
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 80));
    assert.match(res.body, message);
    assert.match(res.body, /aria-invalid="true"/);
  }
  const res = await d.other.post(postUrl(d), { ...good(d), body: '' });
  assert.match(res.body, /Plus souvent/, 'the title sent comes back');
  assert.equal(countRows(t, 'contributions'), rows);
});

test('anonymous, missing CSRF and unconfirmed people are refused and nothing is written', async () => {
  const rows = countRows(t, 'contributions');
  assert.equal((await d.anon.post(postUrl(d), good(d))).statusCode, 403);
  assert.equal((await d.other.post(postUrl(d), { ...good(d), _csrf: 'nope' })).statusCode, 403);
  t.db.sqlite.prepare('update users set email_confirmed_at = null where id = ?').run(d.otherId);
  try {
    const res = await d.other.post(postUrl(d), good(d));
    assert.equal(res.statusCode, 403);
  } finally {
    t.db.sqlite.prepare('update users set email_confirmed_at = ? where id = ?').run(new Date().toISOString(), d.otherId);
  }
  assert.equal(countRows(t, 'contributions'), rows);
});

test('a section of another step, an unknown section or a malformed id is a 404', async () => {
  const other = await makeDebate(t);
  const rows = countRows(t, 'contributions');
  assert.equal((await d.other.post(`/consultation/${d.stepId}/sections/${other.sectionId}/amendments`, good(d))).statusCode, 404);
  assert.equal((await d.other.post(`/consultation/${d.stepId}/sections/99999/amendments`, good(d))).statusCode, 404);
  assert.equal((await d.other.post(`/consultation/${d.stepId}/sections/abc/amendments`, good(d))).statusCode, 404);
  assert.equal((await d.other.get(`/consultation/${d.stepId}/sections/${other.sectionId}/amendments/new`)).statusCode, 404);
  assert.equal(countRows(t, 'contributions'), rows);
});

test('a section closed to amendments refuses the form and the post with 403', async () => {
  const x = await makeDebate(t, { allow: { allow_amendments: 0 } });
  assert.equal((await x.other.get(formUrl(x))).statusCode, 403);
  const res = await x.other.post(postUrl(x), good(x));
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Les amendements ne sont pas ouverts sur cette section/);
  assert.equal(countRows(t, `consultation_items where section_id = ${x.sectionId} and kind = 'amendment'`), 0);
});

test('a closed or upcoming step refuses amendments with 403 and a message', async () => {
  for (const dates of [{ starts: daysFromNow(-10), ends: daysFromNow(-1) }, { starts: daysFromNow(2), ends: daysFromNow(10) }]) {
    const x = await makeDebate(t, dates);
    const res = await x.other.post(postUrl(x), good(x));
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Cette étape est fermée|pas ouverte/);
    assert.equal((await x.other.get(formUrl(x))).statusCode, 403);
    assert.equal(countRows(t, `consultation_items where section_id = ${x.sectionId} and kind = 'amendment'`), 0);
  }
});

test('a draft project is a 404 for citizens, and administrators may amend it', async () => {
  const x = await makeDebate(t, { visibility: 'draft' });
  assert.equal((await x.other.get(formUrl(x))).statusCode, 404);
  assert.equal((await x.other.post(postUrl(x), good(x))).statusCode, 404);
  assert.equal((await x.admin.post(postUrl(x), good(x))).statusCode, 303);
});

test('a step with a requirement the person lacks lists what is missing', async () => {
  const x = await makeDebate(t, { postal: true });
  const res = await x.other.post(postUrl(x), good(x));
  assert.equal(res.statusCode, 403);
  assert.equal(countRows(t, `consultation_items where section_id = ${x.sectionId} and kind = 'amendment'`), 0);
});

test('the form and its errors render in English', async () => {
  const c = d.other;
  await c.get('/lang/en');
  const res = await c.post(postUrl(d), { ...good(d), proposed_text: d.sectionText });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /same as the current text/);
  await c.get('/lang/fr');
});
