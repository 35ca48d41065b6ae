// The campaigns' pure rules, table-driven: reading the draft and the pace, the spread of a send,
// the progress figures, and the email's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeMail, expectedEnd, notBefore, progressOf, readDraft, readPerMinute, PER_MINUTE_MAX } from './rules.ts';

const exists = (id: number) => id === 7;

test('a draft is read as typed, and the project kept for the project audience only', () => {
  const cases: [Record<string, string>, { fields?: object; errors: string[]; badInput?: boolean }][] = [
    [{ subject: ' Objet ', body: 'Ligne 1\r\nLigne 2\n\n', audience: 'news', project_id: '7' }, { fields: { subject: 'Objet', body: 'Ligne 1\nLigne 2', audience: 'news', project_id: null }, errors: [] }],
    [{ subject: 'Objet', body: 'x', audience: 'project', project_id: '7' }, { fields: { subject: 'Objet', body: 'x', audience: 'project', project_id: 7 }, errors: [] }],
    [{ subject: 'Objet', body: 'x', audience: 'project', project_id: '8' }, { errors: ['project_id'] }],
    [{ subject: 'Objet', body: 'x', audience: 'project', project_id: 'abc' }, { errors: ['project_id'] }],
    [{ subject: 'Objet', body: 'x', audience: 'project' }, { errors: ['project_id'] }],
    [{ subject: 'Une\nautre ligne', body: 'x', audience: 'news' }, { errors: ['subject'] }],
    [{ subject: '', body: '', audience: '' }, { errors: ['subject', 'body', 'audience'] }],
    [{ subject: 'Objet', body: 'x', audience: 'tous' }, { errors: ['audience'], badInput: true }],
  ];
  for (const [body, want] of cases) {
    const got = readDraft(body, exists);
    assert.deepEqual(Object.keys(got.errors), want.errors, JSON.stringify(body));
    if (want.fields) assert.deepEqual(got.fields, want.fields);
    assert.equal(got.badInput, want.badInput ?? false);
  }
});

test('the pace is a whole number of messages per minute between 1 and the maximum', () => {
  for (const ok of ['1', '300', String(PER_MINUTE_MAX)]) assert.equal(readPerMinute({ per_minute: ok }).perMinute, Number(ok), ok);
  for (const bad of ['', '0', '-1', '1.5', '1e3', 'abc', String(PER_MINUTE_MAX + 1)]) assert.ok(readPerMinute({ per_minute: bad }).errors.per_minute, bad);
});

test('messages leave at a steady pace from the start, and the last one is due when expected', () => {
  const start = new Date('2026-05-04T10:00:00.000Z');
  assert.equal(notBefore(start, 0, 300).toISOString(), '2026-05-04T10:00:00.000Z');
  assert.equal(notBefore(start, 1, 300).toISOString(), '2026-05-04T10:00:00.200Z');
  assert.equal(notBefore(start, 300, 300).toISOString(), '2026-05-04T10:01:00.000Z');
  assert.equal(notBefore(start, 1, 7).getTime() - start.getTime(), 8571, 'rounded down to the millisecond');
  assert.equal(expectedEnd(start, 601, 300).toISOString(), '2026-05-04T10:02:00.000Z');
  assert.equal(expectedEnd(start, 0, 300).toISOString(), start.toISOString());
});

test('what was sent is the total less what waits or was abandoned, even once the outbox purged the sent rows', () => {
  assert.deepEqual(progressOf(10, 10, 0), { total: 10, sent: 0, waiting: 10, failed: 0, done: false });
  assert.deepEqual(progressOf(10, 3, 1), { total: 10, sent: 6, waiting: 3, failed: 1, done: false });
  assert.deepEqual(progressOf(10, 0, 2), { total: 10, sent: 8, waiting: 0, failed: 2, done: true });
  assert.deepEqual(progressOf(10, 0, 0), { total: 10, sent: 10, waiting: 0, failed: 0, done: true });
});

test('the email is the text as written, then why it is sent and the link that stops it', () => {
  const t = (key: string, p?: Record<string, string | number>) => `${key}${p ? JSON.stringify(p) : ''}`;
  const mail = composeMail(t, { subject: 'Objet', body: 'Bonjour.', audience: 'project', site: 'Ville', project: 'Le parc', unsubscribeUrl: 'https://ville.fr/unsubscribe/k/notifications' });
  assert.equal(mail.subject, 'Objet');
  assert.equal(mail.text, 'Bonjour.\n\n-- \ncampaigns.mail.why_project{"project":"Le parc","site":"Ville"}\ncampaigns.mail.unsubscribe https://ville.fr/unsubscribe/k/notifications\n');
  assert.match(composeMail(t, { subject: 'O', body: 'B', audience: 'news', site: 'Ville', project: null, unsubscribeUrl: 'u' }).text, /campaigns\.mail\.why_news\{"site":"Ville"\}/);
});
