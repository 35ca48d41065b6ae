// Address search through the server: off by default (404, no field in the form); on, it asks the
// configured service (a local HTTP server here: no test needs the network) for five addresses in
// the commune, and answers htmx with suggestions; only people who may submit a proposal may ask;
// a service that fails leaves a message, not an error page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { makeCollect } from './test-fixtures.ts';
import { readSuggestions } from './geocode.ts';

let off: TestApp;
let on: TestApp;
let limited: TestApp;
let service: http.Server;
const asked: URLSearchParams[] = [];
let failing = false;

before(async () => {
  service = http.createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    asked.push(params);
    if (failing) return void res.writeHead(503).end();
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', geometry: { type: 'Point', coordinates: [-1.6778, 48.1119] }, properties: { label: '12 Rue de la <Soif> 35000 Rennes', citycode: '35238' } },
          { type: 'Feature', geometry: { type: 'Point', coordinates: [2.35, 48.85] }, properties: { label: 'Ailleurs 75001 Paris', citycode: '75101' } },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/geocodage/search`;
  off = await makeApp();
  on = await makeApp({ env: { GEOCODER_URL: url, GEOCODER_CITYCODE: '35238' } });
  limited = await makeApp({ rateLimits: true, env: { GEOCODER_URL: url, GEOCODER_CITYCODE: '35238' } });
});
after(async () => {
  await off.close();
  await on.close();
  await limited.close();
  service.close();
});

test('address search is off by default: a 404, and the form offers no search field', async () => {
  const c = makeCollect(off.db);
  const { client } = await loginAs(off);
  assert.equal((await client.get(`/collect/${c.stepId}/geocode?q=rue de la soif`)).statusCode, 404);
  assert.doesNotMatch((await client.get(`/collect/${c.stepId}/proposals/new`)).body, /field-geocode/);
});

test('on, it asks the service for five addresses in the commune and answers htmx with suggestions that fill the form', async () => {
  const c = makeCollect(on.db);
  const { client } = await loginAs(on);
  assert.match((await client.get(`/collect/${c.stepId}/proposals/new`)).body, new RegExp(`id="field-geocode" name="q" type="search"[^>]*data-hx-get="/collect/${c.stepId}/geocode"`));
  const res = await on.app.inject({ url: `/collect/${c.stepId}/geocode?q=rue de la soif`, headers: { 'hx-request': 'true', cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  assert.equal(res.statusCode, 200);
  const params = asked.at(-1)!;
  assert.deepEqual([params.get('q'), params.get('limit'), params.get('citycode')], ['rue de la soif', '5', '35238']);
  assert.doesNotMatch(res.body, /<html/);
  assert.match(res.body, /<button type="button" class="secondary" data-geocode-pick data-address="12 Rue de la &lt;Soif&gt; 35000 Rennes" data-lat="48.1119" data-lng="-1.6778">/);
  assert.doesNotMatch(res.body, /Paris/, 'an address of another commune is left out');
  const page = await client.get(`/collect/${c.stepId}/geocode?q=rue de la soif`);
  assert.match(page.body, /<h1>Rechercher une adresse<\/h1>/);
  assert.match(page.body, /latitude 48.1119, longitude -1.6778/);
});

test('fewer than three characters ask nothing; a failing service leaves a message', async () => {
  const c = makeCollect(on.db);
  const { client } = await loginAs(on);
  const before = asked.length;
  assert.equal((await client.get(`/collect/${c.stepId}/geocode?q=ru`)).statusCode, 200);
  assert.equal(asked.length, before);
  failing = true;
  try {
    assert.match((await client.get(`/collect/${c.stepId}/geocode?q=rue de la soif`)).body, /La recherche d’adresse ne répond pas pour le moment/);
  } finally {
    failing = false;
  }
});

test('only people who may submit a proposal may search: not an anonymous visitor, not on a closed step', async () => {
  const c = makeCollect(on.db);
  const closed = makeCollect(on.db, { state: 'closed' });
  const before = asked.length;
  const anon = await anonymous(on);
  assert.ok([401, 403].includes((await anon.get(`/collect/${c.stepId}/geocode?q=rue de la soif`)).statusCode));
  const { client } = await loginAs(on);
  assert.equal((await client.get(`/collect/${closed.stepId}/geocode?q=rue de la soif`)).statusCode, 403);
  const noAddress = makeCollect(on.db, { form: (f) => (f.fields.address.mode = 'off') });
  assert.equal((await client.get(`/collect/${noAddress.stepId}/geocode?q=rue de la soif`)).statusCode, 404);
  assert.equal(asked.length, before, 'the service was never asked');
});

test('the service\'s answer is read defensively', () => {
  assert.deepEqual(readSuggestions(null, '35238'), []);
  assert.deepEqual(readSuggestions({ features: [{ properties: { label: 'Sans point' } }, { geometry: { coordinates: ['x', 1] }, properties: { label: 'Bad' } }] }, '35238'), []);
});

test('an account searches 120 times in ten minutes, then 429; another account still searches', async () => {
  const c = makeCollect(limited.db);
  const url = `/collect/${c.stepId}/geocode?q=ru`;
  const { client } = await loginAs(limited);
  for (let i = 0; i < 120; i++) assert.equal((await client.get(url)).statusCode, 200, `search ${i + 1}`);
  assert.equal((await client.get(url)).statusCode, 429);
  assert.equal((await (await loginAs(limited)).client.get(url)).statusCode, 200);
});
