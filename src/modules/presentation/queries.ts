// The one query of the presentation step: the step with what the page needs of its project.
import type { Db } from '../../db/open.ts';
import { readSync } from '../../db/write.ts';

/** The step if it is a presentation step (a step of another type is not ours to show). */
export function findPresentationStep(db: Db, stepId: number) {
  return readSync(db).first(
    db
      .selectFrom('steps')
      .innerJoin('projects', 'projects.id', 'steps.project_id')
      .selectAll('steps')
      .select(['projects.slug as project_slug', 'projects.title as project_title', 'projects.visibility as project_visibility'])
      .where('steps.id', '=', stepId)
      .where('steps.type', '=', 'presentation'),
  );
}
