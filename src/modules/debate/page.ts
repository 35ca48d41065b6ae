// The debate page: the question and its presentation, the invited opinions, the vote and its
// split, the two columns of arguments (sorted, paginated, swapped in place by htmx), the form to
// give one's argument, and after the close the conclusion. Built from a fixed number of queries.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import type { FormErrors } from '../../platform/forms.ts';
import { settingsWithDefaults } from '../../platform/step-settings.ts';
import { followWidget } from '../../platform/notifications.ts';
import { loadDebate, participationOf, type StepContext, type StepParams } from './guards.ts';
import { findDebate, findVote, listArguments, listOpinions, listOwnSides } from './queries.ts';
import { parsePage, parseSort, voteWidget, ARGUMENT_MAX, SETTINGS, SIDES, SORTS, type Sort } from './rules.ts';

type ListQuery = { sort?: string; page?: string };

export interface FormState {
  values: Record<string, string>;
  errors: FormErrors;
}

/** The page's default order, as the administrator set it on the step. */
export function defaultSort(ctx: StepContext): Sort {
  return parseSort(settingsWithDefaults(SETTINGS, ctx.step.settings).default_sort, 'useful');
}

/** The page, or for htmx its columns; also the 422 answer of a refused argument. */
export async function renderDebate(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, query: ListQuery, form: FormState, status = 200) {
  const db = request.server.db;
  const stepId = ctx.step.id;
  const userId = request.user?.id ?? 0;
  const fallback = defaultSort(ctx);
  const sort = parseSort(query.sort, fallback);
  const page = parsePage(query.page);
  const p = participationOf(request, ctx);
  const debate = findDebate(db, stepId);
  const columns = SIDES.map((side) => ({ side, count: side === 'for' ? debate.arguments_for : debate.arguments_against, ...listArguments(db, { stepId, side, sort, page, userId }) }));
  const base = `/debate/${stepId}`;
  const listUrl = (o: { sort?: Sort; page?: number }) => {
    const params = new URLSearchParams({ sort: o.sort ?? sort });
    if ((o.page ?? page) > 1) params.set('page', String(o.page ?? page));
    return `${base}?${params.toString()}`;
  };
  const ownSides = userId ? listOwnSides(db, stepId, userId) : [];
  const taken = new Set(ownSides.map((s) => s.side));
  // A refused side is offered again so that the form shows what was sent with its error.
  const offered = form.errors.side ? [...SIDES] : SIDES.filter((s) => !taken.has(s));
  return render(
    request,
    reply,
    'debate/show',
    {
      title: ctx.step.title,
      ...ctx,
      ...p,
      debate,
      opinions: listOpinions(db, stepId),
      vote: voteWidget(stepId, { question: ctx.step.title, votesFor: debate.votes_for, votesAgainst: debate.votes_against, mine: userId ? findVote(db, stepId, userId) : null, canVote: p.canVote }),
      columns,
      hasNext: columns.some((c) => c.hasNext),
      sort,
      sorts: SORTS,
      page,
      listUrl,
      // Where a "useful" mark without JavaScript comes back to: this very list.
      back: request.method === 'GET' ? request.url : listUrl({ page: 1 }),
      ownSides,
      offered,
      ...form,
      argumentMax: ARGUMENT_MAX,
      adminPath: request.user?.role === 'admin' ? `${base}/admin` : null,
      follow: followWidget(db, request.user, { kind: 'step', id: stepId }),
    },
    { status, fragment: 'debate/_columns' },
  );
}

export async function showDebate(request: FastifyRequest<{ Params: StepParams; Querystring: ListQuery }>, reply: FastifyReply) {
  const ctx = loadDebate(request, request.params.stepId);
  return renderDebate(request, reply, ctx, request.query, { values: {}, errors: {} });
}
