// Who may see a project and who may take part in a step: visibility, the step's state from the
// clock, and its participation requirements per action. The gate (gate.ts) checks these on the
// server before any participating action, and pages show what is missing
// (views/partials/requirements.eta).
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import { readSync } from '../db/write.ts';
import type { ProjectsTable, Schema, StepsTable } from '../db/schema.ts';
import type { SessionUser } from './sessions.ts';
import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool } from 'kysely';

export type Project = Selectable<ProjectsTable>;
export type Step = Selectable<StepsTable>;
export type StepState = 'upcoming' | 'open' | 'closed';

/** Open between starts_at (inclusive) and ends_at (exclusive); dates are stored in UTC. */
export function stepState(step: Pick<Step, 'starts_at' | 'ends_at'>, now = new Date()): StepState {
  const iso = now.toISOString();
  if (step.starts_at && iso < step.starts_at) return 'upcoming';
  if (step.ends_at && iso >= step.ends_at) return 'closed';
  return 'open';
}

/**
 * Draft: administrators only; restricted: administrators and members of the project's groups
 * whose email is confirmed (an administrator may type an address nobody has proven to own).
 */
export function canSeeProject(db: Db, user: SessionUser | null, project: Pick<Project, 'id' | 'visibility'>): boolean {
  if (user?.role === 'admin') return true;
  if (project.visibility === 'public') return true;
  if (project.visibility === 'draft' || !user?.email_confirmed_at) return false;
  return !!readSync(db).first(
    db
      .selectFrom('project_groups')
      .innerJoin('user_group_members', 'user_group_members.group_id', 'project_groups.group_id')
      .select('project_groups.project_id')
      .where('project_groups.project_id', '=', project.id)
      .where('user_group_members.user_id', '=', user.id)
      .limit(sql.lit(1)),
  );
}

/** What a step may ask of a participant, beyond an account with a confirmed email. */
export const REQUIREMENTS = ['postal_code', 'district', 'checkbox'] as const;
export type Requirement = (typeof REQUIREMENTS)[number];
/** What a person still lacks to take part in a step, as catalogue-keyed codes. */
export type Missing = 'account' | 'confirmed_email' | Requirement;

/** requirement_actions as stored: a requirement → the actions it is limited to. */
export function requirementActions(step: Pick<Step, 'requirement_actions'>): Partial<Record<Requirement, string[]>> {
  try {
    const parsed: unknown = JSON.parse(step.requirement_actions);
    return parsed && typeof parsed === 'object' ? (parsed as Partial<Record<Requirement, string[]>>) : {};
  } catch {
    return {};
  }
}

/**
 * What the step asks for `action` (a module's verb: vote, contribute...): a requirement applies
 * to the actions listed for it, or to all of them when none is. Without an action, everything
 * the step asks for (the requirements page completes it all at once).
 */
export function stepRequirements(step: Step, action?: string): Requirement[] {
  const asked: Requirement[] = [];
  if (step.require_postal_code) asked.push('postal_code');
  if (step.require_district) asked.push('district');
  if (step.require_checkbox_label) asked.push('checkbox');
  if (action === undefined) return asked;
  const limited = requirementActions(step);
  return asked.filter((r) => !limited[r]?.length || limited[r].includes(action));
}

export function missingRequirements(db: Db, user: SessionUser | null, step: Step, action?: string): Missing[] {
  if (!user) return ['account'];
  const missing: Missing[] = [];
  if (!user.email_confirmed_at) missing.push('confirmed_email');
  const asked = stepRequirements(step, action);
  if (asked.includes('postal_code') || asked.includes('district')) {
    const row = readSync(db).first(db.selectFrom('users').select(['postal_code', 'district_id']).where('id', '=', user.id));
    if (asked.includes('postal_code') && !row?.postal_code) missing.push('postal_code');
    if (asked.includes('district') && !row?.district_id) missing.push('district');
  }
  if (asked.includes('checkbox')) {
    const accepted = readSync(db).first(db.selectFrom('step_checkbox_acceptances').select('user_id').where('step_id', '=', step.id).where('user_id', '=', user.id));
    if (!accepted) missing.push('checkbox');
  }
  return missing;
}

/**
 * Inside a participating write: counts the person once per project and adds to the project's
 * and the step's counters. `contributions` and `votes` are the deltas of this write.
 */
export function recordParticipation(db: Db, tx: Tx, step: Pick<Step, 'id' | 'project_id'>, userId: number, delta: { contributions?: number; votes?: number }): void {
  const added = tx.run(db.insertInto('project_participants').values({ project_id: step.project_id, user_id: userId }).onConflict((oc) => oc.doNothing())).changes;
  const c = delta.contributions ?? 0;
  const v = delta.votes ?? 0;
  tx.run(
    db
      .updateTable('projects')
      .set((eb) => ({
        participants_count: eb('participants_count', '+', added),
        contributions_count: eb('contributions_count', '+', c),
        votes_count: eb('votes_count', '+', v),
      }))
      .where('id', '=', step.project_id),
  );
  if (c !== 0 || v !== 0) {
    tx.run(
      db
        .updateTable('steps')
        .set((eb) => ({ contributions_count: eb('contributions_count', '+', c), votes_count: eb('votes_count', '+', v) }))
        .where('id', '=', step.id),
    );
  }
}

/** Which SQL projectVisibleTo writes for this person: part of the shape of a compiled query. */
export function visibilityShape(user: SessionUser | null): 'admin' | 'public' | 'member' {
  return user?.role === 'admin' ? 'admin' : !user?.email_confirmed_at ? 'public' : 'member';
}

/**
 * canSeeProject for lists, as one SQL condition on the projects table aliased `p` (no query per
 * row): public projects; restricted ones through a group the user belongs to; all for admins.
 * Its SQL depends on visibilityShape(user) alone (the user's id is a value).
 */
export function projectVisibleTo<DB extends Schema & { p: ProjectsTable }, TB extends keyof DB & string>(
  eb: ExpressionBuilder<DB, TB>,
  user: SessionUser | null,
): Expression<SqlBool> {
  // Typed against the projects alias alone; the caller's query may join more tables.
  const e = eb as unknown as ExpressionBuilder<Schema & { p: ProjectsTable }, 'p'>;
  const shape = visibilityShape(user);
  if (shape === 'admin') return e.lit(true);
  if (shape === 'public' || !user) return e('p.visibility', '=', 'public');
  return e.or([
    e('p.visibility', '=', 'public'),
    e.and([
      e('p.visibility', '=', 'restricted'),
      e.exists(
        e
          .selectFrom('project_groups as pg')
          .innerJoin('user_group_members as m', 'm.group_id', 'pg.group_id')
          .select('pg.project_id')
          .whereRef('pg.project_id', '=', 'p.id')
          .where('m.user_id', '=', user.id),
      ),
    ]),
  ]);
}
