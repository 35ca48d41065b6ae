// The officials' decisions on a contribution, as a module (collect, later) tells them through the
// platform: a status change and an official answer reach the contribution's author (following
// it or not) and its followers, never the official who decided nor the project's followers, and
// they show in the list and in the emails, in French and in English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { contributionStatusChanged, follow, officialAnswerPosted, unfollow, type DecidedContribution } from '../../platform/notifications.ts';
import { makePlace, type Place } from './test-fixtures.ts';
import { sendImmediate } from './emails.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const unread = (userId: number) => (t.db.sqlite.prepare('select unread_notifications as n from users where id = ?').get(userId) as { n: number }).n;
const toldAbout = (contributionId: number, kind: string) =>
  (t.db.sqlite.prepare('select user_id from notifications where contribution_id = ? and kind = ? order by user_id').all(contributionId, kind) as { user_id: number }[]).map((r) => r.user_id);
const decided = (place: Place, authorId: number): DecidedContribution => ({ id: place.contributionId, authorId, step: { id: place.stepId, project_id: place.projectId } });

/** An author with an opinion, a follower of it, a follower of the project only, and an administrator who follows it too. */
function scene(o: { followerLocale?: string } = {}) {
  const author = addUser(t.db, 'citizen', { name: 'Camille Autrice' });
  const place = makePlace(t.db, author);
  const follower = addUser(t.db, 'citizen', { locale: o.followerLocale });
  const projectFollower = addUser(t.db);
  const official = addUser(t.db, 'admin', { name: 'Élu Référent' });
  write(t.db, (tx) => {
    follow(t.db, tx, follower, { kind: 'contribution', id: place.contributionId });
    follow(t.db, tx, official, { kind: 'contribution', id: place.contributionId });
    follow(t.db, tx, projectFollower, { kind: 'project', id: place.projectId });
  });
  return { author, place, follower, projectFollower, official, contribution: decided(place, author) };
}

const KINDS = [
  { kind: 'status', tell: contributionStatusChanged, fr: /Le statut de « Un avis \d+ » a changé\./, en: /The status of “Un avis \d+” changed\./ },
  { kind: 'official_answer', tell: officialAnswerPosted, fr: /Une réponse officielle a été donnée à « Un avis \d+ »\./, en: /“Un avis \d+” received an official answer\./ },
] as const;

for (const k of KINDS) {
  test(`${k.kind}: the author and the contribution’s followers are told, once each, never the official who decided nor the project’s followers`, () => {
    const s = scene();
    const before = { author: unread(s.author), follower: unread(s.follower) };
    const told = write(t.db, (tx) => k.tell(t.db, tx, s.contribution, s.official));
    assert.equal(told, 2);
    assert.deepEqual(toldAbout(s.place.contributionId, k.kind), [s.author, s.follower].sort((a, b) => a - b));
    assert.equal(unread(s.author), before.author + 1);
    assert.equal(unread(s.follower), before.follower + 1);
    assert.equal(unread(s.official), 0);
    assert.equal(unread(s.projectFollower), 0);
  });

  test(`${k.kind}: an author who stopped following is still told, a deleted account is not, and the clock as actor tells everyone concerned`, () => {
    const s = scene();
    write(t.db, (tx) => unfollow(t.db, tx, s.author, { kind: 'contribution', id: s.place.contributionId }));
    t.db.sqlite.prepare('update users set deleted_at = ?, email = null, display_name = null where id = ?').run(new Date().toISOString(), s.follower);
    const told = write(t.db, (tx) => k.tell(t.db, tx, s.contribution, null));
    assert.equal(told, 2, 'the author and the official, who follows it and did not decide this time');
    assert.deepEqual(toldAbout(s.place.contributionId, k.kind), [s.author, s.official].sort((a, b) => a - b));
  });

  test(`${k.kind}: a written decision rolled back tells nobody`, () => {
    const s = scene();
    assert.throws(() =>
      write(t.db, (tx) => {
        k.tell(t.db, tx, s.contribution, s.official);
        throw new Error('the decision failed');
      }),
    );
    assert.deepEqual(toldAbout(s.place.contributionId, k.kind), []);
    assert.equal(unread(s.author), 0);
  });

  test(`${k.kind}: the list says it in French and in English, and links to the contribution`, async () => {
    const s = scene();
    write(t.db, (tx) => k.tell(t.db, tx, s.contribution, s.official));
    const author = await loginAs(t, s.author);
    const fr = (await author.client.get('/notifications')).body;
    assert.match(fr, k.fr);
    const opened = await author.client.get(`/notifications/${/id="notification-(\d+)"/.exec(fr)![1]}`);
    assert.equal(opened.statusCode, 303);
    assert.equal(opened.headers.location, `/consultation/${s.place.stepId}/items/${s.place.contributionId}`);
    await author.client.get('/lang/en');
    assert.match((await author.client.get('/notifications')).body, k.en);
  });

  test(`${k.kind}: the followers who chose emails right away get one, in their language, with the unsubscribe headers`, async () => {
    const s = scene({ followerLocale: 'en' });
    const email = (id: number) => (t.db.sqlite.prepare('select email from users where id = ?').get(id) as { email: string }).email;
    t.db.sqlite.prepare("update users set notify_email = 'immediate' where id in (?, ?)").run(s.author, s.follower);
    write(t.db, (tx) => k.tell(t.db, tx, s.contribution, s.official));
    assert.ok(sendImmediate(t.app) >= 2);
    await t.app.mailer.flush();
    const [fr] = await t.smtp.waitForCount(email(s.author), 1);
    assert.match(fr!.text, k.fr);
    assert.match(fr!.text, /Bonjour Camille Autrice,/);
    const [en] = await t.smtp.waitForCount(email(s.follower), 1);
    assert.match(en!.text, k.en);
    // Long header lines arrive folded: unfold them.
    assert.match((en!.headers['list-unsubscribe'] ?? '').replace(/\r\n\s+/g, ' '), /^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]+\/notifications>$/);
    assert.equal(t.smtp.messages.filter((m) => m.to.includes(email(s.official))).length, 0, 'never the official who decided');
  });
}
