// The analysis pages (not public, never cached): the list of a step's proposals to analyse (a
// decision maker sees them all with their opinions and decision, filtered on the decision; an
// analyst the ones assigned to them) and one proposal's analysis page, with the forms its reader
// may use: the analyst's opinion, and for a decision maker the status, the decision and the
// analysts. The posts are in analysis-posts.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import type { FormErrors } from '../../platform/forms.ts';
import { loadAnalysis, loadProposalAnalysis, type AnalysisParams, type ProposalAnalysisContext } from './analysis-guards.ts';
import { findDecision, findStatusId, listAnalyses, listAnalysts, listForAnalysis } from './analysis-queries.ts';
import { listStatuses } from './queries.ts';
import { parsePage } from './rules.ts';
import { COMMENT_MAX, DECISION_FILTERS, DECISIONS, OPINIONS, REASON_MAX, parseDecisionFilter } from './analysis-rules.ts';
import type { StepParams } from './guards.ts';

type Values = Record<string, string>;
export interface Form {
  values: Values;
  errors: FormErrors;
}
export interface AnalysisForms {
  opinion?: Form;
  decision?: Form;
  status?: Form;
  analyst?: Form;
}

export async function showAnalysisList(request: FastifyRequest<{ Params: StepParams; Querystring: { decision?: string; page?: string } }>, reply: FastifyReply) {
  const { ctx, user, role } = loadAnalysis(request, request.params.stepId);
  const filter = parseDecisionFilter(request.query.decision);
  const page = parsePage(request.query.page);
  // A decider sees every proposal; an analyst who does not decide, their own.
  const { rows, hasNext } = listForAnalysis(request.server.db, { stepId: ctx.step.id, analystId: role.decides ? null : user.id, filter, page });
  const base = `/collect/${ctx.step.id}/analysis`;
  const pageUrl = (n: number) => `${base}?${new URLSearchParams({ ...(filter !== 'all' ? { decision: filter } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`;
  return render(
    request,
    reply,
    'collect/analysis',
    { title: request.t(role.decides ? 'collect.analysis.title' : 'collect.analysis.mine', { title: ctx.step.title }), ...ctx, role, rows, hasNext, page, filter, filters: DECISION_FILTERS, pageUrl },
    { cache: false },
  );
}

export function analysisPage(request: FastifyRequest, reply: FastifyReply, a: ProposalAnalysisContext, forms: AnalysisForms = {}, status = 200) {
  const db = request.server.db;
  const p = a.proposal;
  const analyses = listAnalyses(db, p.id);
  const mine = analyses.find((x) => x.analyst_id === a.user.id);
  const decision = findDecision(db, p.id);
  return render(
    request,
    reply,
    'collect/analysis-proposal',
    {
      title: request.t('collect.analysis.proposal_title', { reference: p.reference }),
      ...a.ctx,
      role: a.role,
      assigned: a.assigned,
      proposal: p,
      // Analysts give their opinion on their own; decision makers read them all.
      analyses: a.role.decides ? analyses : analyses.filter((x) => x.analyst_id === a.user.id),
      analysts: a.role.decides ? listAnalysts(db, p.id) : [],
      decision,
      statuses: a.role.decides ? listStatuses(db, a.ctx.step.id) : [],
      opinions: OPINIONS,
      decisions: DECISIONS,
      limits: { comment: COMMENT_MAX, reason: REASON_MAX },
      opinion: forms.opinion ?? { values: mine ? { opinion: mine.opinion, comment: mine.comment, revised_cost: mine.revised_cost === null ? '' : String(mine.revised_cost) } : {}, errors: {} },
      decisionForm: forms.decision ?? { values: decision ? { decision: decision.decision, reason: decision.reason_md } : {}, errors: {} },
      statusForm: forms.status ?? { values: { status: String(findStatusId(db, p.id) ?? '') }, errors: {} },
      analystForm: forms.analyst ?? { values: {}, errors: {} },
    },
    { status, cache: false },
  );
}

export async function showProposalAnalysis(request: FastifyRequest<{ Params: AnalysisParams }>, reply: FastifyReply) {
  return analysisPage(request, reply, loadProposalAnalysis(request));
}
