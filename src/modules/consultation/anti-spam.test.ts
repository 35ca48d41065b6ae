// Anti-spam on every consultation form (the comments have theirs): a filled-in honeypot is refused
// with 422 and nothing written, a text with more links than the site allows comes back with its
// message, and a source's title holds no web address (the address has its own field).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows } from '../../../test/helpers/factories.ts';
import { makeDebate, type Debate } from './debate-fixtures.ts';

let t: TestApp;
let d: Debate;
before(async () => {
  t = await makeApp();
  d = await makeDebate(t);
});
after(() => t.close());

const links = (n: number) => Array.from({ length: n }, (_, i) => `https://pub${i}.example`).join(' ');
const written = () => countRows(t, 'contributions');

function forms(x: Debate, typeId: number) {
  return [
    { name: 'opinion', url: `/consultation/${x.stepId}/sections/${x.sectionId}/contributions`, form: { type_id: String(typeId), title: 'Une idée', body: 'Un texte.' }, page: `/consultation/${x.stepId}/sections/${x.sectionId}` },
    { name: 'amendment', url: `/consultation/${x.stepId}/sections/${x.sectionId}/amendments`, form: { proposed_text: 'Un texte changé.', title: '', body: 'Pourquoi.' }, page: `/consultation/${x.stepId}/sections/${x.sectionId}/amendments/new` },
    { name: 'argument', url: `/consultation/${x.stepId}/items/${x.itemId}/arguments`, form: { side: 'for', body: 'Un argument.' }, page: `/consultation/${x.stepId}/items/${x.itemId}` },
    { name: 'edit', url: `/consultation/${x.stepId}/items/${x.itemId}/edit`, form: { title: 'Ouvrir les séances', body: 'Filmer les séances.' }, page: `/consultation/${x.stepId}/items/${x.itemId}/edit` },
  ] as const;
}

test('every form carries the honeypot, and a robot that fills it in is refused, nothing written', async () => {
  const typeId = (t.db.sqlite.prepare('select type_id as id from consultation_items where contribution_id = ?').get(d.itemId) as { id: number }).id;
  for (const f of forms(d, typeId)) {
    const page = await d.author.get(f.page);
    assert.match(page.body, new RegExp(`id="hp-${f.name}" name="website"`), f.name);
    const rows = written();
    const res = await d.author.post(f.url, { ...f.form, website: 'https://spam.example' });
    assert.equal(res.statusCode, 422, f.name);
    assert.match(res.body, /Votre envoi n’a pas pu être accepté/, f.name);
    assert.equal(written(), rows, f.name);
  }
  assert.match((await d.author.get(`/consultation/${d.stepId}/items/${d.itemId}`)).body, /id="hp-source" name="website"/);
  const robot = await d.other.post(`/consultation/${d.stepId}/items/${d.itemId}/sources`, { title: 'Un lien', url: 'https://example.org', category: 'official', website: 'x' });
  assert.equal(robot.statusCode, 422);
  assert.equal(countRows(t, 'consultation_sources'), 0);
  assert.equal((t.db.sqlite.prepare('select title from contributions where id = ?').get(d.itemId) as { title: string }).title, 'Ouvrir les séances', 'the edit changed nothing');
});

test('too many links: the text comes back with the limit, in French and English; at the limit it is accepted', async () => {
  const typeId = (t.db.sqlite.prepare('select type_id as id from consultation_items where contribution_id = ?').get(d.itemId) as { id: number }).id;
  const rows = written();
  for (const f of forms(d, typeId)) {
    const res = await d.author.post(f.url, { ...f.form, body: `Voir ${links(6)}` });
    assert.equal(res.statusCode, 422, f.name);
    assert.match(res.body, /Ce texte contient trop de liens : 5 au plus/, f.name);
    assert.match(res.body, /Voir https:\/\/pub0\.example/, `${f.name}: the text comes back`);
  }
  assert.equal(written(), rows);
  await d.other.get('/lang/en');
  const english = await d.other.post(`/consultation/${d.stepId}/items/${d.itemId}/arguments`, { side: 'against', body: links(6) });
  assert.match(english.body, /This text holds too many links: 5 at most/);
  assert.equal((await d.other.post(`/consultation/${d.stepId}/items/${d.itemId}/arguments`, { side: 'against', body: links(5) })).statusCode, 303);
  await d.other.get('/lang/fr');
});

test('a source’s title holds no web address', async () => {
  const res = await d.other.post(`/consultation/${d.stepId}/items/${d.itemId}/sources`, { title: 'Achetez www.pub.example', url: 'https://example.org', category: 'official' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /Le titre ne contient pas d’adresse web/);
  assert.equal(countRows(t, 'consultation_sources'), 0);
});
