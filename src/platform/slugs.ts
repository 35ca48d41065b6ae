// URL slugs of what a module names by its title (projects, news posts, events, pages): one
// shape, one way to make them from a title.

export const SLUG_MAX = 80;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL slug from a title ("À propos de l’Œuvre" → "a-propos-de-l-oeuvre"): accents and ligatures dropped, lowercase a-z0-9 words joined by dashes. */
export function slugify(title: string): string {
  const words = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\u0153/g, 'oe') // œ, escaped: see scripts/build.mjs
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const w of words) {
    const next = slug ? `${slug}-${w}` : w;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug || words.join('-').slice(0, SLUG_MAX);
}
