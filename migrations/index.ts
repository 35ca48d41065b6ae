// The list of migrations, in order. A static list (not a folder scan) so the esbuild bundle
// carries them. Append only: never edit or reorder a migration that has shipped.
import type { Migration } from 'kysely';
import * as m0001 from './0001_platform_core.ts';
import * as m0002 from './0002_projects_core.ts';
import * as m0003 from './0003_consultation.ts';
import * as m0004 from './0004_step_requirement_actions.ts';
import * as m0005 from './0005_debate.ts';

export const migrations: Record<string, Migration> = {
  '0001_platform_core': m0001,
  '0002_projects_core': m0002,
  '0003_consultation': m0003,
  '0004_step_requirement_actions': m0004,
  '0005_debate': m0005,
};
