// Amendments: the form prefilled with the section's current text, and its POST creating the
// amendment (core row, item row, section counter, participation) in one transaction.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { requireUser } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { assertCanParticipate } from '../../platform/gate.ts';
import { assertHuman, checkLinks } from '../../platform/anti-spam.ts';
import { text, checkText, hasErrors, type FormErrors } from '../../platform/forms.ts';
import { loadStep, loadAmendableSection, type StepContext } from './guards.ts';
import type { Section } from './queries.ts';
import { createAmendment } from './extras-queries.ts';
import { sameText } from './diff.ts';
import { TITLE_MAX, BODY_MAX, SECTION_BODY_MAX } from './rules.ts';
import type { SectionParams } from './sections.ts';
import { createdFlash } from './moderation.ts';

function form(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, section: Section, values: Record<string, string>, errors: FormErrors, status = 200) {
  const max = { title: TITLE_MAX, body: BODY_MAX, proposed_text: SECTION_BODY_MAX };
  return render(request, reply, 'consultation/amendment-new', { title: request.t('consultation.amendment.new.title'), step: ctx.step, project: ctx.project, section, values, errors, max }, { status });
}

export async function newAmendment(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const section = loadAmendableSection(request, ctx, request.params.sectionId);
  // A visitor without an account logs in first and comes back here.
  if (!requireUser(request, reply)) return reply;
  assertCanParticipate(request, ctx, 'contribute');
  return form(request, reply, ctx, section, { proposed_text: section.body_md, title: '', body: '' }, {});
}

export async function postAmendment(request: FastifyRequest<{ Params: SectionParams }>, reply: FastifyReply) {
  const ctx = loadStep(request, request.params.stepId);
  const user = assertCanParticipate(request, ctx, 'contribute');
  const section = loadAmendableSection(request, ctx, request.params.sectionId);
  assertHuman(request);
  const values = { proposed_text: text(request.body, 'proposed_text'), title: text(request.body, 'title'), body: text(request.body, 'body') };
  const errors: FormErrors = {};
  checkText(errors, 'proposed_text', values.proposed_text, { required: true, max: SECTION_BODY_MAX });
  if (!errors.proposed_text && sameText(values.proposed_text, section.body_md)) errors.proposed_text = { key: 'consultation.amendment.unchanged' };
  checkText(errors, 'title', values.title, { max: TITLE_MAX });
  checkText(errors, 'body', values.body, { required: true, max: BODY_MAX });
  checkLinks(request, errors, 'body', values.body);
  if (hasErrors(errors)) return form(request, reply, ctx, section, values, errors, 422);
  const title = values.title || request.t('consultation.amendment.default_title', { section: section.title }).slice(0, TITLE_MAX);
  const id = createAmendment(request.server.db, ctx.step, section.id, user.id, { title, body: values.body, proposedText: values.proposed_text });
  setFlash(reply, createdFlash(request.server.db, id, 'consultation.amendment.flash.created'));
  return reply.redirect(`/consultation/${ctx.step.id}/items/${id}`, 303);
}
