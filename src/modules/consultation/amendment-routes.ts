// Amendments: the form prefilled with the section's current text, and its POST creating the
// amendment (core row, item row, section counter, participation) in one transaction.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound, requireUser } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, checkText, hasErrors, type FormErrors, parseId } from '../../platform/forms.ts';
import { assertCanParticipate, loadStep, type StepContext } from './guards.ts';
import { findSection, type Section } from './queries.ts';
import { TITLE_MAX, BODY_MAX, SECTION_BODY_MAX } from './rules.ts';
import { createAmendment } from './extras-queries.ts';
import { sameText } from './diff.ts';
import { participationLimits } from '../../platform/rate-limits.ts';

type Params = { stepId: string; sectionId: string };

/** The section of this step, open to amendments, or a refusal. */
function amendableSection(request: FastifyRequest, ctx: StepContext, rawId: string): Section {
  const id = parseId(rawId);
  const section = id === null ? undefined : findSection(request.server.db, ctx.step.id, id);
  if (!section) throw notFound();
  if (!section.allow_amendments) throw new HttpError(403, 'consultation.amendment.refused.not_allowed');
  return section;
}

function form(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, section: Section, values: Record<string, string>, errors: FormErrors, status = 200) {
  return render(
    request,
    reply,
    'consultation/amendment-new',
    { title: request.t('consultation.amendment.new.title'), step: ctx.step, project: ctx.project, section, values, errors, max: { title: TITLE_MAX, body: BODY_MAX, proposed_text: SECTION_BODY_MAX } },
    { status },
  );
}

export const amendmentRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: Params }>('/:stepId/sections/:sectionId/amendments/new', async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const section = amendableSection(request, ctx, request.params.sectionId);
    // A visitor without an account logs in first and comes back here.
    if (!requireUser(request, reply)) return reply;
    assertCanParticipate(request, ctx);
    return form(request, reply, ctx, section, { proposed_text: section.body_md, title: '', body: '' }, {});
  });

  app.post<{ Params: Params }>('/:stepId/sections/:sectionId/amendments', { config: participationLimits.contribute }, async (request, reply) => {
    const ctx = loadStep(request, request.params.stepId);
    const user = assertCanParticipate(request, ctx);
    const section = amendableSection(request, ctx, request.params.sectionId);
    const values = { proposed_text: text(request.body, 'proposed_text'), title: text(request.body, 'title'), body: text(request.body, 'body') };
    const errors: FormErrors = {};
    checkText(errors, 'proposed_text', values.proposed_text, { required: true, max: SECTION_BODY_MAX });
    if (!errors.proposed_text && sameText(values.proposed_text, section.body_md)) errors.proposed_text = { key: 'consultation.amendment.unchanged' };
    checkText(errors, 'title', values.title, { max: TITLE_MAX });
    checkText(errors, 'body', values.body, { required: true, max: BODY_MAX });
    if (hasErrors(errors)) return form(request, reply, ctx, section, values, errors, 422);
    const title = values.title || request.t('consultation.amendment.default_title', { section: section.title }).slice(0, TITLE_MAX);
    const id = createAmendment(app.db, ctx.step, section.id, user.id, { title, body: values.body, proposedText: values.proposed_text });
    setFlash(reply, 'consultation.amendment.flash.created');
    return reply.redirect(`/consultation/${ctx.step.id}/items/${id}`, 303);
  });
};
