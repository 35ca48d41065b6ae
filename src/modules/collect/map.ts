// What a page with a map gives its template: the tiles and their credit from the configuration,
// the zoom buttons' names in the reader's language, and the points as JSON for a data attribute
// (escaped as any attribute: no script is written into the page).
import type { FastifyRequest } from 'fastify';

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
