// First-run setup: the link, the form, one administrator only, nothing written on bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { setupLinkIfNeeded } from '../../platform/setup-link.ts';
import { addUser, addUserWithPassword } from '../../../test/helpers/factories.ts';
import { getSite } from '../../platform/site.ts';
import { csrfToken } from '../../platform/csrf.ts';

const good = { site_name: 'Ville de Rezé', email: 'Maire@Reze.example', display_name: 'Service démocratie', password: 'une phrase de passe solide' };

function pathOf(link: string | null): string {
  assert.ok(link, 'a setup link');
  return new URL(link).pathname + new URL(link).search;
}

async function withApp(fn: (t: TestApp) => Promise<void>) {
  const t = await makeApp();
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

const count = async (t: TestApp, table: 'users' | 'sessions') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
/** An anonymous visitor's CSRF token, for posting after a page that has no form (an error page). */
function anonymousCsrf(c: ReturnType<TestApp['client']>): void {
  c.csrf = csrfToken(c.cookies.get('csrf') ?? '', null);
}
const tokenFrom = (path: string) => decodeURIComponent(new URLSearchParams(path.split('?')[1]).get('token') ?? '');

test('the first run creates the administrator, names the instance and logs the administrator in', () =>
  withApp(async (t) => {
    const path = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    assert.match(path, /^\/setup\?token=/);
    const c = t.client();
    const form = await c.get(path);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Installer Palabre<\/h1>/);
    const res = await c.post('/setup', { ...good, token: tokenFrom(path) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    const admin = await t.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    assert.equal(admin.email, 'maire@reze.example');
    assert.equal(admin.role, 'admin');
    assert.ok(admin.email_confirmed_at);
    assert.notEqual(admin.password_hash, good.password);
    const site = getSite(t.db);
    assert.equal(site.name, 'Ville de Rezé');
    assert.ok(site.setup_done_at);
    const token = await t.db.selectFrom('one_time_tokens').selectAll().where('purpose', '=', 'setup').executeTakeFirstOrThrow();
    assert.ok(token.used_at);
    assert.ok(c.cookies.get('session'), 'a session cookie');
    const home = await c.get('/');
    anonymousCsrf(c);
    assert.match(home.body, /Ville de Rezé/);
    assert.match(home.body, /href="\/admin"/, 'the administrator is logged in');
    assert.equal(setupLinkIfNeeded(t.db, t.config.baseUrl), null, 'no link once setup is done');
  }));

test('a used setup link is refused and writes nothing', () =>
  withApp(async (t) => {
    const path = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    const c = t.client();
    await c.get(path);
    assert.equal((await c.post('/setup', { ...good, token: tokenFrom(path) })).statusCode, 303);
    const other = t.client();
    const page = await other.get(path);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /installation est déjà terminée/);
    await other.get('/');
    anonymousCsrf(other);
    const res = await other.post('/setup', { ...good, email: 'intrus@example.org', token: tokenFrom(path) });
    assert.equal(res.statusCode, 400);
    assert.equal(await count(t, 'users'), 1);
  }));

test('setup is refused when an administrator already exists, even with a valid token', () =>
  withApp(async (t) => {
    // A token issued before `palabre admin create` made an administrator.
    const path = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    await addUserWithPassword(t.db, 'admin', { email: 'admin@example.org', name: 'Admin', password: 'mot de passe de test' });
    assert.equal(setupLinkIfNeeded(t.db, t.config.baseUrl), null);
    const c = t.client();
    const page = await c.get(path);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /déjà terminée/);
    await c.get('/');
    anonymousCsrf(c);
    const res = await c.post('/setup', { ...good, token: tokenFrom(path) });
    assert.equal(res.statusCode, 400);
    assert.equal(await count(t, 'users'), 1);
    assert.equal(getSite(t.db).name, 'Palabre');
    assert.equal(getSite(t.db).setup_done_at, null);
  }));

test('a wrong or missing setup token is a 404 with a clear message', () =>
  withApp(async (t) => {
    setupLinkIfNeeded(t.db, t.config.baseUrl);
    const c = t.client();
    for (const url of ['/setup', '/setup?token=abc.def', '/setup?token=nonsense']) {
      const res = await c.get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /lien d’installation n’est pas valide/);
    }
    await c.get('/');
    anonymousCsrf(c);
    assert.equal((await c.post('/setup', { ...good, token: 'abc.def' })).statusCode, 404);
    assert.equal(await count(t, 'users'), 0);
  }));

test('a new setup link replaces the previous unused one', () =>
  withApp(async (t) => {
    const first = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    const second = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    const c = t.client();
    assert.equal((await c.get(first)).statusCode, 404);
    assert.equal((await c.get(second)).statusCode, 200);
  }));

test('bad input re-renders the form with 422 and the errors, and writes nothing', () =>
  withApp(async (t) => {
    const path = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    const token = tokenFrom(path);
    const c = t.client();
    await c.get(path);
    const cases: [Record<string, string>, RegExp][] = [
      [{ site_name: '' }, /Ce champ est obligatoire/],
      [{ site_name: 'x'.repeat(101) }, /ne doit pas dépasser 100 caractères/],
      [{ email: 'pas-une-adresse' }, /adresse e-mail n&#39;est pas valide|adresse e-mail n'est pas valide/],
      [{ display_name: '' }, /Ce champ est obligatoire/],
      [{ password: 'court' }, /au moins 8 caractères/],
      [{ password: 'password123' }, /trop courant/],
    ];
    for (const [change, message] of cases) {
      const res = await c.post('/setup', { ...good, ...change, token });
      assert.equal(res.statusCode, 422, JSON.stringify(change));
      assert.match(res.body, message);
      assert.match(res.body, /aria-invalid="true"/);
      assert.doesNotMatch(res.body, new RegExp(good.password), 'the password is never echoed');
    }
    const res = await c.post('/setup', { ...good, site_name: '', token });
    assert.match(res.body, /value="maire@reze.example"/, 'the values sent are kept');
    assert.equal(await count(t, 'users'), 0);
    assert.equal(getSite(t.db).setup_done_at, null);
    assert.equal(getSite(t.db).name, 'Palabre');
    const row = await t.db.selectFrom('one_time_tokens').select('used_at').executeTakeFirstOrThrow();
    assert.equal(row.used_at, null);
  }));

test('an email already used by an account is refused with 422 and nothing written', () =>
  withApp(async (t) => {
    addUser(t.db, 'citizen', { email: 'maire@reze.example', name: 'Habitant', confirmed: false });
    const path = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    const c = t.client();
    await c.get(path);
    const res = await c.post('/setup', { ...good, token: tokenFrom(path) });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Un compte utilise déjà cette adresse/);
    assert.equal(await count(t, 'users'), 1);
    assert.equal(getSite(t.db).setup_done_at, null);
  }));

test('a setup post without the CSRF token is refused with 403 and writes nothing', () =>
  withApp(async (t) => {
    const path = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    const c = t.client();
    await c.get(path);
    assert.equal((await c.post('/setup', { ...good, token: tokenFrom(path), _csrf: '' })).statusCode, 403);
    assert.equal((await c.post('/setup', { ...good, token: tokenFrom(path), _csrf: 'x'.repeat(43) })).statusCode, 403);
    assert.equal(await count(t, 'users'), 0);
    assert.equal(getSite(t.db).setup_done_at, null);
  }));

test('ticking the demo box runs the modules’ seeds and still logs the administrator in', () =>
  withApp(async (t) => {
    const path = pathOf(setupLinkIfNeeded(t.db, t.config.baseUrl));
    const c = t.client();
    await c.get(path);
    const res = await c.post('/setup', { ...good, demo: '1', token: tokenFrom(path) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    assert.equal(c.cookies.get('flash'), 'setup.flash.done_with_demo');
    assert.equal(await count(t, 'sessions'), 1);
  }));
