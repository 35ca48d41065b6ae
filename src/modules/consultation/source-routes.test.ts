// Sources: who may add one, validation of title, address and category, counters, refusals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, daysFromNow } from '../../../test/helpers/factories.ts';
import { makeDebate, type Debate } from './debate-fixtures.ts';
import { counters } from './test-fixtures.ts';
import { isWebAddress } from './rules.ts';

let t: TestApp;
let d: Debate;
before(async () => {
  t = await makeApp();
  d = await makeDebate(t);
});
after(() => t.close());

const srcUrl = (x: Debate, itemId = x.itemId) => `/consultation/${x.stepId}/items/${itemId}/sources`;
const good = { title: 'Code général des collectivités territoriales', url: 'https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006070633', category: 'official' };
const sourcesCount = (id: number) => (t.db.sqlite.prepare('select sources_count from consultation_items where contribution_id = ?').get(id) as { sources_count: number }).sources_count;

test('only complete http and https addresses are web addresses', () => {
  for (const ok of ['https://example.org', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/x']) assert.equal(isWebAddress(ok), true, ok);
  for (const bad of ['javascript:alert(1)', 'JavaScript://%0aalert(1)', 'data:text/html,x', '//example.org', '/local', 'ftp://example.org', 'https://', 'https://exa mple.org', 'example.org', 'mailto:a@b.fr']) {
    assert.equal(isWebAddress(bad), false, bad);
  }
});

test('a citizen adds a source: 303 to it, counters kept, listed with rel="nofollow noopener"', async () => {
  const before = counters(t, d);
  const res = await d.other.post(srcUrl(d), good);
  assert.equal(res.statusCode, 303);
  const id = Number(/#source-(\d+)$/.exec(String(res.headers.location))?.[1]);
  assert.equal(res.headers.location, `/consultation/${d.stepId}/items/${d.itemId}#source-${id}`);
  const row = t.db.sqlite.prepare('select c.kind, c.parent_id, c.title, s.url, s.category, s.item_id from contributions c join consultation_sources s on s.contribution_id = c.id where c.id = ?').get(id);
  assert.deepEqual(row, { kind: 'source', parent_id: d.itemId, title: good.title, url: good.url, category: 'official', item_id: d.itemId });
  assert.equal(sourcesCount(d.itemId), 1);
  const after = counters(t, d);
  assert.equal(after.step.contributions_count, before.step.contributions_count + 1);
  assert.equal(after.project.participants_count, before.project.participants_count + 1);
  const page = await d.anon.get(`/consultation/${d.stepId}/items/${d.itemId}`);
  assert.match(page.body, new RegExp(`<li id="source-${id}">\\s*<a href="${good.url}" rel="nofollow noopener">Code général`));
  assert.match(page.body, /Texte officiel/);
  assert.doesNotMatch(page.body, /\/sources"/, 'no form for an anonymous visitor');
});

test('bad sources are refused with 422, a message and their values, writing nothing', async () => {
  const rows = countRows(t, 'contributions');
  const cases: [Record<string, string>, RegExp][] = [
    [{ ...good, title: '' }, /Ce champ est obligatoire/],
    [{ ...good, title: 'x'.repeat(151) }, /ne doit pas dépasser 150/],
    [{ ...good, url: '' }, /Ce champ est obligatoire/],
    [{ ...good, url: 'javascript:alert(1)' }, /commençant par http/],
    [{ ...good, url: `https://example.org/${'a'.repeat(2000)}` }, /ne doit pas dépasser 2/],
    [{ ...good, category: 'blog' }, /ne fait pas partie des options/],
  ];
  for (const [form, message] of cases) {
    const res = await d.other.post(srcUrl(d), form);
    assert.equal(res.statusCode, 422, JSON.stringify(form).slice(0, 60));
    assert.match(res.body, message);
    assert.match(res.body, /<h1>Ajouter une source<\/h1>/);
  }
  const res = await d.other.post(srcUrl(d), { ...good, url: 'javascript:alert(1)', category: 'press' });
  assert.match(res.body, /value="javascript:alert\(1\)"/, 'the value comes back, inert in an attribute');
  assert.match(res.body, /<option value="press" selected>/);
  assert.equal(countRows(t, 'contributions'), rows);
});

test('anonymous visitors, missing CSRF, forged, unknown and hidden items are refused', async () => {
  const other = await makeDebate(t);
  const rows = countRows(t, 'contributions');
  assert.equal((await d.anon.post(srcUrl(d), good)).statusCode, 403);
  assert.equal((await d.other.post(srcUrl(d), { ...good, _csrf: 'x' })).statusCode, 403);
  assert.equal((await d.other.post(srcUrl(d, other.itemId), good)).statusCode, 404);
  assert.equal((await d.other.post(srcUrl(d, 424242), good)).statusCode, 404);
  t.db.sqlite.prepare("update contributions set status = 'trashed' where id = ?").run(other.itemId);
  t.db.sqlite.prepare('update consultation_items set published = 0 where contribution_id = ?').run(other.itemId);
  assert.equal((await other.other.post(srcUrl(other), good)).statusCode, 404);
  assert.equal(countRows(t, 'contributions'), rows);
});

test('sections without sources refuse them with 403; closed steps with 403; restricted projects hide them', async () => {
  const noSources = await makeDebate(t, { allow: { allow_sources: 0 } });
  const refused = await noSources.other.post(srcUrl(noSources), good);
  assert.equal(refused.statusCode, 403);
  assert.match(refused.body, /Les sources ne sont pas ouvertes/);
  assert.doesNotMatch((await noSources.other.get(`/consultation/${noSources.stepId}/items/${noSources.itemId}`)).body, /\/sources"/);

  const closed = await makeDebate(t, { starts: daysFromNow(-9), ends: daysFromNow(-2) });
  assert.equal((await closed.other.post(srcUrl(closed), good)).statusCode, 403);

  const restricted = await makeDebate(t, { visibility: 'restricted' });
  assert.equal((await restricted.other.post(srcUrl(restricted), good)).statusCode, 404);
  assert.equal(sourcesCount(noSources.itemId) + sourcesCount(closed.itemId) + sourcesCount(restricted.itemId), 0);
  assert.equal((await restricted.admin.post(srcUrl(restricted), good)).statusCode, 303, 'administrators see every project');
});
