// Pure rules of the consultation: input limits, sorts and pages of lists, vote deltas and
// tallies, the section tree, the swatch colours of contribution types.
import { HEX_COLOUR, contrastRatio } from '../../platform/colour.ts';
import type { ConsultationSort, VoteValue } from './schema.ts';
import type { SettingDecl } from '../../platform/module.ts';
import type { Step } from '../../platform/participation.ts';
import { settingsWithDefaults } from '../../platform/step-settings.ts';

/** Step settings (the step form shows them): whether opinions and amendments take comments. */
export const SETTINGS = {
  comments: { type: 'boolean', default: true, labelKey: 'consultation.settings.comments' },
} satisfies Record<string, SettingDecl>;

export const commentsOn = (step: Pick<Step, 'settings'>) => settingsWithDefaults(SETTINGS, step.settings).comments === true;

export const TITLE_MAX = 150;
export const BODY_MAX = 10000;
export const TYPE_NAME_MAX = 50;
export const SECTION_TITLE_MAX = 200;
export const SECTION_BODY_MAX = 50000;
export const URL_MAX = 2000;
export const PAGE_SIZE = 20;
/** Pages beyond this are not served: deep OFFSETs cost a scan and nobody reads page 5000. */
export const PAGE_MAX = 5000;

export const SORTS = ['newest', 'oldest', 'votes', 'agreed', 'controversial', 'random'] as const satisfies readonly ConsultationSort[];
export const KINDS = ['opinion', 'amendment'] as const;
export type ItemKind = (typeof KINDS)[number];
export const VOTE_VALUES = ['agree', 'mitigated', 'disagree'] as const satisfies readonly VoteValue[];
export type VoteChoice = VoteValue | 'withdraw';

export function parseSort(value: unknown, fallback: ConsultationSort): ConsultationSort {
  return (SORTS as readonly string[]).includes(value as string) ? (value as ConsultationSort) : fallback;
}

export function parseKind(value: unknown): ItemKind {
  return value === 'amendment' ? 'amendment' : 'opinion';
}

/** 1-based page number; anything unreadable is page 1, anything too deep is the last allowed. */
export function parsePage(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.min(Math.max(n, 1), PAGE_MAX);
}

export function parseVoteChoice(value: unknown): VoteChoice | null {
  return value === 'withdraw' || (VOTE_VALUES as readonly string[]).includes(value as string) ? (value as VoteChoice) : null;
}

/** Seed of the random sort: kept in a session cookie so the order is stable during a visit. */
export const SEED_MODULUS = 2147483647;
export function parseSeed(value: unknown): number | null {
  const n = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : 0;
  return n >= 1 && n < SEED_MODULUS ? n : null;
}
export function newSeed(random = Math.random): number {
  return 1 + Math.floor(random() * (SEED_MODULUS - 2));
}

/**
 * The random sort key of an item for a seed: a 32-bit integer hash (MurmurHash3's finaliser)
 * of id and seed. Arithmetic shuffles (id × seed mod p) keep neighbouring ids in order for some
 * seeds; a hash does not.
 */
export function randomKey(id: number, seed: number): number {
  let h = (Math.imul(id, 0x9e3779b1) ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export interface VoteDelta {
  agree: number;
  mitigated: number;
  disagree: number;
  total: number;
}

/** What a change of vote does to the counters: from `before` (none: null) to `after`. */
export function voteDelta(before: VoteValue | null, after: VoteValue | null): VoteDelta {
  const d: VoteDelta = { agree: 0, mitigated: 0, disagree: 0, total: 0 };
  if (before === after) return d;
  if (before) {
    d[before] -= 1;
    d.total -= 1;
  }
  if (after) {
    d[after] += 1;
    d.total += 1;
  }
  return d;
}

/** High when many people vote and split evenly between agree and disagree. */
export function controversy(agree: number, disagree: number): number {
  return 2 * Math.min(agree, disagree);
}

/** What views/consultation/_vote.eta shows: built here for every page and for the htmx answer of a vote. */
export interface VoteWidget {
  id: string;
  action: string;
  /** Where a vote without JavaScript comes back to. */
  back: string;
  label: string;
  tally: Tally;
  mine: VoteValue | null;
  canVote: boolean;
}

export function voteWidget(
  stepId: number,
  target: { kind: 'section' | 'item'; id: number },
  o: { label: string; counts: { votes_agree: number; votes_mitigated: number; votes_disagree: number }; mine: VoteValue | null; canVote: boolean; back: string },
): VoteWidget {
  const path = `/consultation/${stepId}/${target.kind === 'item' ? 'items' : 'sections'}/${target.id}`;
  const c = o.counts;
  return { id: `vote-${target.kind}-${target.id}`, action: `${path}/vote`, back: o.back, label: o.label, tally: tally(c.votes_agree, c.votes_mitigated, c.votes_disagree), mine: o.mine, canVote: o.canVote };
}

export interface Tally {
  agree: number;
  mitigated: number;
  disagree: number;
  total: number;
  /** Rounded percentages for the legend and the bar's SVG segment widths (width="40%"). */
  pct: { agree: number; mitigated: number; disagree: number };
}

export function tally(agree: number, mitigated: number, disagree: number): Tally {
  const total = agree + mitigated + disagree;
  const pc = (n: number) => (total === 0 ? 0 : Math.round((100 * n) / total));
  return { agree, mitigated, disagree, total, pct: { agree: pc(agree), mitigated: pc(mitigated), disagree: pc(disagree) } };
}

/** Only complete http(s) addresses: no javascript:, data:, relative or protocol-relative links. */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Non-text contrast (WCAG 1.4.11): a swatch border must reach 3:1 against the white page. */
export function swatchColourOk(hex: string): boolean {
  return HEX_COLOUR.test(hex) && contrastRatio(hex, '#ffffff') >= 3;
}

export interface TreeNode<T> {
  section: T;
  depth: number;
  children: TreeNode<T>[];
}

/** The section tree from a flat list ordered by position; orphans (should not exist) become roots. */
export function buildTree<T extends { id: number; parent_id: number | null; position: number }>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const s of rows) nodes.set(s.id, { section: s, depth: 0, children: [] });
  const roots: TreeNode<T>[] = [];
  const sorted = [...rows].sort((a, b) => a.position - b.position || a.id - b.id);
  for (const s of sorted) {
    const node = nodes.get(s.id)!;
    const parent = s.parent_id === null ? undefined : nodes.get(s.parent_id);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (list: TreeNode<T>[], depth: number) => {
    for (const n of list) {
      n.depth = depth;
      setDepth(n.children, depth + 1);
    }
  };
  setDepth(roots, 0);
  return roots;
}

/** The tree flattened in reading order (for selects and admin tables). */
export function flattenTree<T>(roots: readonly TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const walk = (list: readonly TreeNode<T>[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

/** Ids of a section and all its descendants. */
export function subtreeIds<T extends { id: number; parent_id: number | null }>(rows: readonly T[], rootId: number): number[] {
  const ids = [rootId];
  for (let i = 0; i < ids.length; i++) for (const r of rows) if (r.parent_id === ids[i]) ids.push(r.id);
  return ids;
}

/** The chain of ancestors of a section, root first, the section itself last. */
export function ancestry<T extends { id: number; parent_id: number | null }>(rows: readonly T[], id: number): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain: T[] = [];
  let cur = byId.get(id);
  while (cur && chain.length <= rows.length) {
    chain.unshift(cur);
    cur = cur.parent_id === null ? undefined : byId.get(cur.parent_id);
  }
  return chain;
}
