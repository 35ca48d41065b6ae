// The consultation's tables, keeping the column names. Declaration merging adds them to the
// platform's Schema (src/db/schema.ts), so Kysely knows them and src/db/ names no module.
import type { Generated } from 'kysely';

export type VoteValue = 'agree' | 'mitigated' | 'disagree';
export type ConsultationSort = 'newest' | 'oldest' | 'votes' | 'agreed' | 'controversial' | 'random';

export interface ConsultationContributionTypesTable {
  id: Generated<number>;
  step_id: number;
  name: string;
  colour: string;
  position: Generated<number>;
}

export interface ConsultationSectionsTable {
  id: Generated<number>;
  step_id: number;
  parent_id: number | null;
  position: Generated<number>;
  title: string;
  body_md: Generated<string>;
  allow_amendments: Generated<number>;
  allow_arguments: Generated<number>;
  allow_sources: Generated<number>;
  allow_votes: Generated<number>;
  default_sort: Generated<ConsultationSort>;
  contributions_count: Generated<number>;
  amendments_count: Generated<number>;
  votes_agree: Generated<number>;
  votes_mitigated: Generated<number>;
  votes_disagree: Generated<number>;
}

export interface ConsultationSectionTypesTable {
  section_id: number;
  type_id: number;
}

export interface ConsultationItemsTable {
  contribution_id: number;
  section_id: number;
  kind: 'opinion' | 'amendment';
  type_id: number | null;
  proposed_text: string | null;
  published: Generated<number>;
  created_at: string;
  votes_agree: Generated<number>;
  votes_mitigated: Generated<number>;
  votes_disagree: Generated<number>;
  votes_total: Generated<number>;
  controversy: Generated<number>;
  arguments_for: Generated<number>;
  arguments_against: Generated<number>;
  sources_count: Generated<number>;
}

export interface ConsultationArgumentsTable {
  contribution_id: number;
  item_id: number;
  side: 'for' | 'against';
  useful_count: Generated<number>;
}

export interface ConsultationSourcesTable {
  contribution_id: number;
  item_id: number;
  url: string;
  category: string;
}

export interface ConsultationSectionVotesTable {
  section_id: number;
  user_id: number;
  value: VoteValue;
  created_at: string;
}

export interface ConsultationItemVotesTable {
  item_id: number;
  user_id: number;
  value: VoteValue;
  created_at: string;
}

export interface ConsultationUsefulMarksTable {
  argument_id: number;
  user_id: number;
  created_at: string;
}

declare module '../../db/schema.ts' {
  interface Schema {
    consultation_contribution_types: ConsultationContributionTypesTable;
    consultation_sections: ConsultationSectionsTable;
    consultation_section_types: ConsultationSectionTypesTable;
    consultation_items: ConsultationItemsTable;
    consultation_arguments: ConsultationArgumentsTable;
    consultation_sources: ConsultationSourcesTable;
    consultation_section_votes: ConsultationSectionVotesTable;
    consultation_item_votes: ConsultationItemVotesTable;
    consultation_useful_marks: ConsultationUsefulMarksTable;
  }
}
