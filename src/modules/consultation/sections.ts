// The step page (the text's table of contents), a section page (its text, its vote, the sorted
// and paginated list of items, the form to contribute), and posting a contribution.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { excerpt } from '../../platform/text.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { assertHuman, checkLinks } from '../../platform/anti-spam.ts';
import { followWidget } from '../../platform/notifications.ts';
import { text, checkText, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import { loadStep, loadSection, participationOf, type StepContext } from './guards.ts';
import { listSections, listOutline, listSectionTypes, findSectionVote, type Section } from './queries.ts';
import { listItems, findItemVotes, createOpinion } from './item-queries.ts';
import { buildTree, ancestry, parseSort, parseKind, parsePage, parseSeed, newSeed, voteWidget, TITLE_MAX, BODY_MAX, SORTS } from './rules.ts';
import { createdFlash } from './moderation.ts';

export type SectionParams = { stepId: string; sectionId: string };
type ListQuery = { sort?: string; kind?: string; page?: string };
const SEED_COOKIE = 'consult_seed';

/** The random order's seed: one per visit (a session cookie), so pages do not reshuffle. */
function randomSeed(request: FastifyRequest, reply: FastifyReply): number {
  const seed = parseSeed(request.cookies[SEED_COOKIE]);
  if (seed) return seed;
  const fresh = newSeed();
  reply.setCookie(SEED_COOKIE, String(fresh), { path: '/consultation', httpOnly: true, sameSite: 'lax', secure: request.server.config.secure });
  return fresh;
}

interface FormState {
  values: Record<string, string>;
  errors: FormErrors;
}

async function renderSection(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, section: Section, query: ListQuery, form: FormState, status = 200) {
  const db = request.server.db;
  const kind = parseKind(query.kind);
  const sort = parseSort(query.sort, section.default_sort);
  const page = parsePage(query.page);
  const seed = sort === 'random' ? randomSeed(request, reply) : 1;
  const { items, hasNext } = listItems(db, { sectionId: section.id, kind, sort, page, seed });
  const mine = findItemVotes(db, request.user?.id, items.map((i) => i.id));
  const sections = listOutline(db, ctx.step.id);
  const p = participationOf(request, ctx);
  const base = `/consultation/${ctx.step.id}/sections/${section.id}`;
  // Where a vote without JavaScript comes back to: this very list, or the section after a failed post.
  const back = request.method === 'GET' ? request.url : base;
  const listUrl = (o: { sort?: string; kind?: string; page?: number }) => {
    const params = new URLSearchParams({ sort: o.sort ?? sort, kind: o.kind ?? kind });
    if ((o.page ?? 1) > 1) params.set('page', String(o.page));
    return `${base}?${params.toString()}`;
  };
  const cards = items.map((item) => ({
    item,
    excerpt: excerpt(item.body_md),
    vote: section.allow_votes ? voteWidget(ctx.step.id, { kind: 'item', id: item.id }, { label: item.title ?? '', counts: item, mine: mine[item.id] ?? null, canVote: p.canVote, back }) : null,
  }));
  const sectionVote = section.allow_votes
    ? voteWidget(ctx.step.id, { kind: 'section', id: section.id }, { label: section.title, counts: section, mine: request.user ? findSectionVote(db, section.id, request.user.id) : null, canVote: p.canVote, back })
    : null;
  return render(
    request,
    reply,
    'consultation/section',
    {
      title: section.title,
      ...ctx,
      ...p,
      section,
      trail: ancestry(sections, section.id),
      children: sections.filter((s) => s.parent_id === section.id),
      types: listSectionTypes(db, section.id),
      sectionVote,
      cards,
      hasNext,
      sort,
      sorts: SORTS,
      kind,
      page,
      listUrl,
      ...form,
      titleMax: TITLE_MAX,
      bodyMax: BODY_MAX,
    },
    // A random order is the visitor's own (its seed is in their cookie): never shared.
    { status, fragment: 'consultation/_items', cache: sort !== 'random' },
  );
}

export async function showStep(request: FastifyRequest<{ Params: { stepId: string } }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const sections = listSections(request.server.db, ctx.step.id);
  const adminPath = request.user?.role === 'admin' ? `/consultation/${ctx.step.id}/admin` : undefined;
  return render(request, reply, 'consultation/step', { title: ctx.step.title, ...ctx, ...participationOf(request, ctx), tree: buildTree(sections), adminPath, follow: followWidget(request.server.db, request.user, { kind: 'step', id: ctx.step.id }) });
}

export async function showSection(request: FastifyRequest<{ Params: SectionParams; Querystring: ListQuery }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const section = loadSection(request, ctx, request.params.sectionId);
  return renderSection(request, reply, ctx, section, request.query, { values: {}, errors: {} });
}

export async function postOpinion(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const db = request.server.db;
  const ctx = loadStep(request, request.params.stepId);
  const section = loadSection(request, ctx, request.params.sectionId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const types = listSectionTypes(db, section.id);
  if (types.length === 0) throw new HttpError(403, 'consultation.errors.no_types');
  assertHuman(request);
  const body = request.body;
  const values = { type_id: text(body, 'type_id'), title: text(body, 'title'), body: text(body, 'body') };
  const errors: FormErrors = {};
  const typeId = parseId(values.type_id);
  if (values.type_id === '') errors.type_id = { key: 'forms.required' };
  else if (typeId === null || !types.some((t) => t.id === typeId)) errors.type_id = { key: 'consultation.errors.type_not_open' };
  checkText(errors, 'title', values.title, { required: true, max: TITLE_MAX });
  checkText(errors, 'body', values.body, { required: true, max: BODY_MAX });
  checkLinks(request, errors, 'body', values.body);
  if (hasErrors(errors)) return renderSection(request, reply, ctx, section, {}, { values, errors }, 422);
  const id = createOpinion(db, ctx.step, { sectionId: section.id, authorId: user.id, typeId: typeId!, title: values.title, body: values.body });
  setFlash(reply, createdFlash(request.server.db, id, 'consultation.flash.created'));
  return reply.redirect(`/consultation/${ctx.step.id}/items/${id}`, 303);
}
