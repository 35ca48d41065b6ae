// Partials with only the data they are given. Eta's include() renders a partial with a copy of
// the whole page context, resolving its path each time; inside a list of twenty cards that is
// most of a page's cost. `partial(name, data)` renders the template with `data` alone as `it`,
// and in production compiles each template once.
import type { Eta, TemplateFunction } from 'eta';

export type PartialRenderer = (name: string, data: object) => string;

export function createPartial(eta: Eta, production: boolean): PartialRenderer {
  const compiled = new Map<string, { fn: TemplateFunction; filepath: string }>();
  return (name, data) => {
    let template = compiled.get(name);
    if (!template) {
      const filepath = eta.resolvePath(name);
      template = { fn: eta.compile(eta.readFile(filepath)), filepath };
      if (production) compiled.set(name, template);
    }
    return template.fn.call(eta, data, { filepath: template.filepath, async: false });
  };
}

/**
 * Eta resolves an include's path on every call (a JSON cache key, then path joins and a check
 * that it stays in the views folder); for a given including file and name the answer never
 * changes, so it is kept.
 */
export function keepResolvedPaths(eta: Eta): void {
  const resolve = eta.resolvePath.bind(eta);
  const paths = new Map<string, string>();
  eta.resolvePath = (template, options) => {
    const key = `${options?.filepath ?? ''}\0${template}`;
    let resolved = paths.get(key);
    if (resolved === undefined) paths.set(key, (resolved = resolve(template, options)));
    return resolved;
  };
}

const UNSAFE = /[&<>"']/;
const UNSAFE_ALL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * What `<%= %>` writes: Eta's own escaping, with numbers (ids, counts: a third of a page's
 * values) written without the regular expression, and one compiled expression for the test.
 */
export function escapeHtml(value: unknown): string {
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : String(value);
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, (c) => ENTITIES[c]!) : text;
}
