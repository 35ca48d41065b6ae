// Points and outlines in GeoJSON (WGS 84, [longitude, latitude]): whether a point lies inside a
// district's outline (a Polygon or MultiPolygon, given bare, as a Feature or a FeatureCollection,
// as the districts admin accepts them). A small ray-casting test rather than a dependency: outlines
// are a few hundred points, and the rules (holes excluded, the boundary counts as inside) fit here.
export type Position = [number, number];
type Ring = Position[];
type Polygon = Ring[];

/** Two points closer than this (in degrees, about 1 mm) are the same: the boundary has a width. */
const EPSILON = 1e-8;

export function validLatitude(n: number): boolean {
  return Number.isFinite(n) && n >= -90 && n <= 90;
}
export function validLongitude(n: number): boolean {
  return Number.isFinite(n) && n >= -180 && n <= 180;
}

const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
const isRing = (r: unknown): r is Ring => Array.isArray(r) && r.length >= 3 && r.every(isPosition);
const isPolygon = (p: unknown): p is Polygon => Array.isArray(p) && p.length >= 1 && p.every(isRing);

/** The polygons of an outline (an object or its JSON text); null when it holds none. */
export function outlinePolygons(outline: unknown): Polygon[] | null {
  let value = outline;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const polygons: Polygon[] = [];
  const collect = (g: unknown): void => {
    if (!g || typeof g !== 'object') return;
    const o = g as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown; geometries?: unknown };
    if (o.type === 'Polygon' && isPolygon(o.coordinates)) polygons.push(o.coordinates);
    else if (o.type === 'MultiPolygon' && Array.isArray(o.coordinates)) {
      for (const p of o.coordinates) if (isPolygon(p)) polygons.push(p);
    } else if (o.type === 'Feature') collect(o.geometry);
    else if (o.type === 'FeatureCollection' && Array.isArray(o.features)) o.features.forEach(collect);
    else if (o.type === 'GeometryCollection' && Array.isArray(o.geometries)) o.geometries.forEach(collect);
  };
  collect(value);
  return polygons.length ? polygons : null;
}

/** Whether p lies on the segment a–b (within EPSILON). */
function onSegment(p: Position, a: Position, b: Position): boolean {
  const cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (Math.abs(cross) > EPSILON * Math.max(length, 1)) return false;
  return p[0] >= Math.min(a[0], b[0]) - EPSILON && p[0] <= Math.max(a[0], b[0]) + EPSILON && p[1] >= Math.min(a[1], b[1]) - EPSILON && p[1] <= Math.max(a[1], b[1]) + EPSILON;
}

const edges = function* (ring: Ring): Generator<[Position, Position]> {
  // GeoJSON closes rings by repeating the first point; an unclosed ring is closed here.
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) yield [ring[j]!, ring[i]!];
};

/** Even-odd rule: a horizontal ray from p crosses the ring's edges an odd number of times. */
function insideRing(p: Position, ring: Ring): boolean {
  let inside = false;
  for (const [a, b] of edges(ring)) {
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

const onRing = (p: Position, ring: Ring) => [...edges(ring)].some(([a, b]) => onSegment(p, a, b));

/**
 * Inside one of the polygons: within its outer ring and outside its holes. A point on any
 * boundary (outer ring or hole) counts as inside: an address on the street that separates two
 * districts belongs to both, and a citizen is not refused for a millimetre.
 */
export function pointInPolygons(p: Position, polygons: readonly Polygon[]): boolean {
  return polygons.some(([outer, ...holes]) => {
    if (!outer) return false;
    if (onRing(p, outer) || holes.some((h) => onRing(p, h))) return true;
    return insideRing(p, outer) && !holes.some((h) => insideRing(p, h));
  });
}

/** Whether (lat, lng) lies inside the outline; null when the outline holds no polygon (nothing to check). */
export function pointInOutline(lat: number, lng: number, outline: unknown): boolean | null {
  const polygons = outlinePolygons(outline);
  return polygons ? pointInPolygons([lng, lat], polygons) : null;
}
