// The results' HTML kept per version of a step's counters: the page is the same for every reader
// of one language, segment and role until a submission or a change of the questions bumps the
// version (both go through writes.ts in this process). A 140-question page costs about 10 ms to
// build; readers between two submissions get it for the cost of a lookup.
import type { Db } from '../../db/open.ts';

const versions = new WeakMap<object, Map<number, number>>();
const pages = new WeakMap<object, Map<string, string>>();
const MAX_PAGES = 40;

/** Called by every write that changes what the results show. */
export function bumpResults(db: Db, stepId: number): void {
  let v = versions.get(db.sqlite);
  if (!v) versions.set(db.sqlite, (v = new Map()));
  v.set(stepId, (v.get(stepId) ?? 0) + 1);
}

/** The cached HTML for this key at the step's current version, or built now and kept. */
export function cachedResults(db: Db, stepId: number, key: string, build: () => string): string {
  const version = versions.get(db.sqlite)?.get(stepId) ?? 0;
  let map = pages.get(db.sqlite);
  if (!map) pages.set(db.sqlite, (map = new Map()));
  const full = `${stepId}|${version}|${key}`;
  let html = map.get(full);
  if (html === undefined) {
    html = build();
    if (map.size >= MAX_PAGES) map.clear();
    map.set(full, html);
  }
  return html;
}
