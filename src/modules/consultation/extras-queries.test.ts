// The extras of an item page: arguments, sources and diff in a fixed number of queries, with the
// person's marks, authors (deleted ones unnamed) and the section's switches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../../../test/helpers/factories.ts';
import { makeDebate, type Debate } from './debate-fixtures.ts';
import { createAmendment, createArgument, createSource, loadItemExtras, setUsefulMark } from './extras-queries.ts';

let t: TestApp;
let d: Debate;
before(async () => {
  t = await makeApp();
  d = await makeDebate(t);
});
after(() => t.close());

const opinion = () => ({ id: d.itemId, section_id: d.sectionId, kind: 'opinion', proposed_text: null });

/** Counts the statements SQLite prepares while `fn` runs: one per query Kysely executes. */
async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const sqlite = t.db.sqlite;
  const original = sqlite.prepare.bind(sqlite);
  let queries = 0;
  sqlite.prepare = ((source: string) => {
    queries++;
    return original(source);
  }) as typeof sqlite.prepare;
  try {
    return { result: await fn(), queries };
  } finally {
    sqlite.prepare = original;
  }
}

test('the extras take three queries whether an item has no argument or dozens', async () => {
  const empty = await countQueries(() => loadItemExtras(t.db, opinion(), { id: d.otherId }));
  assert.equal(empty.queries, 3);
  assert.deepEqual([empty.result.argumentsFor, empty.result.argumentsAgainst, empty.result.sources], [[], [], []]);
  for (let i = 0; i < 30; i++) createArgument(t.db, d.step, d.itemId, addUser(t.db), i % 3 ? 'for' : 'against', `Argument ${i}`);
  for (let i = 0; i < 10; i++) createSource(t.db, d.step, d.itemId, d.otherId, { title: `Source ${i}`, url: `https://example.org/${i}`, category: 'press' });
  const full = await countQueries(() => loadItemExtras(t.db, opinion(), { id: d.otherId }));
  assert.equal(full.queries, 3);
  assert.equal(full.result.argumentsFor.length + full.result.argumentsAgainst.length, 30);
  assert.equal(full.result.sources.length, 10);
});

test('arguments carry the person marks, their own ones, useful order and deleted authors', async () => {
  const x = await makeDebate(t);
  const item = { id: x.itemId, section_id: x.sectionId, kind: 'opinion', proposed_text: null };
  const ghost = addUser(t.db, 'citizen', { name: 'Fantôme' });
  const a1 = createArgument(t.db, x.step, x.itemId, x.authorId, 'for', 'Premier');
  const a2 = createArgument(t.db, x.step, x.itemId, ghost, 'for', 'Second');
  const a3 = createArgument(t.db, x.step, x.itemId, x.otherId, 'against', 'Contre');
  setUsefulMark(t.db, x.step, a2, x.otherId, true);
  setUsefulMark(t.db, x.step, a2, x.adminId, true);
  setUsefulMark(t.db, x.step, a1, x.adminId, true);
  t.db.sqlite.prepare('update users set display_name = null, deleted_at = ? where id = ?').run(new Date().toISOString(), ghost);
  const hidden = createArgument(t.db, x.step, x.itemId, x.otherId, 'for', 'Masqué');
  t.db.sqlite.prepare("update contributions set status = 'hidden' where id = ?").run(hidden);

  const seen = await loadItemExtras(t.db, item, { id: x.otherId });
  // A hidden argument is its author's only, marked so (moderation, issue 8).
  assert.deepEqual(seen.argumentsFor.filter((a) => a.id === hidden).map((a) => [a.own, a.status]), [[true, 'hidden']]);
  assert.ok(!(await loadItemExtras(t.db, item, { id: x.authorId })).argumentsFor.some((a) => a.id === hidden), 'nobody else sees it');
  assert.deepEqual(seen.argumentsFor.filter((a) => a.id !== hidden).map((a) => [a.id, a.useful_count, a.marked, a.own, a.author_name]), [
    [a2, 2, true, false, null],
    [a1, 1, false, false, t.db.sqlite.prepare('select display_name from users where id = ?').pluck().get(x.authorId)],
  ]);
  assert.deepEqual(seen.argumentsAgainst.map((a) => [a.id, a.own]), [[a3, true]]);
  const anonymous = await loadItemExtras(t.db, item, null);
  assert.ok([...anonymous.argumentsFor, ...anonymous.argumentsAgainst].every((a) => !a.marked && !a.own));
  assert.equal(seen.allowArguments, true);
  assert.equal(seen.amendment, null);
});

test('an amendment gets the section current text and its escaped diff', async () => {
  const x = await makeDebate(t);
  const id = createAmendment(t.db, x.step, x.sectionId, x.otherId, { title: 'A', body: 'B', proposedText: 'Le conseil <b>ne</b> se réunit pas.' });
  const extras = await loadItemExtras(t.db, { id, section_id: x.sectionId, kind: 'amendment', proposed_text: 'Le conseil <b>ne</b> se réunit pas.' }, null);
  assert.equal(extras.amendment?.currentText, x.sectionText);
  const diff = extras.amendment!.diff((k) => k);
  assert.ok(diff.insertions > 0 && diff.deletions > 0);
  assert.match(diff.html, /&lt;b&gt;ne&lt;\/b&gt;/);
  assert.doesNotMatch(diff.html, /<b>/);
});
