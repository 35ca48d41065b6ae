// Reporting a contribution: the form (works without JavaScript), and its POST recording the
// report once per person and item (the database's UNIQUE constraint decides). A second report
// gets a friendly page saying it was already received, with 409, and nothing is written.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, requireUser } from '../../platform/http.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { setFlash } from '../../platform/flash.ts';
import { excerpt } from '../../platform/text.ts';
import { text, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { describe, loadReportable, type IdParams } from './guards.ts';
import { hasReported, type Contribution } from './queries.ts';
import { reportContribution } from './writes.ts';
import { checkReport, DETAILS_MAX, REASONS, type Reason } from './rules.ts';

function reportPage(request: FastifyRequest, reply: FastifyReply, c: Contribution, form: { values: Record<string, string>; errors: FormErrors; already?: boolean }, status = 200) {
  const { permalink, kindKey } = describe(request, c);
  return render(
    request,
    reply,
    'moderation/report',
    {
      title: request.t(form.already ? 'moderation.report.already_title' : 'moderation.report.title'),
      c,
      permalink,
      kindKey,
      excerpt: excerpt(c.title || c.body_md, 300),
      reasons: REASONS,
      detailsMax: DETAILS_MAX,
      ...form,
    },
    { status },
  );
}

/** Reporting is for people whose address is confirmed: a throwaway account cannot flood the queue. */
function assertConfirmed(user: SessionUser): void {
  if (!user.email_confirmed_at) throw new HttpError(403, 'moderation.report.errors.unconfirmed');
}

export async function showReportForm(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
  const c = loadReportable(request, request.params.id);
  const user = requireUser(request, reply);
  if (!user) return reply;
  assertConfirmed(user);
  return reportPage(request, reply, c, { values: {}, errors: {}, already: hasReported(request.server.db, c.id, user.id) });
}

export async function postReport(request: FastifyRequest<{ Params: IdParams }>, reply: FastifyReply) {
  const user = requireUser(request, reply)!;
  assertConfirmed(user);
  const c = loadReportable(request, request.params.id);
  const values = { reason: text(request.body, 'reason'), details: text(request.body, 'details') };
  const errors = checkReport(values);
  if (hasErrors(errors)) return reportPage(request, reply, c, { values, errors }, 422);
  const result = reportContribution(request.server, c, user.id, values.reason as Reason, values.details);
  if (result === 'duplicate') return reportPage(request, reply, c, { values, errors: {}, already: true }, 409);
  setFlash(reply, 'moderation.flash.reported');
  return reply.redirect(describe(request, c).permalink ?? '/', 303);
}
