// The queue of likely duplicates (moderators and administrators), at
// /collect/:stepId/admin/duplicates: the step's QUEUE_SIZE newest public proposals, each with up
// to PER_PROPOSAL look-alikes found by the full-text search of similar proposals (queries.ts
// listSimilar on its title), less the pairs someone said are not duplicates (remembered in
// collect_distinct_pairs). Bounded work: one query for the newest, one per proposal of that
// bound, one for the remembered pairs. An administrator opens the merge form from a pair.
import { sql } from 'kysely';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, notFound } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, text } from '../../platform/forms.ts';
import type { Db } from '../../db/open.ts';
import { readSync, write } from '../../db/write.ts';
import { loadCollect, type StepParams } from './guards.ts';
import { listSimilar } from './queries.ts';
import { matchAny } from './rules.ts';
import { pairOf } from './analysis-rules.ts';

export const QUEUE_SIZE = 50;
export const PER_PROPOSAL = 3;

type Item = { id: number; reference: number; title: string };
export interface Suspect extends Item {
  similar: Item[];
}

/** The queue: newest proposals first, each pair shown once (under the newer of the two). */
export function listSuspects(db: Db, stepId: number): Suspect[] {
  const r = readSync(db);
  const newest = r.all(
    db
      .selectFrom('collect_proposals as p')
      .innerJoin('contributions as c', 'c.id', 'p.contribution_id')
      .select(['p.contribution_id as id', 'p.reference', 'c.title'])
      .where('p.step_id', '=', stepId)
      .where('p.published', '=', 1)
      .orderBy('p.contribution_id', 'desc')
      .limit(sql.lit(QUEUE_SIZE)),
  ).map((p) => ({ ...p, title: p.title ?? '' }));
  if (newest.length === 0) return [];
  const ids = newest.map((p) => p.id);
  const dismissed = new Set(
    r.all(db.selectFrom('collect_distinct_pairs').select(['first_id', 'second_id']).where((eb) => eb.or([eb('first_id', 'in', ids), eb('second_id', 'in', ids)]))).map((p) => `${p.first_id}:${p.second_id}`),
  );
  const shown = new Set<string>();
  const suspects: Suspect[] = [];
  for (const p of newest) {
    const match = matchAny(p.title);
    if (!match) continue;
    const similar = listSimilar(db, stepId, match)
      .filter((s) => {
        if (s.id === p.id) return false;
        const key = pairOf(p.id, s.id).join(':');
        if (dismissed.has(key) || shown.has(key)) return false;
        shown.add(key);
        return true;
      })
      .slice(0, PER_PROPOSAL);
    if (similar.length) suspects.push({ ...p, similar });
  }
  return suspects;
}

export function rememberDistinct(db: Db, stepId: number, a: number, b: number): void {
  const [first_id, second_id] = pairOf(a, b);
  write(db, (tx) => tx.run(db.insertInto('collect_distinct_pairs').values({ first_id, second_id, step_id: stepId }).onConflict((oc) => oc.doNothing())));
}

export async function showDuplicates(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const suspects = listSuspects(request.server.db, ctx.step.id);
  return render(request, reply, 'collect/duplicates', { title: request.t('collect.duplicates.title'), ...ctx, suspects, mayMerge: request.user?.role === 'admin', bound: QUEUE_SIZE }, { cache: false });
}

/** "Not a duplicate": both proposals must be of this step. */
export async function postDistinct(request: FastifyRequest<{ Params: StepParams }>, reply: FastifyReply) {
  const ctx = loadCollect(request, request.params.stepId);
  const a = parseId(text(request.body, 'first'));
  const b = parseId(text(request.body, 'second'));
  if (a === null || b === null || a === b) throw new HttpError(400, 'forms.invalid_choice');
  const db = request.server.db;
  const inStep = readSync(db).all(db.selectFrom('collect_proposals').select('contribution_id').where('step_id', '=', ctx.step.id).where('contribution_id', 'in', [a, b]));
  if (inStep.length !== 2) throw notFound();
  rememberDistinct(db, ctx.step.id, a, b);
  setFlash(reply, 'collect.flash.distinct');
  return reply.redirect(`/collect/${ctx.step.id}/admin/duplicates`, 303);
}
