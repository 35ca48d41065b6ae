// The campaigns' part of the personal data: the table referencing people is declared, the account
// export lists the campaigns the person wrote or sent (nobody else's), and erasure takes them off
// those records while the campaigns stay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs, makeProject } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { erasePersonalData } from '../../platform/personal-data.ts';
import { addPerson, makeCampaign } from './test-fixtures.ts';
import { manifest } from './manifest.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the campaigns declare their table that references a person', () => {
  const referencing = (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name like 'campaigns_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((name) => (t.db.sqlite.prepare(`pragma foreign_key_list(${name})`).all() as { table: string }[]).some((fk) => fk.table === 'users'));
  assert.deepEqual([...(manifest.personalData?.tables ?? [])].sort(), referencing.sort());
});

test('the export lists the campaigns the administrator wrote or sent; erasure removes them from those records', async () => {
  const projectId = makeProject(t.db);
  addPerson(t.db, { participantOf: projectId });
  const { client, userId } = await loginAs(t, 'admin');
  const other = await loginAs(t, 'admin');
  const written = makeCampaign(t.db, { authorId: userId, subject: 'Écrite par moi' });
  const sentByMe = makeCampaign(t.db, { authorId: other.userId, audience: 'project', projectId, subject: 'Envoyée par moi' });
  makeCampaign(t.db, { authorId: other.userId, subject: 'Pas la mienne' });
  await client.get(`/admin/campaigns/${sentByMe}`);
  assert.equal((await client.post(`/admin/campaigns/${sentByMe}/send`, { per_minute: '300' })).statusCode, 303);

  const part = (await client.get('/account/export')).json().campaigns;
  assert.deepEqual(
    part.campaigns.map((c: { id: number; subject: string; wrote: boolean; sent: boolean }) => [c.id, c.subject, c.wrote, c.sent]),
    [
      [written, 'Écrite par moi', true, false],
      [sentByMe, 'Envoyée par moi', false, true],
    ],
  );

  write(t.db, (tx) => erasePersonalData(t.db, tx, t.app.manifests, userId));
  const rows = t.db.sqlite.prepare('select id, author_id, sent_by_id from campaigns_emails where id in (?, ?) order by id').all(written, sentByMe);
  assert.deepEqual(rows, [
    { id: written, author_id: null, sent_by_id: null },
    { id: sentByMe, author_id: other.userId, sent_by_id: null },
  ]);
});
