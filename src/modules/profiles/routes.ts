// GET /users/:id: a person's public profile (name, date joined, published contributions), for
// live accounts that published something the visitor may see.
import type { FastifyPluginAsync } from 'fastify';
import { render } from '../../platform/render.ts';
import { notFound } from '../../platform/http.ts';
import { findProfile, listProfileContributions } from './queries.ts';
import { excerpt } from '../../platform/text.ts';
import { kindOf } from '../../platform/contributions.ts';

const PAGE_MAX = 5000;
const parseId = (v: string) => (/^[1-9]\d{0,14}$/.test(v) ? Number(v) : null);
const parsePage = (v: unknown) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Math.min(Math.max(Number(v), 1), PAGE_MAX) : 1);
const EXCERPT = 160;

export const routes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { id: string }; Querystring: { page?: string } }>('/:id', { config: { pageCache: { query: ['page'] } } }, async (request, reply) => {
    const id = parseId(request.params.id);
    const person = id === null ? undefined : findProfile(app.db, id);
    if (!person) throw notFound();
    const page = parsePage(request.query.page);
    const { items, hasNext } = listProfileContributions(app.db, person.id, request.user, page);
    // A profile exists for people who published something this visitor may see, so ids
    // counted up from 1 do not list everyone who ever registered.
    if (items.length === 0) throw notFound();
    const name = person.display_name ?? '';
    const contributions = items.map((c) => {
      // Each module names its kinds of contributions and links to them (its manifest).
      const kind = kindOf(app.manifests, c.step_type, c.kind);
      const label = excerpt((c.title || c.body_md).slice(0, 4 * EXCERPT).replace(/\s+/g, ' ').trim(), EXCERPT);
      return { ...c, href: kind?.permalink(c) ?? null, kindKey: kind?.labelKey ?? 'profiles.kind.other', label };
    });
    const base = `/users/${person.id}`;
    return render(request, reply, 'profiles/show', {
      title: name,
      name,
      person,
      contributions,
      previousUrl: page > 1 ? (page === 2 ? base : `${base}?page=${page - 1}`) : null,
      nextUrl: hasNext ? `${base}?page=${page + 1}` : null,
      page,
    });
  });
};
