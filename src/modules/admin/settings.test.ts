// The instance's identity: validation of each field, the colour's contrast, the theme stylesheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp, type Client } from '../../../test/helpers/app.ts';
import { getSite } from '../../platform/site.ts';
import { loginAs } from '../../../test/helpers/factories.ts';
import { formatRatio, containsPattern } from './rules.ts';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await makeApp();
  admin = (await loginAs(t, 'admin')).client;
});
after(() => t.close());

const good = { name: 'Ville de Rezé', primary_color: '#7a1f3d', intro_md: 'Bienvenue **à tous**.', contact_email: 'Democratie@Reze.example' };

test('an administrator saves the settings and the site shows them at once', async () => {
  const before = getSite(t.db).updated_at;
  await new Promise((r) => setTimeout(r, 5));
  const res = await admin.submit('/admin/settings', good);
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/admin/settings');
  const site = getSite(t.db);
  assert.equal(site.name, 'Ville de Rezé');
  assert.equal(site.primary_color, '#7a1f3d');
  assert.equal(site.contact_email, 'democratie@reze.example');
  assert.ok(site.updated_at > before, 'updated_at moves');
  const page = await admin.get('/admin/settings');
  assert.match(page.body, /Les réglages de la plateforme ont été enregistrés/);
  assert.match(page.body, /value="#7a1f3d"/);
  const home = await t.client().get('/');
  assert.match(home.body, /Ville de Rezé/);
  assert.match(home.body, /<strong>à tous<\/strong>/);
  assert.match(home.body, /href="mailto:democratie@reze.example"/);
  assert.match(home.body, new RegExp(`/theme.css\\?v=${encodeURIComponent(site.updated_at).replace(/\./g, '\\.')}`));
});

test('the theme stylesheet carries the saved colour', async () => {
  await admin.submit('/admin/settings', { ...good, primary_color: '#1A5C2E' });
  const css = await t.client().get(`/theme.css?v=${encodeURIComponent(getSite(t.db).updated_at)}`);
  assert.equal(css.statusCode, 200);
  assert.match(css.body, /--primary:#1a5c2e;/);
});

test('the contact address may be left empty', async () => {
  const res = await admin.submit('/admin/settings', { ...good, contact_email: '' });
  assert.equal(res.statusCode, 303);
  assert.equal(getSite(t.db).contact_email, null);
});

const invalid: [string, Record<string, string>, RegExp][] = [
  ['an empty name', { name: '' }, /Ce champ est obligatoire/],
  ['a name of 101 characters', { name: 'x'.repeat(101) }, /ne doit pas dépasser 100 caractères/],
  ['a colour that is not #rrggbb', { primary_color: 'red' }, /La couleur doit être au format #rrggbb/],
  ['a colour of three digits', { primary_color: '#abc' }, /La couleur doit être au format #rrggbb/],
  ['a yellow too light for white text', { primary_color: '#ffff00' }, /contraste 1,0:1 avec le texte blanc ; il faut au moins 4,5:1/],
  ['a mid grey just under 4.5:1', { primary_color: '#777777' }, /contraste 4,4:1 avec le texte blanc/],
  ['a welcome text over 20,000 characters', { intro_md: 'a'.repeat(20001) }, /ne doit pas dépasser 20[\s\u202f ]?000 caractères/],
  ['an invalid contact address', { contact_email: 'mairie@' }, /adresse e-mail n.*est pas valide/],
];
for (const [what, change, message] of invalid) {
  test(`settings with ${what} are refused with 422, a clear message, and nothing saved`, async () => {
    const before = getSite(t.db);
    const res = await admin.submit('/admin/settings', { ...good, ...change });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, message);
    assert.match(res.body, /id="error-summary"/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.deepEqual(getSite(t.db), before);
  });
}

test('the contrast message is in English for an English reader', async () => {
  await admin.get('/lang/en');
  const res = await admin.submit('/admin/settings', { ...good, primary_color: '#ffff00' });
  await admin.get('/lang/fr');
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /contrast 1\.0:1 with white text; at least 4\.5:1 is needed/);
});

test('a ratio just under the threshold is never rounded up to it', () => {
  assert.equal(formatRatio(4.47, 'fr'), '4,4');
  assert.equal(formatRatio(2.1, 'fr'), '2,1');
  assert.equal(formatRatio(21, 'en'), '21.0');
});

test('search patterns take % _ and \\ literally', () => {
  assert.equal(containsPattern('50%_a\\b'), '%50\\%\\_a\\\\b%');
});
