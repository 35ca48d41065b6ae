// One-shot messages: their cookie is as protected as the session's (Secure over https).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp } from '../../test/helpers/app.ts';

test('the flash cookie is Secure when the instance is served over https, and not on plain http', async () => {
  for (const [base, secure] of [['https://participer.example.fr', true], ['http://192.168.1.20:3000', false]] as const) {
    const t = await makeApp({ env: { BASE_URL: base } });
    try {
      const c = t.client();
      await c.get('/register/sent');
      const res = await c.post('/confirm/resend', { email: 'personne@example.org' });
      assert.equal(res.statusCode, 303);
      const flash = [res.headers['set-cookie']].flat().find((h) => String(h).startsWith('flash='));
      assert.ok(flash, 'a flash cookie is set');
      assert.equal(/;\s*Secure/i.test(String(flash)), secure, `${base}: ${flash}`);
    } finally {
      await t.close();
    }
  }
});
