// Votes on sections and items: one per person (the primary key), changes and withdrawals keep
// every counter exact, 50 simultaneous requests leave one vote, and refusals write nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { readSync, write } from '../../db/write.ts';
import { loginAs, anonymous, addUser, countRows } from '../../../test/helpers/factories.ts';
import { makeConsultation, addItem, counters } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const itemVote = (c: { stepId: number }, id: number) => `/consultation/${c.stepId}/items/${id}/vote`;
const votesOf = (itemId: number) => readSync(t.db).all(t.db.selectFrom('consultation_item_votes').selectAll().where('item_id', '=', itemId));

test('a citizen votes on an item, changes the vote, withdraws it: counters stay exact everywhere', async () => {
  const c = makeConsultation(t.db);
  const item = addItem(t.db, c, c.childSectionId, addUser(t.db));
  const { client, userId } = await loginAs(t, 'citizen');
  await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  const res = await client.post(itemVote(c, item), { value: 'agree', back: `/consultation/${c.stepId}/sections/${c.childSectionId}?sort=votes` });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, `/consultation/${c.stepId}/sections/${c.childSectionId}?sort=votes#vote-item-${item}`);
  let k = counters(t.db, c, { itemId: item });
  assert.deepEqual([k.item!.votes_agree, k.item!.votes_mitigated, k.item!.votes_disagree, k.item!.votes_total, k.item!.controversy], [1, 0, 0, 1, 0]);
  assert.deepEqual(k.step, { contributions_count: 0, votes_count: 1 });
  assert.deepEqual(k.project, { participants_count: 1, contributions_count: 0, votes_count: 1 });

  await client.post(itemVote(c, item), { value: 'disagree' });
  k = counters(t.db, c, { itemId: item });
  assert.deepEqual([k.item!.votes_agree, k.item!.votes_disagree, k.item!.votes_total, k.item!.controversy], [0, 1, 1, 0]);
  assert.equal(k.project.votes_count, 1);
  assert.deepEqual(votesOf(item).map((v) => [v.user_id, v.value]), [[userId, 'disagree']]);

  // A second person agrees: the split is now even.
  const { client: other } = await loginAs(t, 'citizen');
  await other.post(itemVote(c, item), { value: 'agree' });
  k = counters(t.db, c, { itemId: item });
  assert.deepEqual([k.item!.votes_agree, k.item!.votes_disagree, k.item!.votes_total, k.item!.controversy], [1, 1, 2, 2]);
  assert.deepEqual(k.project, { participants_count: 2, contributions_count: 0, votes_count: 2 });

  const withdrawn = await client.post(itemVote(c, item), { value: 'withdraw' });
  assert.equal(withdrawn.statusCode, 303);
  assert.equal(withdrawn.headers.location, `/consultation/${c.stepId}/items/${item}#vote-item-${item}`);
  k = counters(t.db, c, { itemId: item });
  assert.deepEqual([k.item!.votes_agree, k.item!.votes_disagree, k.item!.votes_total, k.item!.controversy], [1, 0, 1, 0]);
  assert.deepEqual(k.step, { contributions_count: 0, votes_count: 1 });
  // Withdrawing again changes nothing.
  await client.post(itemVote(c, item), { value: 'withdraw' });
  assert.equal(counters(t.db, c, { itemId: item }).item!.votes_total, 1);
  assert.equal(counters(t.db, c, {}).project.votes_count, 1);
});

test('50 simultaneous identical votes by one person leave exactly one vote and correct counters', async () => {
  const c = makeConsultation(t.db);
  const item = addItem(t.db, c, c.childSectionId, addUser(t.db));
  const { client } = await loginAs(t, 'citizen');
  const results = await Promise.all(Array.from({ length: 50 }, () => client.post(itemVote(c, item), { value: 'mitigated' })));
  assert.ok(results.every((r) => r.statusCode === 303));
  assert.equal(votesOf(item).length, 1);
  const k = counters(t.db, c, { itemId: item });
  assert.deepEqual([k.item!.votes_agree, k.item!.votes_mitigated, k.item!.votes_disagree, k.item!.votes_total], [0, 1, 0, 1]);
  assert.deepEqual(k.step, { contributions_count: 0, votes_count: 1 });
  assert.deepEqual(k.project, { participants_count: 1, contributions_count: 0, votes_count: 1 });
  // Mixed simultaneous changes still leave counters equal to the rows.
  const values = ['agree', 'disagree', 'withdraw', 'mitigated'];
  await Promise.all(Array.from({ length: 40 }, (_, i) => client.post(itemVote(c, item), { value: values[i % 4]! })));
  const rows = votesOf(item);
  const after = counters(t.db, c, { itemId: item });
  assert.equal(after.item!.votes_total, rows.length);
  assert.equal(after.item!.votes_agree, rows.filter((r) => r.value === 'agree').length);
  assert.equal(after.item!.votes_disagree, rows.filter((r) => r.value === 'disagree').length);
  assert.equal(after.project.votes_count, rows.length);
});

test('a section vote counts on the section and is one per person', async () => {
  const c = makeConsultation(t.db);
  const { client } = await loginAs(t, 'citizen');
  const url = `/consultation/${c.stepId}/sections/${c.sectionId}/vote`;
  await Promise.all(Array.from({ length: 10 }, () => client.post(url, { value: 'agree' })));
  await client.post(url, { value: 'disagree' });
  const s = counters(t.db, c, { sectionId: c.sectionId }).section!;
  assert.deepEqual([s.votes_agree, s.votes_mitigated, s.votes_disagree], [0, 0, 1]);
  assert.equal(readSync(t.db).all(t.db.selectFrom('consultation_section_votes').select('user_id').where('section_id', '=', c.sectionId)).length, 1);
  assert.equal(counters(t.db, c, {}).step.votes_count, 1);
  const page = await client.get(`/consultation/${c.stepId}/sections/${c.sectionId}`);
  assert.match(page.body, /id="vote-section-\d+-disagree"[^>]*aria-pressed="true"/);
  assert.match(page.body, /id="vote-section-\d+-agree"[^>]*aria-pressed="false"/);
  await client.post(url, { value: 'withdraw' });
  assert.equal(counters(t.db, c, { sectionId: c.sectionId }).section!.votes_disagree, 0);
  assert.equal(counters(t.db, c, {}).step.votes_count, 0);
});

test('with htmx the answer is the widget: counts, bar, text equivalents and the choice pressed', async () => {
  const c = makeConsultation(t.db);
  const item = addItem(t.db, c, c.childSectionId, addUser(t.db), { title: 'Plus de bancs', votes: { agree: 2, disagree: 1 } });
  const { client } = await loginAs(t, 'citizen');
  const res = await client.post(itemVote(c, item), { value: 'agree', back: '/x' }, { 'hx-request': 'true' });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, new RegExp(`^<form class="vote" id="vote-item-${item}"`));
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /class="vote-bar" aria-hidden="true"[^>]*>(?:(?!<\/svg>)[\s\S])*<rect class="agree" x="0%" width="75%"[^>]*\/>\s*<rect class="mitigated" x="75%" width="0%"[^>]*\/>\s*<rect class="disagree" x="75%" width="25%"/);
  assert.match(res.body, /3 d&#39;accord \(75 %\)/);
  assert.match(res.body, /1 pas d&#39;accord \(25 %\)/);
  assert.match(res.body, /value="agree"[^>]*aria-pressed="true"/);
  assert.match(res.body, /value="withdraw"/);
  assert.match(res.body, /name="_csrf"/);
});

test('who may not vote: anonymous, unconfirmed, closed step, votes not allowed; nothing written', async () => {
  const c = makeConsultation(t.db);
  const item = addItem(t.db, c, c.childSectionId, addUser(t.db));
  const total = () => countRows(t.db, 'consultation_item_votes') + countRows(t.db, 'consultation_section_votes');
  const before = total();
  const anon = await anonymous(t);
  assert.equal((await anon.post(itemVote(c, item), { value: 'agree' })).statusCode, 403);
  const { client: unconfirmed } = await loginAs(t, 'citizen', { confirmed: false });
  assert.equal((await unconfirmed.post(itemVote(c, item), { value: 'agree' })).statusCode, 403);

  const closed = makeConsultation(t.db, { state: 'closed' });
  const closedItem = addItem(t.db, closed, closed.childSectionId, addUser(t.db));
  const { client } = await loginAs(t, 'citizen');
  const res = await client.post(itemVote(closed, closedItem), { value: 'agree' });
  assert.equal(res.statusCode, 403);
  assert.match(res.body, /Cette étape est fermée/);
  assert.equal((await client.post(`/consultation/${closed.stepId}/sections/${closed.sectionId}/vote`, { value: 'agree' })).statusCode, 403);
  const page = await client.get(`/consultation/${closed.stepId}/sections/${closed.childSectionId}`);
  assert.doesNotMatch(page.body, /<form class="vote"/);

  const noVotes = makeConsultation(t.db, { allowVotes: false });
  const nvItem = addItem(t.db, noVotes, noVotes.childSectionId, addUser(t.db));
  assert.equal((await client.post(itemVote(noVotes, nvItem), { value: 'agree' })).statusCode, 403);
  assert.equal((await client.post(`/consultation/${noVotes.stepId}/sections/${noVotes.sectionId}/vote`, { value: 'agree' })).statusCode, 403);
  assert.doesNotMatch((await client.get(`/consultation/${noVotes.stepId}/sections/${noVotes.sectionId}`)).body, /class="vote"/);

  assert.equal(total(), before);
});

test('hidden or trashed items, forged ids and bad values are refused', async () => {
  const a = makeConsultation(t.db);
  const b = makeConsultation(t.db);
  const author = addUser(t.db);
  const hidden = addItem(t.db, a, a.childSectionId, author, { status: 'hidden' });
  const trashed = addItem(t.db, a, a.childSectionId, author, { status: 'trashed' });
  const inB = addItem(t.db, b, b.childSectionId, author);
  const ok = addItem(t.db, a, a.childSectionId, author);
  const { client } = await loginAs(t, 'citizen');
  const before = countRows(t.db, 'consultation_item_votes');
  assert.equal((await client.post(itemVote(a, hidden), { value: 'agree' })).statusCode, 404);
  assert.equal((await client.post(itemVote(a, trashed), { value: 'agree' })).statusCode, 404);
  assert.equal((await client.post(itemVote(a, inB), { value: 'agree' })).statusCode, 404);
  assert.equal((await client.post(`/consultation/${a.stepId}/sections/${b.sectionId}/vote`, { value: 'agree' })).statusCode, 404);
  assert.equal((await client.post(itemVote(a, 999999), { value: 'agree' })).statusCode, 404);
  for (const value of ['', 'yes', 'AGREE']) {
    const res = await client.post(itemVote(a, ok), { value });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Ce choix de vote n&#39;existe pas/);
  }
  assert.equal((await client.post(itemVote(a, ok), { value: 'agree', _csrf: 'nope' })).statusCode, 403);
  assert.equal(countRows(t.db, 'consultation_item_votes'), before);
  // A back address elsewhere is ignored.
  const res = await client.post(itemVote(a, ok), { value: 'agree', back: 'https://evil.example/' });
  assert.equal(res.headers.location, `/consultation/${a.stepId}/items/${ok}#vote-item-${ok}`);
});

test('the list marks the person’s own votes in one query for the page', async () => {
  const c = makeConsultation(t.db);
  const author = addUser(t.db);
  const one = addItem(t.db, c, c.childSectionId, author);
  const two = addItem(t.db, c, c.childSectionId, author);
  const { client, userId } = await loginAs(t, 'citizen');
  write(t.db, (tx) => tx.run(t.db.insertInto('consultation_item_votes').values({ item_id: one, user_id: userId, value: 'disagree', created_at: '2026-01-01' })));
  const page = await client.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  assert.match(page.body, new RegExp(`id="vote-item-${one}-disagree"[^>]*aria-pressed="true"`));
  assert.doesNotMatch(page.body, new RegExp(`id="vote-item-${two}-[a-z]+"[^>]*aria-pressed="true"`));
});

test('a vote’s back field with odd characters gets the safe default, never a 500 after the vote', async () => {
  const c = makeConsultation(t.db);
  const item = addItem(t.db, c, c.childSectionId, addUser(t.db));
  const { client } = await loginAs(t, 'citizen');
  const values = ['agree', 'disagree', 'mitigated', 'agree', 'disagree', 'mitigated'] as const;
  const backs = ['/\t/evil.example', '/\r\nSet-Cookie: x=1', '/\\evil.example', '/\u2028', '/\r/evil.example'];
  for (const [i, back] of backs.entries()) {
    const res = await client.post(itemVote(c, item), { value: values[i]!, back });
    assert.equal(res.statusCode, 303, JSON.stringify(back));
    assert.ok(!/evil|Set-Cookie/.test(String(res.headers.location)), `${JSON.stringify(back)} → ${res.headers.location}`);
    assert.equal(res.headers['set-cookie']?.toString().includes('x=1'), false);
  }
  const res = await client.post(itemVote(c, item), { value: 'agree', back: `/consultation/${c.stepId}/sections/${c.childSectionId}?q=été` });
  assert.equal(res.headers.location, `/consultation/${c.stepId}/sections/${c.childSectionId}?q=%C3%A9t%C3%A9#vote-item-${item}`);
  assert.equal(votesOf(item).length, 1);
});
