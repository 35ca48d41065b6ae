// Reminders, run every minute: when a step's start passes, everyone who took part in its
// project and the followers of the step and of the project are told it opened; when a step
// whose results are what stands at its close (manifest `resultsAtClose`, e.g. a consultation)
// closes, they are told its results are out. Each step is marked in the same write as its
// notifications, so running twice tells nobody twice. Drafts wait until they are published;
// what happened more than ANNOUNCE_WITHIN_MS ago (the server was down, the instance was just
// upgraded) is old news: marked, not announced.
import { write } from '../../db/write.ts';
import { announceResults, notify } from '../../platform/notifications.ts';
import type { JobApp } from './emails.ts';
import { ANNOUNCE_WITHIN_MS } from './rules.ts';

interface Due {
  id: number;
  project_id: number;
  at: string;
  visibility: string;
}

export function announceSteps(app: Pick<JobApp, 'db' | 'manifests'>, now = new Date()): { opened: number; results: number } {
  const db = app.db;
  const iso = now.toISOString();
  const stale = new Date(now.getTime() - ANNOUNCE_WITHIN_MS).toISOString();
  const atClose = app.manifests.filter((m) => m.step?.resultsAtClose).map((m) => m.slug);
  return write(db, (tx) => {
    const opening = tx.all(
      db
        .selectFrom('steps as s')
        .innerJoin('projects as p', 'p.id', 's.project_id')
        .select(['s.id', 's.project_id', 's.starts_at as at', 'p.visibility'])
        .where('s.opening_announced_at', 'is', null)
        .where('s.starts_at', 'is not', null)
        .where('s.starts_at', '<=', iso)
        // Already closed again: nobody can take part any more, nothing to announce.
        .where((eb) => eb.or([eb('s.ends_at', 'is', null), eb('s.ends_at', '>', iso)])),
    ) as Due[];
    let opened = 0;
    for (const s of opening) {
      if (s.visibility === 'draft' && s.at >= stale) continue;
      const marked = tx.run(db.updateTable('steps').set({ opening_announced_at: iso }).where('id', '=', s.id).where('opening_announced_at', 'is', null)).changes;
      if (!marked || s.at < stale || s.visibility === 'draft') continue;
      notify(db, tx, { kind: 'step_open', actorId: null, projectId: s.project_id, stepId: s.id, contributionId: null, followersOf: [{ kind: 'step', id: s.id }, { kind: 'project', id: s.project_id }], participantsOf: s.project_id }, iso);
      opened++;
    }
    let results = 0;
    if (atClose.length) {
      const closing = tx.all(
        db
          .selectFrom('steps as s')
          .innerJoin('projects as p', 'p.id', 's.project_id')
          .select(['s.id', 's.project_id', 's.ends_at as at', 'p.visibility'])
          .where('s.type', 'in', atClose)
          .where('s.results_announced_at', 'is', null)
          .where('s.ends_at', 'is not', null)
          .where('s.ends_at', '<=', iso),
      ) as Due[];
      for (const s of closing) {
        if (s.visibility === 'draft' && s.at >= stale) continue;
        if (s.at < stale || s.visibility === 'draft') tx.run(db.updateTable('steps').set({ results_announced_at: iso }).where('id', '=', s.id));
        else {
          announceResults(db, tx, s.id, iso);
          results++;
        }
      }
    }
    return { opened, results };
    // Nothing a public page shows changes here: the page cache stays.
  }, { quiet: true });
}
