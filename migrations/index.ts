// The list of migrations, in order. A static list (not a folder scan) so the esbuild bundle
// carries them. Append only: never edit or reorder a migration that has shipped.
import type { Migration } from 'kysely';
import * as m0001 from './0001_platform_core.ts';
import * as m0002 from './0002_projects_core.ts';
import * as m0003 from './0003_consultation.ts';
import * as m0004 from './0004_step_requirement_actions.ts';
import * as m0005 from './0005_debate.ts';
import * as m0006 from './0006_community_core.ts';
import * as m0007 from './0007_comments.ts';
import * as m0008 from './0008_moderation.ts';
import * as m0009 from './0009_news.ts';
import * as m0010 from './0010_events.ts';
import * as m0011 from './0011_site_pages.ts';
import * as m0012 from './0012_notifications.ts';
import * as m0013 from './0013_campaigns.ts';
import * as m0014 from './0014_questionnaire.ts';
import * as m0015 from './0015_votation.ts';
import * as m0016 from './0016_collect.ts';
import * as m0017 from './0017_mail_secret.ts';
import * as m0018 from './0018_collect_analysis.ts';
import * as m0019 from './0019_selection.ts';
import * as m0020 from './0020_collect_media.ts';
import * as m0021 from './0021_selection_results.ts';
import * as m0022 from './0022_proposal_shuffle.ts';
import * as m0023 from './0023_selection_results_log.ts';
import * as m0024 from './0024_questionnaire_responses_person.ts';
import * as m0025 from './0025_collect_list_filters.ts';
import * as m0026 from './0026_selection_list_filters.ts';

export const migrations: Record<string, Migration> = {
  '0001_platform_core': m0001,
  '0002_projects_core': m0002,
  '0003_consultation': m0003,
  '0004_step_requirement_actions': m0004,
  '0005_debate': m0005,
  '0006_community_core': m0006,
  '0007_comments': m0007,
  '0008_moderation': m0008,
  '0009_news': m0009,
  '0010_events': m0010,
  '0011_site_pages': m0011,
  '0012_notifications': m0012,
  '0013_campaigns': m0013,
  '0014_questionnaire': m0014,
  '0015_votation': m0015,
  '0016_collect': m0016,
  '0017_mail_secret': m0017,
  '0018_collect_analysis': m0018,
  '0019_selection': m0019,
  '0020_collect_media': m0020,
  '0021_selection_results': m0021,
  '0022_proposal_shuffle': m0022,
  '0023_selection_results_log': m0023,
  '0024_questionnaire_responses_person': m0024,
  '0025_collect_list_filters': m0025,
  '0026_selection_list_filters': m0026,
};
