// The loaders of the comments' routes: the thread (a published contribution whose module takes
// comments in its step, in a project this person may see, else 404) and a comment within it (a
// forged id from another thread gives a 404).
import type { FastifyRequest } from 'fastify';
import { notFound } from '../../platform/http.ts';
import { parseId } from '../../platform/forms.ts';
import { loadVisibleStep, participation, type StepContext } from '../../platform/gate.ts';
import { kindOf } from '../../platform/contributions.ts';
import type { ContributionKind } from '../../platform/module.ts';
import type { Missing } from '../../platform/participation.ts';
import { findComment, findTarget, type Comment, type Target } from './queries.ts';

export type ThreadParams = { targetId: string };
export type CommentParams = { targetId: string; commentId: string };

export interface Thread extends StepContext {
  target: Target;
  kind: ContributionKind;
  /** The commented contribution's own page. */
  permalink: string;
}

export function loadThread(request: FastifyRequest, rawTargetId: unknown): Thread {
  const id = parseId(rawTargetId);
  const target = id === null ? undefined : findTarget(request.server.db, id);
  if (!target || target.status !== 'published') throw notFound();
  const kind = kindOf(request.server.manifests, target.step_type, target.kind);
  const ctx = loadVisibleStep(request, String(target.step_id));
  if (!kind?.comments?.(ctx.step)) throw notFound();
  return { ...ctx, target, kind, permalink: kind.permalink(target) };
}

/** A comment of this thread the reader may see (theirs whatever its status), or a 404. */
export function loadComment(request: FastifyRequest, thread: Thread, rawId: unknown): Comment {
  const id = typeof rawId === 'number' ? rawId : parseId(rawId);
  const comment = id === null ? undefined : findComment(request.server.db, id);
  if (!comment || comment.target_id !== thread.target.id) throw notFound();
  const own = comment.author_id === request.user?.id;
  if (comment.status !== 'published' && !(own && (comment.status === 'pending' || comment.status === 'hidden'))) throw notFound();
  return comment;
}

/** Whether the page offers the forms (the server checks again on the post), and what is missing. */
export function commenting(request: FastifyRequest, thread: Thread): { canComment: boolean; missing: Missing[] } {
  const { can, missing } = participation(request, thread, ['comment']);
  return { canComment: can.comment, missing };
}
