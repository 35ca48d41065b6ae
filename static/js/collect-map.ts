// The collect step's maps, an enhancement loaded only by pages that show one (after Leaflet,
// served from its package): the list's map view, a proposal's place, and the form's picker that
// fills the latitude and longitude fields. Every page is complete without it: the list of places
// and the two fields stay, and are the keyboard and screen-reader way.

interface Point {
  lat: number;
  lng: number;
  name: string;
  href?: string;
}

// Leaflet's global (its UMD build), typed by what this file uses.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const L: any;

const FRANCE: [number, number] = [46.6, 2.4];

function escapeHtml(s: string): string {
  const span = document.createElement('span');
  span.textContent = s;
  return span.innerHTML;
}

function readPoints(el: HTMLElement): Point[] {
  try {
    const points = JSON.parse(el.dataset.points ?? '[]') as Point[];
    return points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng));
  } catch {
    return [];
  }
}

/** The server's "lat,lng" of the commune (the districts' outlines), for a picker with no point yet. */
function centreOf(el: HTMLElement): [number, number] | null {
  const [lat, lng] = (el.dataset.centre ?? '').split(',').map(Number);
  return el.dataset.centre && Number.isFinite(lat) && Number.isFinite(lng) ? [lat!, lng!] : null;
}

function addMarker(map: unknown, p: Point) {
  const marker = L.marker([p.lat, p.lng], { icon: L.divIcon({ className: 'collect-marker', iconSize: [18, 18] }), keyboard: true, title: p.name }).addTo(map);
  const el = marker.getElement() as HTMLElement | undefined;
  // Markers are named for screen readers, and reached with Tab (Leaflet's keyboard option).
  el?.setAttribute('aria-label', p.name);
  el?.setAttribute('role', p.href ? 'link' : 'img');
  if (p.href) marker.on('click', () => (window.location.href = p.href!));
  return marker;
}

function setup(el: HTMLElement): void {
  if (typeof L === 'undefined' || el.dataset.ready) return;
  el.dataset.ready = '1';
  el.hidden = false;
  const map = L.map(el, { scrollWheelZoom: false, zoomControl: false });
  L.control.zoom({ zoomInTitle: el.dataset.zoomIn ?? '+', zoomOutTitle: el.dataset.zoomOut ?? '-' }).addTo(map);
  L.tileLayer(el.dataset.tiles, { attribution: escapeHtml(el.dataset.attribution ?? ''), maxZoom: 19 }).addTo(map);
  const points = readPoints(el);
  // The view first: markers are drawn (and can be named) once the map has one.
  if (points.length === 1) map.setView([points[0]!.lat, points[0]!.lng], 16);
  else if (points.length > 1) map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), { padding: [24, 24] });
  else map.setView(centreOf(el) ?? FRANCE, centreOf(el) ? 13 : 5);
  const markers = points.map((p) => addMarker(map, p));
  if (el.dataset.collectMap === 'picker') picker(el, map, markers[0]);
}

/** The form's picker: a click on the map places the proposal and fills the two fields; typing in them moves the mark. */
function picker(el: HTMLElement, map: { on: (e: string, f: (ev: { latlng: { lat: number; lng: number } }) => void) => void }, initial: unknown): void {
  const lat = document.getElementById(el.dataset.lat ?? '') as HTMLInputElement | null;
  const lng = document.getElementById(el.dataset.lng ?? '') as HTMLInputElement | null;
  if (!lat || !lng) return;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let marker: any = initial ?? null;
  const place = (p: { lat: number; lng: number }) => {
    if (marker) marker.setLatLng([p.lat, p.lng]);
    else marker = addMarker(map, { lat: p.lat, lng: p.lng, name: el.dataset.markerName ?? '' });
  };
  map.on('click', (ev) => {
    lat.value = ev.latlng.lat.toFixed(6);
    lng.value = ev.latlng.lng.toFixed(6);
    place(ev.latlng);
  });
  const typed = () => {
    const p = { lat: Number(lat.value.replace(',', '.')), lng: Number(lng.value.replace(',', '.')) };
    if (lat.value && lng.value && Number.isFinite(p.lat) && Number.isFinite(p.lng)) place(p);
  };
  lat.addEventListener('change', typed);
  lng.addEventListener('change', typed);
  // A map drawn inside a closed <details> has no size: draw it again when opened.
  el.closest('details')?.addEventListener('toggle', () => (map as unknown as { invalidateSize: () => void }).invalidateSize());
}

/** A suggestion of the address search (collect/_geocode.eta) fills the address and the position. */
function pickSuggestion(event: MouseEvent): void {
  const button = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-geocode-pick]') : null;
  if (!button) return;
  const set = (id: string, value: string | undefined) => {
    const input = document.getElementById(id) as HTMLInputElement | null;
    if (input && value !== undefined) {
      input.value = value;
      input.dispatchEvent(new Event('change'));
    }
  };
  set('field-address', button.dataset.address);
  set('field-lat', button.dataset.lat);
  set('field-lng', button.dataset.lng);
  const details = document.querySelector<HTMLDetailsElement>('details.collect-coordinates');
  if (details) details.open = true;
  document.getElementById('field-address')?.focus();
}
document.addEventListener('click', pickSuggestion);

function init(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>('[data-collect-map]').forEach(setup);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => init(document));
else init(document);
// htmx swaps a page of the list's map view (a sort, a page): its map is drawn then.
document.addEventListener('htmx:after:settle', (event) => {
  if (event.target instanceof Element) init(event.target.parentElement ?? document);
});
