// A proposal's position: optional coordinates (both or neither, in range), kept and shown again
// for an edit; and the step's option that they lie inside the chosen district's outline, a 422
// with the district's name when they do not, nothing to check without an outline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { countRows, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { addDistrict, makeCollect } from './test-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

const text = { title: 'Un banc', summary: 'Un banc à l’ombre.', body: 'Près de l’arrêt de bus.', address: 'Place du marché', intent: 'submit' };
// Two neighbouring squares of one degree: the centre around (lng 2, lat 48), the north above it.
const square = (lng: number, lat: number) => JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[lng - 0.5, lat - 0.5], [lng + 0.5, lat - 0.5], [lng + 0.5, lat + 0.5], [lng - 0.5, lat + 0.5], [lng - 0.5, lat - 0.5]]] } });
let n = 0;
const outline = (id: number, geojson: string | null) => write(t.db, (tx) => tx.run(t.db.updateTable('districts').set({ geojson }).where('id', '=', id)));

test('coordinates are optional, both or neither, within range; kept and offered again for an edit', async () => {
  const c = makeCollect(t.db);
  const { client } = await loginAs(t);
  const url = `/collect/${c.stepId}/proposals`;
  const form = await client.get(`${url}/new`);
  assert.match(form.body, /<details class="collect-coordinates">/);
  for (const [lat, lng] of [['48.85', ''], ['91', '2.35'], ['48,85', 'est']] as [string, string][]) {
    const res = await client.post(url, { ...text, lat, lng });
    assert.equal(res.statusCode, 422, `${lat} ${lng}`);
    assert.match(res.body, /id="field-lat-error">Indiquez la latitude et la longitude en degrés décimaux/);
    assert.match(res.body, /<details class="collect-coordinates" open>/);
  }
  assert.equal(countRows(t, `collect_proposals where step_id = ${c.stepId}`), 0);
  const res = await client.post(url, { ...text, lat: '48,8566', lng: '2.3522' });
  assert.equal(res.statusCode, 303);
  const id = Number(/proposals\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  assert.deepEqual(t.db.sqlite.prepare('select lat, lng from collect_proposals where contribution_id = ?').get(id), { lat: 48.8566, lng: 2.3522 });
  const edit = await client.get(`${url}/${id}/edit`);
  assert.match(edit.body, /name="lat" type="text" inputmode="decimal" autocomplete="off" maxlength="20" value="48.8566"/);
  assert.equal((await client.post(`${url}/${id}/edit`, { ...text, lat: '', lng: '' })).statusCode, 303);
  assert.deepEqual(t.db.sqlite.prepare('select lat, lng from collect_proposals where contribution_id = ?').get(id), { lat: null, lng: null });
});

const cases: [string, boolean, string, string, number][] = [
  // name, option on, lat, lng, expected status
  ['a position inside the chosen district is accepted', true, '48.2', '2.1', 303],
  ['a position in the neighbouring district is refused', true, '49.2', '2.1', 422],
  ['a position on the border between the two is accepted', true, '48.5', '2.1', 303],
  ['with the option off, any position is accepted', false, '49.2', '2.1', 303],
  ['without coordinates there is nothing to check', true, '', '', 303],
];
for (const [name, on, lat, lng, status] of cases) {
  test(name, async () => {
    const c = makeCollect(t.db, { form: (f) => (f.insideDistrict = on) });
    const centre = addDistrict(t.db, c, `Centre ${++n}`);
    outline(centre, square(2, 48));
    outline(addDistrict(t.db, c, `Nord ${n}`), square(2, 49));
    const { client } = await loginAs(t);
    const res = await client.post(`/collect/${c.stepId}/proposals`, { ...text, district: String(centre), lat, lng });
    assert.equal(res.statusCode, status);
    if (status === 422) {
      assert.match(res.body, /Cette position est hors du quartier « Centre \d+ »/);
      assert.equal(countRows(t, `collect_proposals where step_id = ${c.stepId}`), 0);
    }
  });
}

test('a district without an outline leaves nothing to check; the refusal reads in English too', async () => {
  const c = makeCollect(t.db, { form: (f) => (f.insideDistrict = true) });
  const bare = addDistrict(t.db, c, 'Sans contour');
  const drawn = addDistrict(t.db, c, 'Centre-ville');
  outline(drawn, square(2, 48));
  const { client } = await loginAs(t);
  assert.equal((await client.post(`/collect/${c.stepId}/proposals`, { ...text, district: String(bare), lat: '10', lng: '10' })).statusCode, 303);
  await client.get('/lang/en');
  const res = await client.post(`/collect/${c.stepId}/proposals`, { ...text, district: String(drawn), lat: '10', lng: '10' });
  assert.equal(res.statusCode, 422);
  assert.match(res.body, /This position is outside the “Centre-ville” district/);
});
