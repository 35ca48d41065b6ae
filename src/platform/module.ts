// The manifest every module exports (DESIGN: modules and their manifest). Fields are added only
// when a second module needs them.
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Messages } from './i18n.ts';
import type { Db } from '../db/open.ts';
import type { Tx } from '../db/write.ts';
import type { SessionUser } from './sessions.ts';
import type { Step } from './participation.ts';
import type { ContributionStatus } from '../db/schema.ts';

export interface DemoContext {
  db: Db;
  log: (line: string) => void;
}

/**
 * A step setting a module declares: stored as JSON on the step, validated against this. With
 * `fixedOnceOpen`, the step form no longer changes it once the step has opened (who may vote in
 * a votation: changing it mid-vote would change the electorate).
 */
export type SettingDecl = (
  | { type: 'boolean'; default: boolean; labelKey: string }
  | { type: 'integer'; default: number; min?: number; max?: number; labelKey: string }
  | { type: 'string'; default: string; max: number; labelKey: string }
  | { type: 'enum'; default: string; options: readonly string[]; labelKey: string }
) & { fixedOnceOpen?: boolean };

/** What a module that provides a kind of project step declares. Steps of type `slug` are
 * served by the module at `/<slug>/<step id>`. */
export interface StepType {
  settings?: Record<string, SettingDecl>;
  /** The verbs of participation the gate checks (platform/gate.ts), each with its label: an
   * administrator sets a step's requirements per action (a postal code to vote, not to comment). */
  actions?: Record<string, { labelKey: string }>;
  /** The module's own admin page for a step (e.g. a consultation's sections), if any. */
  adminPath?: (stepId: number) => string;
  /**
   * True when the step's results are what stands at its close (a consultation's final votes): the
   * notifications module then announces them when the step closes. Steps whose results an
   * administrator writes (a debate's conclusion) call announceResults themselves instead.
   */
  resultsAtClose?: boolean;
}

/**
 * A panel a module adds to a project's page (its news, its events...): `load` returns the
 * template's data, or null to show nothing; the page renders `template` with it.partial.
 */
export interface ProjectPanel {
  template: string;
  load(db: Db, project: { id: number; slug: string }, viewer: SessionUser | null, now: Date): object | null;
}

/** Work a module does on a timer (digests, reminders): `run` gets the app, every `everyMs`. */
export interface Job {
  name: string;
  everyMs: number;
  run(app: FastifyInstance): Promise<void> | void;
}

/** A kind of contribution a module writes: its name, and its permalink for profiles, exports,
 * notifications and moderation. */
export interface ContributionKind {
  labelKey: string;
  permalink(c: { id: number; step_id: number; parent_id: number | null }): string;
  /** Whether contributions of this kind take comments in this step (e.g. a step setting). */
  comments?: (step: Step) => boolean;
  /**
   * Inside moderation's transaction, after the core row's status changed: the module moves its
   * own copies and counters (a published flag, a section's count...), so lists and counts never
   * include what is hidden, pending or trashed.
   */
  onStatusChange?: (db: Db, tx: Tx, c: ContributionRef, from: ContributionStatus, to: ContributionStatus) => void;
}

/** What moderation knows of a contribution when it tells its module. */
export interface ContributionRef {
  id: number;
  step_id: number;
  parent_id: number | null;
  author_id: number;
  kind: string;
}

/** A link on the back-office dashboard: a module lists its admin pages there. */
export interface AdminLink {
  href: string;
  labelKey: string;
}

/**
 * What a module stores about a person (DESIGN: every module declares it), read by the account's
 * export and erasure (src/platform/personal-data.ts).
 */
export interface PersonalData {
  /** Its tables holding rows about a person (every one that references users). */
  tables: readonly string[];
  /** The person's rows, as plain JSON-able values, by section name. */
  export(db: Db, userId: number): Record<string, unknown>;
  /** Deletes or empties, inside the erasure's transaction, what would identify the person or
   * tie their contributions together; rows kept for public counts may stay. */
  erase?(db: Db, tx: Tx, userId: number): void;
}

export interface Manifest {
  slug: string;
  /** Catalogue key of the module's name. */
  titleKey: string;
  /** The module's Fastify plugin; its hooks stay inside it. */
  routes: FastifyPluginAsync;
  /** URL prefix of its routes; '' for site areas mounted at the root. */
  prefix?: string;
  messages: Messages;
  /** Its pages on the back-office dashboard, in this order. */
  adminLinks?: AdminLink[];
  /** Present when the module provides a kind of project step. */
  step?: StepType;
  /** Its timed work, started with the server (never in tests unless they call `run`). */
  jobs?: Job[];
  /** Panels on project pages, in module order. */
  projectPanels?: ProjectPanel[];
  /** The kinds of contributions it writes (the `kind` column of the contributions core). A
   * step module's kinds are found by the step's type; a module that provides no step type (the
   * comments) owns its kinds in any step. */
  contributions?: Record<string, ContributionKind>;
  /** Present when the module stores anything about a person. */
  personalData?: PersonalData;
  /** Demo content for `palabre demo`. */
  seed?: (ctx: DemoContext) => Promise<void> | void;
}
