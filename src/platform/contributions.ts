// What the platform knows of contributions of every kind, whichever module wrote them: which
// module a kind belongs to (for its permalink, its comments, its counters), the status a new one
// starts with (pre-moderation), and what a viewer may see of one that is not published.
import { sql } from 'kysely';
import type { Db } from '../db/open.ts';
import { readSync } from '../db/write.ts';
import type { ContributionStatus } from '../db/schema.ts';
import type { ContributionKind, Manifest } from './module.ts';
import type { SessionUser } from './sessions.ts';
import type { Step } from './participation.ts';
import { getSite } from './site.ts';

/** The kind's declaration: the step module's own, or a step-less module's (comments) in any step. */
export function kindOf(manifests: readonly Manifest[], stepType: string, kind: string): ContributionKind | undefined {
  return (manifests.find((m) => m.slug === stepType)?.contributions?.[kind]) ?? manifests.find((m) => !m.step && m.contributions?.[kind])?.contributions?.[kind];
}

/**
 * A new contribution waits for a moderator when its step is pre-moderated, or when the site
 * holds a person's first contribution back (anti-spam) and this person has none published.
 */
export function initialStatus(db: Db, step: Pick<Step, 'premoderation'>, authorId: number): Extract<ContributionStatus, 'published' | 'pending'> {
  if (step.premoderation) return 'pending';
  if (!getSite(db).moderate_first_contribution) return 'published';
  const published = readSync(db).first(db.selectFrom('contributions').select('id').where('author_id', '=', authorId).where('status', '=', sql.lit('published')).limit(sql.lit(1)));
  return published ? 'published' : 'pending';
}

export type Visibility = 'show' | 'hidden' | 'none';

/**
 * What a viewer sees of a contribution: published ones, and the author's own pending or hidden
 * ones (marked so), and moderators everything: 'show'; the public sees a hidden one as "hidden
 * by moderation" with its reason: 'hidden'; pending and trashed ones do not exist: 'none'.
 */
export function visibilityOf(c: { status: ContributionStatus; author_id: number }, viewer: SessionUser | null): Visibility {
  if (c.status === 'published') return 'show';
  const official = viewer?.role === 'moderator' || viewer?.role === 'admin';
  if (c.status === 'trashed') return official ? 'show' : 'none';
  if (official || viewer?.id === c.author_id) return 'show';
  return c.status === 'hidden' ? 'hidden' : 'none';
}
