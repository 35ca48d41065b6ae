// What a page with a map gives its template: the tiles and their credit from the configuration,
// the zoom buttons' names in the reader's language, and the points as JSON for a data attribute
// (escaped as any attribute: no script is written into the page).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';
import { outlinePolygons } from '../../platform/geo.ts';

export interface MapPoint {
  lat: number;
  lng: number;
  name: string;
  href?: string;
}

export interface MapView {
  tiles: string;
  attribution: string;
  zoomIn: string;
  zoomOut: string;
  points: (p: readonly MapPoint[]) => string;
  /** Address search is on (collect/geocode.ts). */
  geocode: boolean;
}

export function mapOf(request: FastifyRequest): MapView {
  const config = request.server.config;
  return {
    tiles: config.mapTilesUrl,
    attribution: config.mapAttribution,
    zoomIn: request.t('collect.map.zoom_in'),
    zoomOut: request.t('collect.map.zoom_out'),
    points: (p) => JSON.stringify(p),
    geocode: config.geocoderCitycode !== '',
  };
}

/**
 * Where the form's picker opens when no position is chosen yet: the middle of the districts'
 * outlines (the commune), as "lat,lng"; empty when none has an outline (the map shows France).
 */
export function pickerCentre(db: Db, districtIds: readonly number[]): string {
  if (districtIds.length === 0) return '';
  const rows = readSync(db).all(db.selectFrom('districts').select('geojson').where('id', 'in', districtIds).where('geojson', 'is not', null));
  const points = rows.flatMap((r) => (outlinePolygons(r.geojson) ?? []).flatMap((polygon) => polygon[0] ?? []));
  if (points.length === 0) return '';
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return `${((Math.min(...lats) + Math.max(...lats)) / 2).toFixed(5)},${((Math.min(...lngs) + Math.max(...lngs)) / 2).toFixed(5)}`;
}
