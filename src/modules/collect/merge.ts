// Merging duplicates (administrators, checked by the route list), at /collect/:stepId/admin/merge:
// one or more proposals, named by their reference numbers, merged into a target. In one
// transaction the merged ones point to the target (`merged_into`) and leave the public lists and
// counts as a hidden proposal does (published flag, the step's count, the participation
// counters); their author and followers are told, and their followers follow the target.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { setFlash } from '../../platform/flash.ts';
import { hasErrors, text, type FormErrors } from '../../platform/forms.ts';
import { recordParticipation, type Step } from '../../platform/participation.ts';
import { contributionStatusChanged } from '../../platform/notifications.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { loadCollect, type StepContext, type StepParams } from './guards.ts';
import { parseReferences } from './analysis-rules.ts';

type Values = { target: string; sources: string };

/** The step's public proposals (not merged) of these references: id, reference, title. */
function findMergeable(db: Db, stepId: number, references: number[]) {
  return readSync(db).all(
    db
      .selectFrom('collect_proposals as p')
      .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
      .select(['p.contribution_id as id', 'p.reference', 'c.title'])
      .where('p.step_id', '=', stepId)
      .where('p.published', '=', 1)
      .where('p.merged_into', 'is', null)
      .where('p.reference', 'in', references),
  );
}

/**
 * Merges `sourceIds` into `targetId`, all or nothing: a proposal that is no longer public (merged
 * or hidden meanwhile) rolls everything back and gives false. Returns true when done.
 */
export function mergeProposals(db: Db, step: Pick<Step, 'id' | 'project_id'>, targetId: number, sourceIds: number[], actorId: number, now = new Date().toISOString()): boolean {
  class Refused extends Error {}
  try {
    return write(db, (tx) => {
      const live = (id: number) => tx.first(db.selectFrom('collect_proposals').select(['author_id']).where('contribution_id', '=', id).where('step_id', '=', step.id).where('published', '=', 1).where('merged_into', 'is', null));
      if (!live(targetId) || sourceIds.includes(targetId)) throw new Refused();
      for (const id of sourceIds) {
        const source = live(id);
        if (!source) throw new Refused();
        tx.run(db.updateTable('collect_proposals').set({ merged_into: targetId, published: 0 }).where('contribution_id', '=', id));
        tx.run(db.updateTable('collect_steps').set((eb) => ({ proposals_count: eb('proposals_count', '-', 1) })).where('step_id', '=', step.id));
        recordParticipation(db, tx, step, source.author_id, { contributions: -1 });
        contributionStatusChanged(db, tx, { id, authorId: source.author_id, step }, actorId, now);
        // Its followers (its author among them) now follow the target; the trigger of migration 0016 counts them.
        tx.run(
          db
            .insertInto('follows')
            .columns(['user_id', 'target_kind', 'target_id', 'created_at'])
            .expression(db.selectFrom('follows').select((eb) => ['user_id', eb.val('contribution').as('k'), eb.val(targetId).as('t'), eb.val(now).as('c')]).where('target_kind', '=', 'contribution').where('target_id', '=', id))
            .onConflict((oc) => oc.doNothing()),
        );
      }
      return true;
    });
  } catch (err) {
    if (err instanceof Refused) return false;
    throw err;
  }
}

function mergePage(request: FastifyRequest, reply: FastifyReply, ctx: StepContext, form: { values: Values; errors: FormErrors }, status = 200) {
  return render(request, reply, 'collect/merge', { title: request.t('collect.merge.title'), ...ctx, ...form }, { status, cache: false });
}

export async function showMerge(request: FastifyRequest<{ Params: StepParams; Querystring: { target?: string; sources?: string } }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const values = { target: text(request.query, 'target').slice(0, 20), sources: text(request.query, 'sources').slice(0, 500) };
  return mergePage(request, reply, ctx, { values, errors: {} });
}

export async function postMerge(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const db = request.server.db;
  const values = { target: text(request.body, 'target'), sources: text(request.body, 'sources') };
  const errors: FormErrors = {};
  const target = parseReferences(values.target);
  const sources = parseReferences(values.sources);
  if (!target || target.length !== 1) errors.target = { key: 'collect.merge.errors.target' };
  if (!sources) errors.sources = { key: 'collect.merge.errors.sources' };
  else if (target && sources.includes(target[0]!)) errors.sources = { key: 'collect.merge.errors.itself' };
  const found = target && sources ? findMergeable(db, ctx.step.id, [...target, ...sources]) : [];
  const byRef = new Map(found.map((p) => [p.reference, p.id]));
  if (!errors.target && !byRef.has(target![0]!)) errors.target = { key: 'collect.merge.errors.unknown', params: { references: target![0]! } };
  const missing = (sources ?? []).filter((r) => !byRef.has(r));
  if (!errors.sources && missing.length) errors.sources = { key: 'collect.merge.errors.unknown', params: { references: missing.join(', ') } };
  if (hasErrors(errors)) return mergePage(request, reply, ctx, { values, errors }, 422);
  const targetId = byRef.get(target![0]!)!;
  if (!mergeProposals(db, ctx.step, targetId, sources!.map((r) => byRef.get(r)!), request.user!.id)) {
    return mergePage(request, reply, ctx, { values, errors: { sources: { key: 'collect.merge.errors.changed' } } }, 422);
  }
  setFlash(reply, 'collect.flash.merged');
  return reply.redirect(`/collect/${ctx.step.id}/proposals/${targetId}`, 303);
}
