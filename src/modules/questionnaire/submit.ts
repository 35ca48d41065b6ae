// POST /questionnaire/:stepId/submit: the draft's answers, hidden branches dropped, every
// required question checked (else its page again with the errors, 422), then one durable write
// of the response with its counters; the acknowledgement email is queued in the same commit.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { dropHidden } from '../../platform/questions/logic.ts';
import { districtOf, setTokenCookie, type StepParams } from './guards.ts';
import { start } from './answer.ts';
import { renderPage } from './answer-views.ts';
import { firstIncomplete, flowOf } from './pages.ts';
import { submitResponse } from './writes.ts';

export async function submit(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const s = start(request);
  const base = `/questionnaire/${s.ctx.step.id}`;
  if (!s.draft) return reply.redirect(`${base}/answer`, 303);
  const answers = dropHidden(s.questions, s.answers);
  const missing = firstIncomplete(s.questions, answers);
  if (missing) return renderPage(request, reply, { ...s, answers }, flowOf(s.questions, answers), missing.page, null, missing.errors, 422);
  const user = request.user;
  const ack = s.settings.acknowledgement && user ? { to: user.email, subject: request.t('questionnaire.mail.subject', { title: s.ctx.step.title }), text: request.t('questionnaire.mail.text', { title: s.ctx.step.title, url: `${request.server.config.baseUrl}${base}` }) } : null;
  const result = await submitResponse(request.server.db, s.ctx.step, s.who, s.draft.id, s.questions, answers, { single: !s.settings.several_responses, districtId: districtOf(request, s.who) }, (tx) => ack && request.server.mailer.enqueue(tx, ack));
  if (!result.ok) throw new HttpError(403, result.reason === 'already' ? 'questionnaire.refused.already' : 'questionnaire.refused.token_used');
  if (s.who.userId === null) setTokenCookie(request, reply, s.ctx.step.id, null);
  setFlash(reply, 'questionnaire.flash.submitted');
  return reply.redirect(base, 303);
}
