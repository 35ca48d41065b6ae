// Moderation acting on the consultation's contributions (through their module's onStatusChange):
// hiding and restoring an opinion, an argument or a source moves the section's and the item's
// counters and the lists in the same write; pre-moderation, set on the step form by an
// administrator, keeps new ones pending, visible to their author only, until approved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { consultationCounts, makeConsultationStep, makeModeratedStep, statusOf } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const itemId = (location: unknown) => Number(/items\/(\d+)/.exec(String(location))?.[1]);
const anchorId = (location: unknown, name: string) => Number(new RegExp(`#${name}-(\\d+)$`).exec(String(location))?.[1]);

test('consultation: hiding and restoring an opinion, an argument and a source keeps every counter right', async () => {
  const c = makeConsultationStep(t.db);
  const { client: author } = await loginAs(t);
  const posted = await author.post(`/consultation/${c.stepId}/sections/${c.sectionId}/contributions`, { type_id: String(c.typeId), title: 'Des bancs partout', body: 'Un texte **à masquer**.' });
  assert.equal(posted.statusCode, 303);
  const id = itemId(posted.headers.location);
  const { client: other } = await loginAs(t);
  const arg = anchorId((await other.post(`/consultation/${c.stepId}/items/${id}/arguments`, { side: 'for', body: 'Oui, pour les anciens.' })).headers.location, 'argument');
  const src = anchorId((await other.post(`/consultation/${c.stepId}/items/${id}/sources`, { title: 'Étude', url: 'https://example.org/etude', category: 'study' })).headers.location, 'source');
  assert.deepEqual(consultationCounts(t.db, c, id), { section: 1, listed: 1, itemArgumentsFor: 1, itemSources: 1, step: 3 });
  const { client: mod } = await loginAs(t, 'moderator');

  assert.equal((await mod.post(`/moderation/items/${arg}/hide`, { hide_motive: 'Hors sujet' })).statusCode, 303);
  assert.equal((await mod.post(`/moderation/items/${src}/trash`, { trash_motive: '' })).statusCode, 303);
  assert.deepEqual(consultationCounts(t.db, c, id), { section: 1, listed: 1, itemArgumentsFor: 0, itemSources: 0, step: 1 });
  const page = await t.client().get(`/consultation/${c.stepId}/items/${id}`);
  assert.doesNotMatch(page.body, /pour les anciens/);
  assert.doesNotMatch(page.body, /example\.org\/etude/);

  assert.equal((await mod.post(`/moderation/items/${id}/hide`, { hide_motive: 'Propos déplacés' })).statusCode, 303);
  assert.deepEqual(consultationCounts(t.db, c, id), { section: 0, listed: 0, itemArgumentsFor: 0, itemSources: 0, step: 0 });
  const visitor = t.client();
  const section = await visitor.get(`/consultation/${c.stepId}/sections/${c.sectionId}`);
  assert.doesNotMatch(section.body, /Des bancs partout/);
  const hidden = await visitor.get(`/consultation/${c.stepId}/items/${id}`);
  assert.equal(hidden.statusCode, 200);
  assert.match(hidden.body, /Masqué par la modération\..*Motif : Propos déplacés/s);
  assert.doesNotMatch(hidden.body, /Des bancs partout|à masquer/);
  const own = await author.get(`/consultation/${c.stepId}/items/${id}`);
  assert.match(own.body, /<strong>à masquer<\/strong>/);
  assert.match(own.body, /Motif : Propos déplacés/);

  for (const x of [id, arg, src]) assert.equal((await mod.post(`/moderation/items/${x}/restore`, {})).statusCode, 303, String(x));
  assert.deepEqual(consultationCounts(t.db, c, id), { section: 1, listed: 1, itemArgumentsFor: 1, itemSources: 1, step: 3 });
  const back = await visitor.get(`/consultation/${c.stepId}/items/${id}`);
  assert.match(back.body, /pour les anciens/);
  assert.match(back.body, /Des bancs partout/);
});

test('a report link beside each contribution for logged-in people, not for visitors nor on one’s own', async () => {
  const c = makeConsultationStep(t.db);
  const { client: author } = await loginAs(t);
  const id = itemId((await author.post(`/consultation/${c.stepId}/sections/${c.sectionId}/contributions`, { type_id: String(c.typeId), title: 'Un avis', body: 'Le texte.' })).headers.location);
  const { client: other } = await loginAs(t);
  assert.match((await other.get(`/consultation/${c.stepId}/items/${id}`)).body, new RegExp(`href="/moderation/report/${id}"`));
  assert.doesNotMatch((await author.get(`/consultation/${c.stepId}/items/${id}`)).body, new RegExp(`href="/moderation/report/${id}"`));
  assert.doesNotMatch((await t.client().get(`/consultation/${c.stepId}/items/${id}`)).body, /\/moderation\/report\//);
  const d = makeModeratedStep(t.db);
  const { client: arguer } = await loginAs(t);
  const posted = await arguer.post(`/debate/${d.stepId}/arguments`, { side: 'for', body: 'Des arbres !' });
  const arg = anchorId(posted.headers.location, 'argument');
  assert.match((await other.get(`/debate/${d.stepId}`)).body, new RegExp(`href="/moderation/report/${arg}"`));
  assert.match((await other.get(`/debate/${d.stepId}/arguments/${arg}`)).body, new RegExp(`href="/moderation/report/${arg}"`));
  assert.doesNotMatch((await t.client().get(`/debate/${d.stepId}`)).body, /\/moderation\/report\//);
});

test('pre-moderation is set on the step form; a consultation opinion then waits for approval, uncounted, seen by its author only', async () => {
  const c = makeConsultationStep(t.db);
  const { client: admin } = await loginAs(t, 'admin');
  const form = await admin.get(`/admin/projects/${c.projectId}/steps/${c.stepId}/edit`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="premoderation"/);
  assert.doesNotMatch(form.body, /name="premoderation" value="1"[^>]*checked/);
  const step = t.db.sqlite.prepare('select title, body_md from steps where id = ?').get(c.stepId) as { title: string; body_md: string };
  const saved = await admin.post(`/admin/projects/${c.projectId}/steps/${c.stepId}`, { title: step.title, body_md: step.body_md, premoderation: '1' });
  assert.equal(saved.statusCode, 303);
  assert.equal((t.db.sqlite.prepare('select premoderation as p from steps where id = ?').get(c.stepId) as { p: number }).p, 1);
  assert.match((await admin.get(`/admin/projects/${c.projectId}/steps/${c.stepId}/edit`)).body, /name="premoderation" value="1"[^>]*checked/);

  const { client: author } = await loginAs(t);
  const posted = await author.post(`/consultation/${c.stepId}/sections/${c.sectionId}/contributions`, { type_id: String(c.typeId), title: 'Avis en attente', body: 'À valider.' });
  assert.equal(posted.statusCode, 303);
  const id = itemId(posted.headers.location);
  assert.equal(statusOf(t.db, id).status, 'pending');
  const own = await author.get(posted.headers.location!);
  assert.match(own.body, /elle sera publiée dès qu’un modérateur l’aura validée/);
  assert.match(own.body, /En attente de validation/);
  assert.match(own.body, /À valider\./);
  assert.equal((await t.client().get(`/consultation/${c.stepId}/items/${id}`)).statusCode, 404);
  assert.deepEqual(consultationCounts(t.db, c, id), { section: 0, listed: 0, itemArgumentsFor: 0, itemSources: 0, step: 0 });
  const { client: mod } = await loginAs(t, 'moderator');
  assert.match((await mod.get('/moderation?tab=pending')).body, new RegExp(`id="queue-${id}"`));
  assert.equal((await mod.post(`/moderation/items/${id}/approve`, {})).statusCode, 303);
  assert.deepEqual(consultationCounts(t.db, c, id), { section: 1, listed: 1, itemArgumentsFor: 0, itemSources: 0, step: 1 });
  assert.match((await t.client().get(`/consultation/${c.stepId}/sections/${c.sectionId}`)).body, /Avis en attente/);
  // An argument on it waits too: its author reads it marked so, nobody else does.
  const { client: arguer } = await loginAs(t);
  const arg = anchorId((await arguer.post(`/consultation/${c.stepId}/items/${id}/arguments`, { side: 'for', body: 'Argument retenu.' })).headers.location, 'argument');
  assert.equal(statusOf(t.db, arg).status, 'pending');
  const mine = await arguer.get(`/consultation/${c.stepId}/items/${id}`);
  assert.match(mine.body, new RegExp(`id="argument-${arg}"`));
  assert.match(mine.body, /En attente de validation : pour l’instant/);
  assert.doesNotMatch((await t.client().get(`/consultation/${c.stepId}/items/${id}`)).body, /Argument retenu/);
  assert.equal(consultationCounts(t.db, c, id).itemArgumentsFor, 0);
  assert.equal((await mod.post(`/moderation/items/${arg}/approve`, {})).statusCode, 303);
  assert.equal(consultationCounts(t.db, c, id).itemArgumentsFor, 1);
  assert.match((await t.client().get(`/consultation/${c.stepId}/items/${id}`)).body, /Argument retenu/);
  // Turned off again by the same form (an unticked box).
  assert.equal((await admin.post(`/admin/projects/${c.projectId}/steps/${c.stepId}`, { title: step.title, body_md: step.body_md })).statusCode, 303);
  assert.equal((t.db.sqlite.prepare('select premoderation as p from steps where id = ?').get(c.stepId) as { p: number }).p, 0);
});
