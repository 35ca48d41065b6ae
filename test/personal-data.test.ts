// Personal data across the whole app: every table that references a person is declared by the
// platform or by the module whose prefix it bears; the export holds everything a person gave;
// erasure leaves nothing that identifies them or ties their contributions together in public.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from './helpers/app.ts';
import { write } from '../src/db/write.ts';
import { modules } from '../src/modules/index.ts';
import { declaredTables, platformPersonalData } from '../src/platform/personal-data.ts';
import { issueToken } from '../src/platform/tokens.ts';
import { addToGroup, addUser, loginAs } from './helpers/factories.ts';
import { makeConsultation, addItem } from '../src/modules/consultation/test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const tables = () => (t.db.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as { name: string }[]).map((r) => r.name);
const referencesUsers = (table: string) => (t.db.sqlite.prepare(`pragma foreign_key_list(${table})`).all() as { table: string }[]).some((fk) => fk.table === 'users');

test('every table that references a person is declared, by the platform or by the module it belongs to', () => {
  const declared = declaredTables(modules);
  const missing = tables().filter((name) => referencesUsers(name) && !declared.includes(name));
  assert.deepEqual(missing, [], 'tables referencing users that no personalData declares');
  assert.equal(new Set(declared).size, declared.length, 'no table declared twice');
  for (const m of modules) {
    for (const table of m.personalData?.tables ?? []) assert.ok(table.startsWith(`${m.slug}_`), `${m.slug} declares ${table}, which is not its own`);
  }
  const slugs = modules.map((m) => `${m.slug}_`);
  for (const table of platformPersonalData.tables) assert.ok(!slugs.some((s) => table.startsWith(s)), `the platform declares a module's table: ${table}`);
  for (const table of declared) assert.ok(tables().includes(table), `declared table ${table} exists`);
});

/** A person who did one of everything, through the real routes where there is one. */
async function busyPerson() {
  const c = makeConsultation(t.db);
  const district = write(t.db, (tx) => tx.run(t.db.insertInto('districts').values({ name: `Quartier ${Date.now()}`, geojson: null })).lastInsertRowid);
  t.db.sqlite.prepare("update steps set require_checkbox_label = 'J’accepte la charte' where id = ?").run(c.stepId);
  const { client, userId } = await loginAs(t, 'citizen', { name: 'Alix Busy' });
  t.db.sqlite.prepare('update users set postal_code = ?, district_id = ? where id = ?').run('44400', district, userId);
  addToGroup(t.db, `Groupe ${Date.now()}`, [userId]);
  const email = (t.db.sqlite.prepare('select email from users where id = ?').get(userId) as { email: string }).email;
  write(t.db, (tx) => {
    issueToken(t.db, tx, 'reset_password', userId);
    t.app.mailer.enqueue(tx, { to: email, subject: 'Bienvenue', text: 'Bonjour' });
  });
  assert.equal((await client.post(`/steps/${c.stepId}/requirements`, { accept: '1' })).statusCode, 303);

  const base = `/consultation/${c.stepId}`;
  const post = async (url: string, form: Record<string, string>) => assert.equal((await client.post(url, form)).statusCode, 303, url);
  const someone = addUser(t.db);
  const other = addItem(t.db, c, c.childSectionId, someone, { title: 'Une idée d’un voisin' });
  const argumentByOther = t.db.sqlite.prepare("insert into contributions (step_id, author_id, parent_id, kind, title, body_md, created_at) values (?, ?, ?, 'argument', null, 'Un argument du voisin', ?)").run(c.stepId, someone, other, new Date().toISOString()).lastInsertRowid;
  t.db.sqlite.prepare("insert into consultation_arguments (contribution_id, item_id, side) values (?, ?, 'for')").run(argumentByOther, other);
  await post(`${base}/sections/${c.childSectionId}/contributions`, { type_id: String(c.typeId), title: 'Mon avis', body: 'Un texte.' });
  await post(`${base}/sections/${c.childSectionId}/amendments`, { proposed_text: 'Un autre texte.', title: 'Mon amendement', body: 'Parce que.' });
  await post(`${base}/sections/${c.childSectionId}/vote`, { value: 'agree' });
  await post(`${base}/items/${other}/vote`, { value: 'disagree' });
  await post(`${base}/items/${other}/arguments`, { side: 'against', body: 'Mon argument contre.' });
  await post(`${base}/items/${other}/sources`, { title: 'Ma source', url: 'https://www.insee.fr/', category: 'study' });
  await post(`${base}/arguments/${argumentByOther}/useful`, { mark: '1' });
  return { c, client, userId, email, other };
}

test('the export holds everything the person gave, from the platform and from every module', async () => {
  const { client, email } = await busyPerson();
  const data = (await client.get('/account/export')).json();
  assert.equal(data.account.email, email);
  assert.equal(data.account.postal_code, '44400');
  assert.match(data.account.district, /^Quartier/);
  assert.equal(data.sessions.length, 1);
  assert.deepEqual(data.pending_links.map((l: { purpose: string }) => l.purpose), ['reset_password']);
  assert.ok(data.emails.some((m: { subject: string }) => m.subject === 'Bienvenue'));
  assert.deepEqual(data.contributions.map((c: { kind: string }) => c.kind).sort(), ['amendment', 'argument', 'opinion', 'source']);
  assert.equal(data.projects_taken_part_in.length, 1);
  assert.deepEqual(data.statements_accepted.map((s: { statement: string }) => s.statement), ['J’accepte la charte']);
  assert.equal(data.groups.length, 1);
  const consultation = data.consultation;
  assert.deepEqual(consultation.section_votes.map((v: { value: string }) => v.value), ['agree']);
  assert.deepEqual(consultation.item_votes.map((v: { value: string }) => v.value), ['disagree']);
  assert.equal(consultation.useful_marks.length, 1);
  assert.deepEqual(consultation.amendments.map((a: { proposed_text: string }) => a.proposed_text), ['Un autre texte.']);
  assert.deepEqual(consultation.arguments.map((a: { side: string }) => a.side), ['against']);
  assert.deepEqual(consultation.sources.map((s: { url: string }) => s.url), ['https://www.insee.fr/']);
  // Every module that declares personal data has its section.
  for (const m of modules) if (m.personalData) assert.ok(m.slug in data, m.slug);
  assert.doesNotMatch(JSON.stringify(data), /argon2|secret_hash|token=/);
});

test('after deletion nothing identifies the person, and nothing public ties their contributions together', async () => {
  const { c, client, userId, email, other } = await busyPerson();
  const page = await client.get('/account/delete');
  assert.equal(page.statusCode, 200);
  // The account has no password (made by the fixtures): give it one to confirm with.
  const { hashPassword } = await import('../src/platform/passwords.ts');
  t.db.sqlite.prepare('update users set password_hash = ? where id = ?').run(await hashPassword('une phrase de passe solide'), userId);
  assert.equal((await client.post('/account/delete', { current_password: 'une phrase de passe solide', confirm: '1' })).statusCode, 303);

  const row = t.db.sqlite.prepare('select email, display_name, postal_code, district_id, password_hash from users where id = ?').get(userId);
  assert.deepEqual(row, { email: null, display_name: null, postal_code: null, district_id: null, password_hash: null });
  const left = (sql: string, ...args: unknown[]) => (t.db.sqlite.prepare(`select count(*) as n from ${sql}`).get(...args) as { n: number }).n;
  assert.equal(left('user_group_members where user_id = ?', userId), 0);
  assert.equal(left('step_checkbox_acceptances where user_id = ?', userId), 0);
  assert.equal(left('sessions where user_id = ?', userId), 0);
  assert.equal(left('one_time_tokens where user_id = ?', userId), 0);
  assert.equal(left('mail_outbox where to_address = ?', email), 0);

  const visitor = t.client();
  assert.equal((await visitor.get(`/users/${userId}`)).statusCode, 404);
  const item = await visitor.get(`/consultation/${c.stepId}/items/${other}`);
  assert.equal(item.statusCode, 200);
  assert.match(item.body, /Mon argument contre/);
  assert.match(item.body, /Ma source/);
  assert.doesNotMatch(item.body, new RegExp(`/users/${userId}\\b`));
  assert.match(item.body, /participant supprimé/);
  const section = await visitor.get(`/consultation/${c.stepId}/sections/${c.childSectionId}`);
  assert.doesNotMatch(section.body, new RegExp(`/users/${userId}\\b`));
});
