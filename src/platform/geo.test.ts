// The point-in-outline rule on districts' GeoJSON: inside, outside, in a hole, in either part of
// a MultiPolygon, on an edge or a corner (inside), and outlines given as a Feature or a
// FeatureCollection, as text or unreadable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { outlinePolygons, pointInOutline, validLatitude, validLongitude } from './geo.ts';

// A square of 2 × 2 degrees around (lng 2, lat 48), with a square hole of 0.5 in its middle.
const outer = [[1, 47], [3, 47], [3, 49], [1, 49], [1, 47]];
const hole = [[1.75, 47.75], [2.25, 47.75], [2.25, 48.25], [1.75, 48.25], [1.75, 47.75]];
const square = { type: 'Polygon', coordinates: [outer] };
const holed = { type: 'Polygon', coordinates: [outer, hole] };
const multi = { type: 'MultiPolygon', coordinates: [[outer], [[[10, 40], [11, 40], [11, 41], [10, 41], [10, 40]]]] };
const triangle = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [0, 4], [0, 0]]] };

const cases: [string, unknown, number, number, boolean | null][] = [
  // name, outline, lat, lng, expected
  ['a point well inside a polygon is inside', square, 48, 2.5, true],
  ['a point outside a polygon is outside', square, 50, 2, false],
  ['a point beside the polygon at the same latitude is outside', square, 48, 3.5, false],
  ['a point in a hole is outside', holed, 48, 2, false],
  ['a point between the hole and the outer ring is inside', holed, 47.5, 2, true],
  ['a point on the hole\'s edge counts as inside', holed, 48, 1.75, true],
  ['a point on an outer edge counts as inside', square, 47, 2, true],
  ['a corner counts as inside', square, 49, 3, true],
  ['a point on a slanted edge counts as inside', triangle, 2, 2, true],
  ['a point just past a slanted edge is outside', triangle, 2.001, 2.001, false],
  ['a point in the first part of a MultiPolygon is inside', multi, 48, 2, true],
  ['a point in the second part of a MultiPolygon is inside', multi, 40.5, 10.5, true],
  ['a point between the parts of a MultiPolygon is outside', multi, 45, 6, false],
  ['a Feature is read through its geometry', { type: 'Feature', properties: {}, geometry: square }, 48, 2, true],
  ['a FeatureCollection is read through its features', { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: multi }] }, 40.5, 10.5, true],
  ['an outline given as JSON text is read', JSON.stringify(holed), 48, 2, false],
  ['an outline that is not JSON gives nothing to check', '{not json', 48, 2, null],
  ['a Point is not an outline', { type: 'Point', coordinates: [2, 48] }, 48, 2, null],
  ['a ring of two points is not an outline', { type: 'Polygon', coordinates: [[[1, 1], [2, 2]]] }, 1, 1, null],
  ['no outline gives nothing to check', null, 48, 2, null],
];

for (const [name, outline, lat, lng, expected] of cases) {
  test(name, () => assert.equal(pointInOutline(lat, lng, outline), expected));
}

test('an unclosed ring is closed by the rule', () => {
  assert.equal(pointInOutline(48, 2, { type: 'Polygon', coordinates: [[[1, 47], [3, 47], [3, 49], [1, 49]]] }), true);
});

test('any point strictly inside a rectangle is inside it, any point past its bounds is outside', () => {
  const coordinate = fc.double({ min: -170, max: 170, noNaN: true });
  fc.assert(
    fc.property(coordinate, coordinate, fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (x, y, size, u, v) => {
      const rect = { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
      assert.equal(pointInOutline(y + v * size, x + u * size, rect), true);
      assert.equal(pointInOutline(y + size * (1 + v), x + u * size, rect), false);
      assert.equal(pointInOutline(y + v * size, x - size * u, rect), false);
    }),
  );
});

test('latitudes and longitudes are checked against their ranges', () => {
  assert.deepEqual([validLatitude(48.85), validLatitude(-90), validLatitude(90.1), validLatitude(Number.NaN)], [true, true, false, false]);
  assert.deepEqual([validLongitude(2.35), validLongitude(180), validLongitude(-180.5), validLongitude(Infinity)], [true, true, false, false]);
  assert.equal(outlinePolygons({ type: 'Polygon', coordinates: [outer, hole] })?.[0]?.length, 2);
});
