// The CSV export: administrators only, UTF-8 with a BOM, one row per opinion, amendment,
// argument and source with their counts, public names only, streamed in chunks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { write } from '../../db/write.ts';
import { addUser, loginAs, makeStep } from '../../../test/helpers/factories.ts';
import { makeDebate, type Debate } from './debate-fixtures.ts';
import { castVote } from './vote-queries.ts';
import { EXPORT_CHUNK } from './export-queries.ts';

let t: TestApp;
let d: Debate;
before(async () => {
  t = await makeApp();
  d = await makeDebate(t);
});
after(() => t.close());
const clientFor = async (app: TestApp, userId: number) => (await loginAs(app, userId)).client;

/** RFC 4180 records: quoted fields, doubled quotes, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

const exportUrl = (x: Debate) => `/consultation/${x.stepId}/export.csv`;

test('an administrator downloads the consultation as CSV with a BOM, every row and the right counts', async () => {
  const amendment = await d.other.post(`/consultation/${d.stepId}/sections/${d.sectionId}/amendments`, { proposed_text: 'Le conseil se réunit chaque semaine.', title: '=HYPERLINK("http://evil")', body: 'Plus souvent,\nc’est mieux "vraiment".' });
  const amendmentId = Number(/items\/(\d+)/.exec(String(amendment.headers.location))?.[1]);
  const arg = await d.author.post(`/consultation/${d.stepId}/items/${amendmentId}/arguments`, { side: 'against', body: 'Trop souvent.' });
  const argId = Number(/#argument-(\d+)/.exec(String(arg.headers.location))?.[1]);
  await d.other.post(`/consultation/${d.stepId}/arguments/${argId}/useful`, { mark: '1' });
  const src = await d.other.post(`/consultation/${d.stepId}/items/${d.itemId}/sources`, { title: 'Rapport', url: 'https://example.org/r', category: 'study' });
  const srcId = Number(/#source-(\d+)/.exec(String(src.headers.location))?.[1]);
  await castVote(t.db, d.step, { kind: 'item', id: d.itemId }, d.otherId, 'agree');
  await castVote(t.db, d.step, { kind: 'item', id: d.itemId }, d.adminId, 'disagree');
  await castVote(t.db, d.step, { kind: 'item', id: amendmentId }, d.authorId, 'mitigated');
  const elsewhere = await makeDebate(t);

  const res = await d.admin.get(exportUrl(d));
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  assert.equal(res.headers['content-disposition'], `attachment; filename="consultation-${d.stepId}.csv"`);
  assert.ok(res.body.startsWith('\uFEFF'), 'a BOM first');
  assert.doesNotMatch(res.body, /@example\.org/, 'never an email');
  const [header, ...rows] = parseCsv(res.body.slice(1));
  assert.deepEqual(header, [
    'Type de ligne', 'Identifiant', 'Section', 'Identifiant du parent', 'Type de contribution', 'Titre', 'Texte', 'URL', 'Position', 'Auteur', 'Statut', 'Date de création',
    'Votes d’accord', 'Votes mitigés', 'Votes pas d’accord', 'Total des votes', 'Arguments pour', 'Arguments contre', 'Sources', 'Marques « utile »',
  ]);
  assert.equal(rows.length, 4, 'one row per opinion, amendment, argument and source of this step');
  const byId = new Map(rows.map((r) => [Number(r[1]), r]));
  assert.ok(!byId.has(elsewhere.itemId));
  const opinion = byId.get(d.itemId)!;
  assert.deepEqual(opinion.slice(0, 6), ['contribution', String(d.itemId), 'Article 1', '', 'Proposition', 'Ouvrir les séances']);
  assert.deepEqual(opinion.slice(12), ['1', '0', '1', '2', '0', '0', '1', '']);
  const am = byId.get(amendmentId)!;
  assert.equal(am[0], 'amendement');
  assert.equal(am[5], `'=HYPERLINK("http://evil")`, 'formulas are escaped');
  assert.match(am[6]!, /chaque semaine[\s\S]*c’est mieux "vraiment"/);
  assert.deepEqual(am.slice(12), ['0', '1', '0', '1', '0', '1', '0', '']);
  const a = byId.get(argId)!;
  assert.deepEqual([a[0], a[2], a[3], a[6], a[8], a[19]], ['argument', 'Article 1', String(amendmentId), 'Trop souvent.', 'Contre', '1']);
  assert.equal(a[12], '', 'vote counts do not apply to arguments');
  const s = byId.get(srcId)!;
  assert.deepEqual([s[0], s[3], s[4], s[5], s[7], s[10]], ['source', String(d.itemId), 'Étude ou rapport', 'Rapport', 'https://example.org/r', 'publiée']);
  const authorName = t.db.sqlite.prepare('select display_name from users where id = ?').get(d.otherId) as { display_name: string };
  assert.equal(am[9], authorName.display_name);
});

test('deleted authors are exported under the name for deleted accounts; hidden rows keep their status', async () => {
  const x = await makeDebate(t);
  t.db.sqlite.prepare('update users set display_name = null, email = null, deleted_at = ? where id = ?').run(new Date().toISOString(), x.authorId);
  t.db.sqlite.prepare("update contributions set status = 'hidden' where id = ?").run(x.itemId);
  const [, row] = parseCsv((await x.admin.get(exportUrl(x))).body.slice(1));
  assert.equal(row![9], 'participant supprimé');
  assert.equal(row![10], 'masquée');
});

test('the headers follow the administrator language', async () => {
  const x = await makeDebate(t);
  await x.admin.get('/lang/en');
  const [header] = parseCsv((await x.admin.get(exportUrl(x))).body.slice(1));
  assert.equal(header![0], 'Row type');
  assert.equal(header![19], '“Useful” marks');
});

test('more rows than one chunk come out once each, in id order', async () => {
  const x = await makeDebate(t);
  const n = EXPORT_CHUNK + 7;
  const now = new Date().toISOString();
  write(t.db, (tx) => {
    for (let i = 0; i < n; i++) {
      const id = tx.run(t.db.insertInto('contributions').values({ step_id: x.stepId, author_id: x.otherId, parent_id: x.itemId, kind: 'argument', title: null, body_md: `Argument ${i}`, created_at: now })).lastInsertRowid;
      tx.run(t.db.insertInto('consultation_arguments').values({ contribution_id: id, item_id: x.itemId, side: i % 2 ? 'for' : 'against' }));
    }
  });
  const [, ...rows] = parseCsv((await x.admin.get(exportUrl(x))).body.slice(1));
  assert.equal(rows.length, n + 1);
  const ids = rows.map((r) => Number(r[1]));
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
  assert.equal(new Set(ids).size, ids.length);
});

test('citizens are refused, anonymous visitors go to the login page, wrong steps are 404', async () => {
  assert.equal((await d.other.get(exportUrl(d))).statusCode, 403);
  assert.equal((await d.author.get(exportUrl(d))).statusCode, 403);
  const anon = await d.anon.get(exportUrl(d));
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/login/);
  assert.equal((await d.admin.get('/consultation/99999/export.csv')).statusCode, 404);
  const presentation = makeStep(t.db, d.projectId, { type: 'presentation', title: 'Présentation', starts: null, ends: null });
  assert.equal((await d.admin.get(`/consultation/${presentation}/export.csv`)).statusCode, 404);
  const moderator = addUser(t.db, 'moderator');
  assert.equal((await (await clientFor(t, moderator)).get(exportUrl(d))).statusCode, 403);
});
