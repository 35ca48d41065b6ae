// The moderation's part of the personal data: its tables referencing people are declared; the
// export holds the person's reports and the actions they took or that concerned them; erasure
// removes their reports (their open ones leave the queue's counter), keeps the log's actions
// without the moderator's reference, and drops the originals of texts edited out of theirs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, countRows, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { erasePersonalData, exportPersonalData } from '../../platform/personal-data.ts';
import { manifest } from './manifest.ts';
import { addArgument, addReport, makeModeratedStep, openReports } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the moderation declares each of its tables that references a person', () => {
  const referencing = (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'moderation_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => (t.db.sqlite.prepare(`pragma foreign_key_list(${name})`).all() as { table: string }[]).some((fk) => fk.table === 'users'));
  assert.deepEqual([...(manifest.personalData?.tables ?? [])].sort(), referencing.sort());
});

test('export and erasure of a reporter, a moderator and an author', async () => {
  const s = makeModeratedStep(t.db);
  const author = addUser(t.db);
  const reporter = addUser(t.db);
  const id = addArgument(t.db, s, author, { body: 'Mon adresse : 3 rue des Lilas.' });
  const other = addArgument(t.db, s, addUser(t.db));
  addReport(t.db, id, reporter, 'personal_data');
  addReport(t.db, other, reporter, 'spam');
  addReport(t.db, other, addUser(t.db), 'spam');
  const mod = await loginAs(t, 'moderator');
  assert.equal((await mod.client.post(`/moderation/items/${id}/edit`, { body: 'Mon adresse : [retirée].' })).statusCode, 303);

  const data = exportPersonalData(t.db, t.app.manifests, reporter).moderation as { reports: { contribution_id: number; reason: string }[] };
  assert.deepEqual(data.reports.map((r) => [r.contribution_id, r.reason]), [[id, 'personal_data'], [other, 'spam']]);
  const theirs = exportPersonalData(t.db, t.app.manifests, author).moderation as { actions_about_them: { action: string; original_body: string }[] };
  assert.deepEqual(theirs.actions_about_them.map((a) => [a.action, a.original_body]), [['edit', 'Mon adresse : 3 rue des Lilas.']]);
  const taken = exportPersonalData(t.db, t.app.manifests, mod.userId).moderation as { actions_taken: { action: string }[] };
  assert.deepEqual(taken.actions_taken.map((a) => a.action), ['edit']);

  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, reporter));
  assert.equal(countRows(t, `moderation_reports where reporter_id = ${reporter}`), 0);
  assert.equal(openReports(t.db, other), 1, 'their open report left the counter');
  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, author));
  assert.equal(countRows(t, `moderation_log where contribution_id = ${id} and original_body is not null`), 0, 'the original text is gone');
  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, mod.userId));
  assert.equal(countRows(t, `moderation_log where contribution_id = ${id} and action = 'edit' and moderator_id is null`), 1, 'the action stays, not who took it');
});
