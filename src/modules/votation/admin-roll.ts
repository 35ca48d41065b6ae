// The electoral roll (administrators only): importing it as CSV (identifier, optional name and
// email), then issuing access codes, answered once as a printable sheet and, for entries with an
// email address, queued in the outbox in the same transaction. Codes are never shown again.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text } from '../../platform/forms.ts';
import { loadVotation, settingsOf, type StepContext, type StepParams } from './guards.ts';
import { adminPage } from './admin.ts';
import { parseRoll, ROLL_MAX } from './roll-csv.ts';
import { eraseRoll, importRoll, issueCodes } from './writes.ts';
import { codeHash, newCode, votationKey } from './codes.ts';

export const ROLL_FILE_BYTES = 20 * 1024 * 1024;

function loadRollStep(request: FastifyRequest<{ Params: StepParams }>): StepContext {
  const ctx = loadVotation(request, request.params.stepId);
  if (settingsOf(ctx).electorate !== 'roll') throw new HttpError(403, 'votation.roll.refused.accounts');
  if (ctx.state === 'closed') throw new HttpError(403, 'votation.roll.refused.closed');
  return ctx;
}

export async function postRoll(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadRollStep(request);
  const upload = request.upload;
  const fail = (key: string) => adminPage(request, reply, ctx, { roll: { errors: { roll: { key } }, problems: [] } }, 422);
  if (!upload?.file) return fail(upload?.tooBig ? 'votation.roll.error.too_big' : 'votation.roll.error.none');
  const { entries, problems } = parseRoll(upload.file.toString('utf8'));
  if (problems.length > 0) return adminPage(request, reply, ctx, { roll: { errors: { roll: { key: 'votation.roll.error.lines', params: { count: problems.length } } }, problems: problems.slice(0, 20) } }, 422);
  if (entries.length === 0 || entries.length > ROLL_MAX) return fail('votation.roll.error.none');
  importRoll(request.server.db, ctx.step.id, entries);
  setFlash(reply, 'votation.flash.roll_imported');
  return reply.redirect(`/votation/${ctx.step.id}/admin#roll`, 303);
}

/** Issues the codes and answers with the sheet; `send=1` also emails those with an address. */
export async function postCodes(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadRollStep(request);
  const { db, config, mailer } = request.server;
  const key = votationKey(config.dataDir);
  const send = text(request.body, 'send') === '1';
  const renew = text(request.body, 'renew') === '1';
  const url = `${config.baseUrl}/votation/${ctx.step.id}`;
  const issued = issueCodes(db, ctx.step.id, renew, () => {
    const code = newCode();
    return { code, hash: codeHash(key, ctx.step.id, code) };
  }, (tx, list) => {
    if (!send) return;
    for (const e of list) {
      if (!e.email) continue;
      mailer.enqueue(tx, { to: e.email, subject: request.t('votation.codes.mail.subject', { title: ctx.step.title }), text: request.t('votation.codes.mail.text', { title: ctx.step.title, code: e.code, url }), secret: true });
    }
  });
  reply.header('cache-control', 'no-store');
  return render(request, reply, 'votation/codes', { title: request.t('votation.codes.title', { title: ctx.step.title }), ...ctx, issued, sent: send ? issued.filter((e) => e.email).length : 0, url, base: `/votation/${ctx.step.id}` });
}

/** POST …/admin/roll/erase: after the close, the roll keeps its rows but no longer says who. */
export async function postEraseRoll(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadVotation(request, request.params.stepId);
  if (settingsOf(ctx).electorate !== 'roll') throw new HttpError(403, 'votation.roll.refused.accounts');
  if (ctx.state !== 'closed') throw new HttpError(403, 'votation.roll.refused.open');
  eraseRoll(request.server.db, ctx.step.id);
  setFlash(reply, 'votation.flash.roll_erased');
  return reply.redirect(`/votation/${ctx.step.id}/admin#roll`, 303);
}
