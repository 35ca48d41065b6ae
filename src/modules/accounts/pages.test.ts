// Smoke test: every page of the module renders in French and in English, with one h1, and the
// catalogues have the same keys in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { fr } from './messages.fr.ts';
import { en } from './messages.en.ts';
import { addUserWithPassword, loginThroughForm } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the French and English catalogues have the same keys, all prefixed with the module slug', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  for (const key of Object.keys(fr)) assert.match(key, /^accounts\./);
});

test('every page renders in both languages with exactly one h1 and labelled inputs', async () => {
  const { email } = await addUserWithPassword(t.db, 'citizen', { confirmed: false });
  const anonymous = ['/register', '/register/sent', '/login', '/password/forgot', '/password/forgot/sent'];
  const personal = ['/account', '/account/profile', '/account/email', '/account/password', '/account/delete'];
  for (const lang of ['fr', 'en']) {
    const visitor = t.client();
    await visitor.get(`/lang/${lang}`);
    const member = t.client();
    await member.get(`/lang/${lang}`);
    await loginThroughForm(member, email);
    for (const [c, url] of [...anonymous.map((u) => [visitor, u] as const), ...personal.map((u) => [member, u] as const)]) {
      const res = await c.get(url);
      assert.equal(res.statusCode, 200, `${lang} ${url}`);
      assert.match(res.body, new RegExp(`<html lang="${lang}">`));
      assert.equal(res.body.match(/<h1[ >]/g)?.length, 1, `${lang} ${url}: one h1`);
      for (const [, id] of res.body.matchAll(/<input[^>]*\sid="([^"]+)"/g)) assert.match(res.body, new RegExp(`<label for="${id}"`), `${url}: label for ${id}`);
      assert.doesNotMatch(res.body, /style=|onclick=/, `${url}: no inline style or script`);
    }
  }
});
