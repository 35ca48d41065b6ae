// Merging duplicates: the merged proposals point to the target, leave the lists and counts (and
// stay out whatever moderation or their author does next), their page links to the target,
// their author and followers are told by email and follow the target; refusals write nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { follow } from '../../platform/notifications.ts';
import { addProposal, collectCounters, makeCollect } from './test-fixtures.ts';
import { onProposalStatusChange, trashProposal } from './writes.ts';
import { sendNotificationEmails } from './analysis-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const ref = (id: number) => (t.db.sqlite.prepare('select reference from collect_proposals where contribution_id = ?').get(id) as { reference: number }).reference;
const email = (id: number) => (t.db.sqlite.prepare('select email from users where id = ?').get(id) as { email: string }).email;
const follows = (userId: number, id: number) => !!t.db.sqlite.prepare("select 1 from follows where user_id = ? and target_kind = 'contribution' and target_id = ?").get(userId, id);

function scene() {
  const c = makeCollect(t.db);
  const authors = [addUser(t.db, 'citizen', { name: 'Auteur Cible' }), addUser(t.db, 'citizen', { name: 'Auteur Doublon' }), addUser(t.db)];
  const target = addProposal(t.db, c, authors[0]!, { title: 'Une piste cyclable avenue Foch' });
  const dup = addProposal(t.db, c, authors[1]!, { title: 'Piste cyclable sur l’avenue Foch' });
  const dup2 = addProposal(t.db, c, authors[2]!, { title: 'Vélo avenue Foch' });
  const follower = addUser(t.db, 'citizen', { locale: 'en' });
  write(t.db, (tx) => follow(t.db, tx, follower, { kind: 'contribution', id: dup }));
  return { c, authors, target, dup, dup2, follower, base: `/collect/${c.stepId}` };
}

test('an administrator merges two proposals into a target: counters, pages, lists, follows and emails follow', async () => {
  const s = scene();
  const before = collectCounters(t, s.c);
  const { client } = await loginAs(t, 'admin');
  assert.match((await client.get(`${s.base}/admin/merge?target=${ref(s.target)}&sources=${ref(s.dup)}`)).body, new RegExp(`name="target" type="text" value="${ref(s.target)}"`));
  const res = await client.post(`${s.base}/admin/merge`, { target: String(ref(s.target)), sources: `${ref(s.dup)}, ${ref(s.dup2)}` });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `${s.base}/proposals/${s.target}`);
  const after = collectCounters(t, s.c);
  assert.equal(after.proposals, before.proposals - 2);
  assert.equal(after.proposals, after.published, 'the count is what the lists show');
  assert.equal(after.step, before.step - 2);
  assert.equal(after.project.contributions_count, before.project.contributions_count - 2);
  assert.deepEqual(t.db.sqlite.prepare('select merged_into as m from collect_proposals where contribution_id in (?, ?)').all(s.dup, s.dup2), [{ m: s.target }, { m: s.target }]);
  const visitor = t.client();
  const list = (await visitor.get(`${s.base}?sort=newest`)).body;
  assert.match(list, /Une piste cyclable avenue Foch/);
  assert.doesNotMatch(list, /Piste cyclable sur l’avenue Foch|Vélo avenue Foch/);
  const page = (await visitor.get(`${s.base}/proposals/${s.dup}`)).body;
  assert.match(page, /Cette proposition a été fusionnée avec une proposition semblable/);
  assert.match(page, new RegExp(`<a href="${s.base}/proposals/${s.target}">Proposition n° ${ref(s.target)}</a>`));
  assert.ok(follows(s.follower, s.target), 'the follower now follows the target');
  assert.ok(follows(s.authors[1]!, s.target), 'so does the merged proposal’s author');
  const followers = (t.db.sqlite.prepare('select followers_count as n from collect_proposals where contribution_id = ?').get(s.target) as { n: number }).n;
  assert.equal(followers, (t.db.sqlite.prepare("select count(*) as n from follows where target_kind = 'contribution' and target_id = ?").get(s.target) as { n: number }).n);
  await sendNotificationEmails(t);
  assert.match((await t.smtp.waitFor(email(s.authors[1]!), /./)).text, /Le statut de « Piste cyclable sur l’avenue Foch » a changé\./);
  assert.match((await t.smtp.waitFor(email(s.follower), /./)).text, /The status of “Piste cyclable sur l’avenue Foch” changed\./);
});

test('a merged proposal stays out of the counts when moderation hides and restores it or its author deletes it', async () => {
  const s = scene();
  const { client } = await loginAs(t, 'admin');
  await client.post(`${s.base}/admin/merge`, { target: String(ref(s.target)), sources: String(ref(s.dup)) });
  const merged = collectCounters(t, s.c);
  const c = { id: s.dup, step_id: s.c.stepId, parent_id: null, author_id: s.authors[1]!, kind: 'proposal' };
  write(t.db, (tx) => onProposalStatusChange(t.db, tx, c, 'published', 'hidden'));
  write(t.db, (tx) => onProposalStatusChange(t.db, tx, c, 'hidden', 'published'));
  assert.equal(trashProposal(t.db, s.c.step, s.dup, s.authors[1]!), true);
  const after = collectCounters(t, s.c);
  assert.equal(after.proposals, merged.proposals);
  assert.equal(after.published, merged.published);
  assert.equal(after.step, merged.step);
});

test('bad merges are refused with a clear message in French and English, and nothing is written', async () => {
  const s = scene();
  const { client } = await loginAs(t, 'admin');
  const url = `${s.base}/admin/merge`;
  const before = collectCounters(t, s.c);
  const cases: [Record<string, string>, RegExp][] = [
    [{ target: '', sources: '' }, /Indiquez le numéro d’une seule proposition/],
    [{ target: String(ref(s.target)), sources: 'douze' }, /Indiquez des numéros de propositions/],
    [{ target: String(ref(s.target)), sources: String(ref(s.target)) }, /ne peut pas être fusionnée avec elle-même/],
    [{ target: String(ref(s.target)), sources: `${ref(s.dup)}, 999` }, /Aucune proposition publiée de cette étape ne porte ce numéro : 999\./],
    [{ target: '1 2', sources: String(ref(s.dup)) }, /Indiquez le numéro d’une seule proposition/],
  ];
  for (const [form, message] of cases) {
    const res = await client.post(url, form);
    assert.equal(res.statusCode, 422, JSON.stringify(form));
    assert.match(res.body, message);
  }
  await client.get('/lang/en');
  assert.match((await client.post(url, { target: String(ref(s.target)), sources: String(ref(s.target)) })).body, /A proposal cannot be merged into itself\./);
  // A proposal of another step is unknown here.
  const other = makeCollect(t.db);
  const elsewhere = addProposal(t.db, other, s.authors[0]!);
  assert.equal((await client.post(url, { target: String(ref(s.target)), sources: String(ref(elsewhere) + 1000) })).statusCode, 422);
  assert.deepEqual(collectCounters(t, s.c), before);
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_proposals where merged_into is not null and step_id = ?').get(s.c.stepId) as { n: number }).n, 0);
  // A proposal merged already cannot be merged again, nor be a target.
  await client.post(url, { target: String(ref(s.target)), sources: String(ref(s.dup)) });
  assert.equal((await client.post(url, { target: String(ref(s.dup)), sources: String(ref(s.dup2)) })).statusCode, 422);
});

test('only administrators merge: moderators, decision makers and citizens are refused', async () => {
  const s = scene();
  for (const role of ['moderator', 'citizen'] as const) {
    const { client } = await loginAs(t, role);
    assert.equal((await client.get(`${s.base}/admin/merge`)).statusCode, 403);
    assert.equal((await client.post(`${s.base}/admin/merge`, { target: String(ref(s.target)), sources: String(ref(s.dup)) })).statusCode, 403);
  }
  assert.equal((await t.client().post(`${s.base}/admin/merge`, { target: '1', sources: '2' })).statusCode, 403, 'anonymous, without a CSRF token');
  assert.equal((t.db.sqlite.prepare('select count(*) as n from collect_proposals where merged_into is not null and step_id = ?').get(s.c.stepId) as { n: number }).n, 0);
});

test('a merged proposal’s page takes no more comments, follows or changes: they go to the target', async () => {
  const s = scene();
  const { client } = await loginAs(t, 'admin');
  await client.post(`${s.base}/admin/merge`, { target: String(ref(s.target)), sources: String(ref(s.dup)) });
  const author = (await loginAs(t, s.authors[1]!)).client;
  const page = (await author.get(`${s.base}/proposals/${s.dup}`)).body;
  assert.doesNotMatch(page, new RegExp(`href="${s.base}/proposals/${s.dup}/edit"`));
  assert.doesNotMatch(page, /id="comments"/);
  assert.match((await author.get(`${s.base}/proposals/${s.target}`)).body, /id="comments"/);
});

test('the author of a merged proposal can no longer edit or delete it, even by posting to its addresses', async () => {
  const s = scene();
  const { client } = await loginAs(t, 'admin');
  assert.equal((await client.post(`${s.base}/admin/merge`, { target: String(ref(s.target)), sources: String(ref(s.dup)) })).statusCode, 303);
  const { client: author } = await loginAs(t, s.authors[1]!);
  const title = () => (t.db.sqlite.prepare('select title from contributions where id = ?').get(s.dup) as { title: string }).title;
  const edit = await author.post(`${s.base}/proposals/${s.dup}/edit`, { title: 'Titre changé après la fusion', summary: 'Résumé', body: 'Texte' });
  assert.equal(edit.statusCode, 403);
  assert.match(edit.body, /fusionnée avec une autre/);
  assert.equal(title(), 'Piste cyclable sur l’avenue Foch');
  assert.equal((await author.post(`${s.base}/proposals/${s.dup}/delete`, {})).statusCode, 403);
  assert.equal((t.db.sqlite.prepare('select status from contributions where id = ?').get(s.dup) as { status: string }).status, 'published');
});
