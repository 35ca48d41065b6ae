// Table-driven tests of the pure rules: slugs, local time ↔ UTC (with Paris DST days),
// GeoJSON checks, project state, step settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify, localToUtc, utcToLocal, geoJsonProblem, projectState, idList, SLUG } from './rules.ts';
import type { FormErrors } from '../../platform/forms.ts';

test('slugify makes lowercase dash-separated ascii slugs from French titles', () => {
  const cases: [string, string][] = [
    ['Charte de la participation citoyenne', 'charte-de-la-participation-citoyenne'],
    ['  Été 2026 : budget participatif ! ', 'ete-2026-budget-participatif'],
    ['Œuvre d’art — Place du Marché', 'oeuvre-d-art-place-du-marche'],
    ['!!!', ''],
  ];
  for (const [title, slug] of cases) {
    assert.equal(slugify(title), slug, title);
    if (slug) assert.match(slug, SLUG);
  }
  assert.ok(slugify('mot '.repeat(60)).length <= 80);
});

test('local date-times in Europe/Paris convert to UTC and back, including DST change days', () => {
  const tz = 'Europe/Paris';
  const cases: [string, string, string][] = [
    // local input, UTC stored, local shown again
    ['2026-01-15T09:30', '2026-01-15T08:30:00.000Z', '2026-01-15T09:30'], // winter, +1
    ['2026-07-14T22:00', '2026-07-14T20:00:00.000Z', '2026-07-14T22:00'], // summer, +2
    ['2026-03-29T01:30', '2026-03-29T00:30:00.000Z', '2026-03-29T01:30'], // spring-forward day, before
    ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z', '2026-03-29T03:30'], // skipped hour moves forward
    ['2026-03-29T10:00', '2026-03-29T08:00:00.000Z', '2026-03-29T10:00'], // spring-forward day, after
    ['2026-10-25T01:30', '2026-10-24T23:30:00.000Z', '2026-10-25T01:30'], // fall-back day, before
    ['2026-10-25T02:30', '2026-10-25T01:30:00.000Z', '2026-10-25T02:30'], // ambiguous: the later one
    ['2026-10-25T12:00', '2026-10-25T11:00:00.000Z', '2026-10-25T12:00'], // fall-back day, after
    ['2026-12-31T23:59', '2026-12-31T22:59:00.000Z', '2026-12-31T23:59'], // year boundary
  ];
  for (const [local, utc, back] of cases) {
    assert.equal(localToUtc(local, tz), utc, local);
    assert.equal(utcToLocal(utc, tz), back, utc);
  }
  assert.equal(localToUtc('2026-07-14T22:00', 'UTC'), '2026-07-14T22:00:00.000Z');
  assert.equal(localToUtc('2026-07-14T22:00', 'America/New_York'), '2026-07-15T02:00:00.000Z');
});

test('malformed local date-times are refused', () => {
  for (const bad of ['', '2026-02-31T10:00', '2026-13-01T10:00', '2026-01-01T24:00', '2026-01-01 10:00', 'demain', '2026-01-01T10:00Z']) {
    assert.equal(localToUtc(bad, 'Europe/Paris'), null, bad);
  }
  assert.equal(utcToLocal(null, 'Europe/Paris'), '');
  assert.equal(utcToLocal('nonsense', 'Europe/Paris'), '');
});

test('GeoJSON outlines must parse and be a polygon, a feature or a collection, under 200 KB', () => {
  const cases: [string, string | null][] = [
    ['{"type":"Polygon","coordinates":[[[2.3,48.8],[2.4,48.8],[2.4,48.9],[2.3,48.8]]]}', null],
    ['{"type":"MultiPolygon","coordinates":[]}', null],
    ['{"type":"Feature","geometry":null,"properties":{}}', null],
    ['{"type":"FeatureCollection","features":[]}', null],
    ['{"type":"Point","coordinates":[2.3,48.8]}', 'projects.districts.errors.geojson_type'],
    ['[1,2]', 'projects.districts.errors.geojson_type'],
    ['null', 'projects.districts.errors.geojson_type'],
    ['{"type":', 'projects.districts.errors.geojson_not_json'],
    [`{"type":"Polygon","coordinates":[],"pad":"${'x'.repeat(205 * 1024)}"}`, 'projects.districts.errors.geojson_too_big'],
  ];
  for (const [text, problem] of cases) assert.equal(geoJsonProblem(text), problem, text.slice(0, 40));
});

test('a project is open if any step is open, else upcoming if any is upcoming or none exist', () => {
  assert.equal(projectState([]), 'upcoming');
  assert.equal(projectState(['closed', 'open', 'upcoming']), 'open');
  assert.equal(projectState(['closed', 'upcoming']), 'upcoming');
  assert.equal(projectState(['closed', 'closed']), 'closed');
});

test('id lists from forms keep positive integers only, once each', () => {
  assert.deepEqual(idList({ a: ['1', '2', '2', 'x', '-3', '0'] }, 'a'), [1, 2]);
  assert.deepEqual(idList({ a: '5' }, 'a'), [5]);
  assert.deepEqual(idList({}, 'a'), []);
});
