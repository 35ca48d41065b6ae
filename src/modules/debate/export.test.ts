// The CSV export: administrators only, UTF-8 with a BOM, the vote counts per side but never who
// voted, the invited opinions, the conclusion and every argument with its status, formula cells
// neutralised, public names only, and arguments read in keyset chunks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { addArgument, makeDebate, setState } from './test-fixtures.ts';
import { castVote, saveConclusion, saveOpinions, setUsefulMark } from './writes.ts';
import { EXPORT_CHUNK } from './export.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

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
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

test('an administrator downloads the debate as CSV: BOM, vote counts without voters, opinions, conclusion, arguments', async () => {
  const d = makeDebate(t.db);
  const author = addUser(t.db, 'citizen', { name: 'Rémi Auteur' });
  const gone = addUser(t.db, 'citizen', { name: 'Ancien Compte' });
  const voters = [addUser(t.db, 'citizen', { name: 'Votante Secrète' }), addUser(t.db, 'citizen', { name: 'Votant Discret' }), addUser(t.db, 'citizen', { name: 'Troisième Votant' })];
  await Promise.all([castVote(t.db, d.step, voters[0]!, 'for'), castVote(t.db, d.step, voters[1]!, 'for'), castVote(t.db, d.step, voters[2]!, 'against')]);
  const formula = addArgument(t.db, d, author, 'for', { body: '=HYPERLINK("http://evil")' });
  setUsefulMark(t.db, d.step, formula, voters[0]!, true);
  const quoted = addArgument(t.db, d, gone, 'against', { body: 'Sur deux lignes,\n"vraiment".' });
  const hidden = addArgument(t.db, d, author, 'against', { body: 'Masqué', status: 'hidden' });
  t.db.sqlite.prepare("update users set display_name = null, deleted_at = '2026-01-01' where id = ?").run(gone);
  saveOpinions(t.db, d.stepId, { for: { name: 'Claire Fournier', role: 'adjointe, urbanisme', body: 'Pour.' }, against: null });
  setState(t.db, d, 'closed');
  saveConclusion(t.db, d.stepId, 'Essai de six mois.');
  addArgument(t.db, makeDebate(t.db), author, 'for', { body: 'Un autre débat' });

  const { client } = await loginAs(t, 'admin');
  const res = await client.get(`/debate/${d.stepId}/export.csv`);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
  assert.equal(res.headers['content-disposition'], `attachment; filename="debate-${d.stepId}.csv"`);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.ok(res.body.startsWith('\uFEFF'), 'a BOM for spreadsheets');
  const rows = parseCsv(res.body.slice(1));
  assert.deepEqual(rows[0], ['Type de ligne', 'Identifiant', 'Côté', 'Texte', 'Auteur', 'Fonction', 'Statut', 'Date', 'Marques « utile »', 'Votes']);
  assert.deepEqual(rows[1], ['votes', '', 'Pour', '', '', '', '', '', '', '2']);
  assert.deepEqual(rows[2], ['votes', '', 'Contre', '', '', '', '', '', '', '1']);
  assert.deepEqual(rows[3]!.slice(0, 6), ['point de vue invité', '', 'Pour', 'Pour.', 'Claire Fournier', 'adjointe, urbanisme']);
  assert.deepEqual(rows[4]!.slice(0, 4), ['conclusion', '', '', 'Essai de six mois.']);
  const args = rows.slice(5);
  assert.deepEqual(args.map((r) => r[1]), [String(formula), String(quoted), String(hidden)], 'this step’s arguments only, in id order, every status');
  assert.deepEqual([args[0]![3], args[0]![4], args[0]![6], args[0]![8]], ["'=HYPERLINK(\"http://evil\")", 'Rémi Auteur', 'publié', '1'], 'a formula is neutralised');
  assert.deepEqual([args[1]![3], args[1]![4]], ['Sur deux lignes,\n"vraiment".', 'participant supprimé']);
  assert.equal(args[2]![6], 'masqué');
  assert.doesNotMatch(res.body, /Votante Secrète|Votant Discret|Troisième Votant/, 'never who voted');
});

test('the export is for administrators only, and in English for an administrator reading in English', async () => {
  const d = makeDebate(t.db, { visibility: 'draft' });
  const url = `/debate/${d.stepId}/export.csv`;
  assert.equal((await (await anonymous(t)).get(url)).statusCode, 303);
  assert.equal((await (await loginAs(t)).client.get(url)).statusCode, 403);
  assert.equal((await (await loginAs(t, 'moderator')).client.get(url)).statusCode, 403);
  const { client } = await loginAs(t, 'admin');
  await client.get('/lang/en');
  const res = await client.get(url);
  assert.equal(res.statusCode, 200);
  assert.deepEqual(parseCsv(res.body.slice(1))[1], ['votes', '', 'For', '', '', '', '', '', '', '0']);
  assert.match(res.body, /^\uFEFFRow type,Identifier,Side,Text/);
});

test('more arguments than one chunk are all exported, each once', async () => {
  const d = makeDebate(t.db);
  const total = EXPORT_CHUNK + 5;
  t.db.sqlite.transaction(() => {
    const user = t.db.sqlite.prepare("insert into users (email, display_name, role, locale, news_consent, created_at) values (?, ?, 'citizen', 'fr', 0, '2026-01-01')");
    const core = t.db.sqlite.prepare("insert into contributions (step_id, author_id, kind, status, body_md, created_at) values (?, ?, 'argument', 'published', ?, '2026-01-01')");
    const side = t.db.sqlite.prepare("insert into debate_arguments (contribution_id, step_id, author_id, side) values (?, ?, ?, 'for')");
    for (let i = 0; i < total; i++) {
      const author = Number(user.run(`export-${i}-${process.pid}@example.org`, `Personne ${i}`).lastInsertRowid);
      side.run(Number(core.run(d.stepId, author, `Argument ${i}`).lastInsertRowid), d.stepId, author);
    }
  })();
  const res = await (await loginAs(t, 'admin')).client.get(`/debate/${d.stepId}/export.csv`);
  const ids = parseCsv(res.body.slice(1)).filter((r) => r[0] === 'argument').map((r) => r[1]);
  assert.equal(ids.length, total);
  assert.equal(new Set(ids).size, total);
});
