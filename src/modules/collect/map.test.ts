// The list's map view and a proposal's map, as the server writes them: without JavaScript the
// map view is the list of the page's proposals with their addresses; the map gets its points,
// tiles and credit through data attributes; Leaflet and the enhancement are served from the
// installed packages with hashed addresses, only on pages with a map; the tiles' origin is the
// only other one images may come from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser } from '../../../test/helpers/factories.ts';
import { appRoot } from '../../platform/paths.ts';
import { addProposal, makeCollect } from './test-fixtures.ts';

let t: TestApp;
before(async () => {
  // The enhancement's bundle, as scripts/build.mjs makes it (the app hashes it when built).
  const out = path.join(appRoot, 'dist/static/collect-map.js');
  const result = await build({ entryPoints: [path.join(appRoot, 'static/js/collect-map.ts')], write: false, bundle: true, platform: 'browser', format: 'iife', target: ['es2020'], minify: true, logLevel: 'warning' });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(`${out}.${process.pid}.tmp`, result.outputFiles[0]!.contents);
  fs.renameSync(`${out}.${process.pid}.tmp`, out);
  t = await makeApp();
});
after(() => t.close());

const attr = (html: string, name: string) => /data-points="([^"]*)"/.exec(html) && new RegExp(`${name}="([^"]*)"`).exec(html)?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'");

test('without JavaScript the map view is the list of the page\'s proposals with their addresses; the map holds those with a position', async () => {
  const c = makeCollect(t.db);
  const author = addUser(t.db);
  const placed = addProposal(t.db, c, author, { title: 'Un banc <au> soleil', address: '2 place du Marché', lat: 48.11, lng: -1.68 });
  addProposal(t.db, c, author, { title: 'Une idée sans lieu', address: '' });
  const res = await t.client().get(`/collect/${c.stepId}?sort=newest&view=map`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<ol class="collect-places">/);
  assert.match(res.body, /Un banc &lt;au&gt; soleil<\/a> <span class="meta">\(2 place du Marché\)<\/span>/);
  assert.match(res.body, /Une idée sans lieu<\/a><\/li>/);
  assert.match(res.body, /<div class="collect-map" data-collect-map="list"[^>]* hidden><\/div>/);
  assert.deepEqual(JSON.parse(attr(res.body, 'data-points')!), [{ lat: 48.11, lng: -1.68, name: 'Proposition n° 1 — Un banc <au> soleil', href: `/collect/${c.stepId}/proposals/${placed}` }]);
  assert.equal(attr(res.body, 'data-attribution'), '© IGN – Géoplateforme');
  assert.match(attr(res.body, 'data-tiles')!, /^https:\/\/data\.geopf\.fr\/wmts\?.*LAYER=GEOGRAPHICALGRIDSYSTEMS\.PLANIGNV2.*TILEMATRIX=\{z\}&TILEROW=\{y\}&TILECOL=\{x\}$/);
  // Leaflet and the enhancement, hashed, from the installed package.
  const leaflet = /<script src="(\/assets\/[0-9a-f]{12}\/leaflet\.js)" defer>/.exec(res.body)?.[1];
  assert.ok(leaflet && /<link rel="stylesheet" href="\/assets\/[0-9a-f]{12}\/leaflet\.css">/.test(res.body) && /\/assets\/[0-9a-f]{12}\/collect-map\.js/.test(res.body));
  const js = await t.client().get(leaflet!);
  assert.equal(js.statusCode, 200);
  assert.match(js.headers['cache-control'] as string, /immutable/);
  assert.match(js.body, /Leaflet/);
  // The other views load no map.
  assert.doesNotMatch((await t.client().get(`/collect/${c.stepId}?sort=newest`)).body, /leaflet|data-collect-map/);
  assert.match((await t.client().get(`/collect/${c.stepId}?sort=newest`)).body, new RegExp(`href="/collect/${c.stepId}\\?sort=newest&amp;view=map">Sur une carte`));
});

test('a proposal with a position shows it on a small map; one without loads no map', async () => {
  const c = makeCollect(t.db);
  const author = addUser(t.db);
  const placed = addProposal(t.db, c, author, { address: 'Square des Lices', lat: 48.1135, lng: -1.6857 });
  const bare = addProposal(t.db, c, author, { address: 'Quelque part' });
  const page = await t.client().get(`/collect/${c.stepId}/proposals/${placed}`);
  assert.match(page.body, /data-collect-map="show"/);
  assert.deepEqual(JSON.parse(attr(page.body, 'data-points')!), [{ lat: 48.1135, lng: -1.6857, name: 'Square des Lices' }]);
  assert.doesNotMatch((await t.client().get(`/collect/${c.stepId}/proposals/${bare}`)).body, /leaflet|data-collect-map/);
});

test('images may come from the instance and the tiles\' origin only', async () => {
  const res = await t.client().get('/');
  assert.match(res.headers['content-security-policy'] as string, /img-src 'self' data: https:\/\/data\.geopf\.fr;/);
  assert.match(res.headers['content-security-policy'] as string, /script-src 'self';/);
});

test('the form\'s picker opens on the middle of the districts\' outlines, or on no centre without them', async () => {
  const { addDistrict } = await import('./test-fixtures.ts');
  const { loginAs } = await import('../../../test/helpers/factories.ts');
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  assert.match((await client.get(`/collect/${c.stepId}/proposals/new`)).body, /data-collect-map="picker" data-centre=""/);
  const d = addDistrict(t.db, c, `Centre ${c.stepId}`);
  t.db.sqlite.prepare('update districts set geojson = ? where id = ?').run(JSON.stringify({ type: 'Polygon', coordinates: [[[-1.7, 48.1], [-1.6, 48.1], [-1.6, 48.2], [-1.7, 48.2], [-1.7, 48.1]]] }), d);
  assert.match((await client.get(`/collect/${c.stepId}/proposals/new`)).body, /data-collect-map="picker" data-centre="48\.15000,-1\.65000"/);
});
