// The site module's own routes: the language switch sets its cookie and goes back to a local
// page only, whatever it is given.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the language switch goes back to the page it was on', async () => {
  const res = await t.client().get(`/lang/en?next=${encodeURIComponent('/projects/charte?sort=newest')}`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/projects/charte?sort=newest');
  assert.match(String(res.headers['set-cookie']), /lang=en/);
});

test('the language switch never sends anyone to another site, nor fails on odd characters', async () => {
  for (const next of ['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '//evil.example', '/\\evil.example', 'https://evil.example']) {
    const res = await t.client().get(`/lang/fr?next=${encodeURIComponent(next)}`);
    assert.equal(res.statusCode, 303, next);
    assert.equal(res.headers.location, '/', next);
  }
  const res = await t.client().get(`/lang/fr?next=${encodeURIComponent('/projets/été😀')}`);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/projets/%C3%A9t%C3%A9%F0%9F%98%80');
});

test('the personal data page says how long the software keeps emails and logins, in both languages', async () => {
  const t2 = await makeApp({ env: { MAIL_RETENTION_DAYS: '45' } });
  try {
    const fr = await t2.client().get('/pages/donnees-personnelles');
    assert.match(fr.body, /Les e-mails envoyés \(adresse, nom, texte\) sont effacés 45 jours après leur envoi/);
    assert.match(fr.body, /après 30 jours, ou après 7 jours sans visite/);
    assert.match(fr.body, /href="\/account\/export"/);
    const c = t2.client();
    await c.get('/lang/en');
    assert.match((await c.get('/pages/donnees-personnelles')).body, /deleted 45 days after they were sent/);
    assert.doesNotMatch((await t2.client().get('/pages/mentions-legales')).body, /effacés 45 jours/);
  } finally {
    await t2.close();
  }
});
