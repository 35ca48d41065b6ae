// Pure rules of the notifications, table-driven: parsing what forms send, the local day of the
// digest in the instance's time zone, the link of a notification and the email's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Manifest } from '../../platform/module.ts';
import { composeMail, digestDay, linkOf, localTime, parseCursor, parseEmailChoice, parseFollowKind, type NotificationRow } from './rules.ts';

test('form values: only those the forms send are accepted', () => {
  const cases: [unknown, number | null][] = [['12', 12], ['0', null], ['-1', null], ['1e3', null], [undefined, null], [['1'], null]];
  for (const [v, want] of cases) assert.equal(parseCursor(v), want, String(v));
  assert.equal(parseEmailChoice('digest'), 'digest');
  assert.equal(parseEmailChoice('weekly'), null);
  assert.equal(parseFollowKind('step'), 'step');
  assert.equal(parseFollowKind('user'), null);
});

test('the digest’s day is the local day of the time zone, from its hour on', () => {
  const cases: [string, string, number, string | null][] = [
    ['2026-03-10T05:59:00Z', 'Europe/Paris', 7, null],
    ['2026-03-10T06:00:00Z', 'Europe/Paris', 7, '2026-03-10'],
    ['2026-03-10T23:30:00Z', 'Europe/Paris', 7, null], // 00:30 on the 11th: before the hour
    ['2026-03-11T06:30:00Z', 'Europe/Paris', 7, '2026-03-11'],
    ['2026-03-10T23:30:00Z', 'America/Cayenne', 7, '2026-03-10'],
    ['2026-07-01T05:00:00Z', 'Europe/Paris', 7, '2026-07-01'],
  ];
  for (const [iso, zone, hour, want] of cases) assert.equal(digestDay(new Date(iso), zone, hour), want, `${iso} ${zone}`);
  assert.deepEqual(localTime(new Date('2026-01-01T00:30:00Z'), 'Europe/Paris'), { day: '2026-01-01', hour: 1 });
});

const row = (o: Partial<NotificationRow>): NotificationRow => ({
  id: 1, kind: 'new_contribution', created_at: '', read_at: null, actor_id: null, actor_name: null, actor_deleted_at: null, project_slug: 'p', project_title: 'P',
  step_id: 5, step_title: 'S', step_type: 'debate', contribution_id: 9, c_kind: 'argument', c_title: null, c_parent_id: null, c_status: 'published', c_author_id: 2,
  parent_kind: null, parent_title: null, parent_status: null, ...o,
});

test('a notification links to the permalink it may show, else its step, else its project', () => {
  const manifests = [{ slug: 'debate', step: {}, contributions: { argument: { labelKey: 'k', permalink: (c: { id: number; step_id: number }) => `/debate/${c.step_id}/arguments/${c.id}` } } }] as unknown as Manifest[];
  assert.equal(linkOf(manifests, row({}), true), '/debate/5/arguments/9');
  assert.equal(linkOf(manifests, row({}), false), '/debate/5');
  assert.equal(linkOf(manifests, row({ step_id: null, step_type: null, contribution_id: null }), false), '/projects/p');
  assert.equal(linkOf(manifests, row({ step_id: null, step_type: null, project_slug: null }), false), '/notifications');
});

test('the email has every link absolute, the unsubscribe link, and says how many more there are', () => {
  const t = (key: string, p?: Record<string, string | number>) => `${key}${p ? JSON.stringify(p) : ''}`;
  const mail = composeMail(t, {
    site: 'Ville', baseUrl: 'https://ville.example', name: 'Alix', digest: false, day: '', more: 2, unsubscribeUrl: 'https://ville.example/unsubscribe/k/notifications',
    items: [{ id: 1, unread: true, created_at: '', sentence: 'Une phrase', detail: null, href: '/debate/5' }],
  });
  assert.match(mail.subject, /immediate\.subject\{"site":"Ville","count":3\}/);
  assert.match(mail.text, /^- Une phrase\n {2}https:\/\/ville\.example\/debate\/5$/m);
  assert.match(mail.text, /notifications\.mail\.more\{"count":2\}/);
  assert.match(mail.text, /^https:\/\/ville\.example\/unsubscribe\/k\/notifications$/m);
});
