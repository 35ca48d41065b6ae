// The analysis tables of the collect step (migration 0018), merged into the platform's Schema:
// decision makers per step, analysts per proposal, their opinions, the decisions (the official
// answers), the pairs said not to be duplicates, and the proposals' `merged_into`.
import type { Generated } from 'kysely';

export type Opinion = 'favourable' | 'unfavourable';
export type Decision = 'retained' | 'not_retained';

export interface CollectDecidersTable {
  step_id: number;
  user_id: number;
}

export interface CollectAnalystsTable {
  proposal_id: number;
  user_id: number;
  step_id: number;
}

export interface CollectAnalysesTable {
  proposal_id: number;
  analyst_id: number;
  opinion: Opinion;
  comment: Generated<string>;
  /** Whole euros; null when the analyst kept the author's estimate. */
  revised_cost: number | null;
  updated_at: string;
}

export interface CollectDecisionsTable {
  proposal_id: number;
  step_id: number;
  decision: Decision;
  /** Markdown, public: the official answer. */
  reason_md: Generated<string>;
  decided_by: number | null;
  decided_at: string;
}

export interface CollectDistinctPairsTable {
  first_id: number;
  second_id: number;
  step_id: number;
}

declare module './schema.ts' {
  interface CollectProposalsTable {
    /** The proposal this one was merged into (it then leaves lists and counts); null otherwise. */
    merged_into: Generated<number | null>;
  }
}

declare module '../../db/schema.ts' {
  interface Schema {
    collect_deciders: CollectDecidersTable;
    collect_analysts: CollectAnalystsTable;
    collect_analyses: CollectAnalysesTable;
    collect_decisions: CollectDecisionsTable;
    collect_distinct_pairs: CollectDistinctPairsTable;
  }
}
