// Address search for the proposal form (off unless GEOCODER_CITYCODE names a commune): a proxy on
// the server to the Géoplateforme's geocoding service, limited to that commune and to people who
// may submit a proposal, rate-limited per account; it answers htmx with a fragment of suggestions
// (address and coordinates) that the map enhancement puts in the form, and a visitor without
// JavaScript with a page listing them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { text } from '../../platform/forms.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { loadCollect, type StepParams } from './guards.ts';
import { findCollect } from './queries.ts';
import { ADDRESS_MAX } from './rules.ts';

export interface Suggestion {
  label: string;
  lat: number;
  lng: number;
}

const TIMEOUT_MS = 4000;

/** The service's GeoJSON answer as suggestions in the commune; anything else is left out. */
export function readSuggestions(body: unknown, citycode: string): Suggestion[] {
  const features = (body as { features?: unknown })?.features;
  if (!Array.isArray(features)) return [];
  return features.flatMap((f) => {
    const label = f?.properties?.label;
    const [lng, lat] = Array.isArray(f?.geometry?.coordinates) ? f.geometry.coordinates : [];
    const inCommune = f?.properties?.citycode === undefined || f.properties.citycode === citycode;
    return typeof label === 'string' && Number.isFinite(lat) && Number.isFinite(lng) && inCommune ? [{ label: label.slice(0, ADDRESS_MAX), lat: Number(lat), lng: Number(lng) }] : [];
  }).slice(0, 5);
}

/** null when the service did not answer in time or well: the form still works without it. */
async function search(url: string, citycode: string, q: string): Promise<Suggestion[] | null> {
  const address = new URL(url);
  address.search = new URLSearchParams({ q, limit: '5', citycode }).toString();
  try {
    const res = await fetch(address, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
    return res.ok ? readSuggestions(await res.json(), citycode) : null;
  } catch {
    return null;
  }
}

export async function showGeocode(request: FastifyRequest<{ Params: StepParams; Querystring: { q?: string } }>, reply: FastifyReply) {
  const { geocoderUrl, geocoderCitycode } = request.server.config;
  if (!geocoderCitycode) throw notFound();
  const ctx = loadCollect(request, request.params.stepId);
  if (findCollect(request.server.db, ctx.step.id).form.fields.address.mode === 'off') throw notFound();
  assertCanParticipate(request, ctx, 'contribute');
  const q = text(request.query, 'q').slice(0, ADDRESS_MAX);
  // The service wants three characters at least; fewer is no search.
  const suggestions = q.length >= 3 ? await search(geocoderUrl, geocoderCitycode, q) : [];
  return render(request, reply, 'collect/geocode', { title: request.t('collect.geocode.title'), ...ctx, q, suggestions, failed: suggestions === null }, { fragment: 'collect/_geocode', cache: false });
}
