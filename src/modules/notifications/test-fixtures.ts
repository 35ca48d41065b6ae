// Test fixtures of the notifications, on top of test/helpers/factories.ts: a project with an open
// consultation step and one published opinion, with its page when asked (rows written straight
// to the database, so nothing here imports that module) and notifications written in bulk.
import { makeProject, makeStep } from '../../../test/helpers/factories.ts';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import type { ContributionStatus, Visibility } from '../../db/schema.ts';
import { notify, type NotificationEvent } from '../../platform/notifications.ts';

let n = 0;

export interface Place {
  projectId: number;
  projectSlug: string;
  stepId: number;
  contributionId: number;
}

/** A project (public unless told) with an open consultation step and one opinion by `authorId`. */
export function makePlace(db: Db, authorId: number, o: { visibility?: Visibility; status?: ContributionStatus; type?: string } = {}): Place {
  n += 1;
  const projectSlug = `suivi-${n}-${process.pid}`;
  const projectId = makeProject(db, { slug: projectSlug, title: `Projet suivi ${n}`, visibility: o.visibility ?? 'public' });
  const stepId = makeStep(db, projectId, { type: o.type ?? 'consultation', title: `Étape suivie ${n}` });
  const contributionId = Number(
    db.sqlite
      .prepare("insert into contributions (step_id, author_id, parent_id, kind, status, title, body_md, created_at) values (?, ?, null, 'opinion', ?, ?, 'Un texte.', ?)")
      .run(stepId, authorId, o.status ?? 'published', `Un avis ${n}`, new Date().toISOString()).lastInsertRowid,
  );
  return { projectId, projectSlug, stepId, contributionId };
}

/** As makePlace, with the consultation's own rows (a section, the item), so the opinion has its page. */
export function makeItemPlace(db: Db, authorId: number, o: { visibility?: Visibility; status?: ContributionStatus } = {}): Place {
  const place = makePlace(db, authorId, o);
  const sectionId = Number(db.sqlite.prepare("insert into consultation_sections (step_id, parent_id, title) values (?, null, 'Chapitre suivi')").run(place.stepId).lastInsertRowid);
  db.sqlite
    .prepare("insert into consultation_items (contribution_id, section_id, kind, type_id, proposed_text, published, created_at) values (?, ?, 'opinion', null, null, ?, ?)")
    .run(place.contributionId, sectionId, (o.status ?? 'published') === 'published' ? 1 : 0, new Date().toISOString());
  return place;
}

/** A new contribution in the place, told to the followers of its step and project (as a module's write would). */
export function tellNewContribution(db: Db, place: Place, actorId: number, now?: string): number {
  const e: NotificationEvent = {
    kind: 'new_contribution',
    actorId,
    projectId: place.projectId,
    stepId: place.stepId,
    contributionId: place.contributionId,
    followersOf: [{ kind: 'step', id: place.stepId }, { kind: 'project', id: place.projectId }],
  };
  return write(db, (tx) => notify(db, tx, e, now));
}

/** `count` notifications for the person about the place, oldest first, and their unread counter (one transaction). */
export function addNotifications(db: Db, userId: number, place: Place, count: number): void {
  const insert = db.sqlite.prepare("insert into notifications (user_id, kind, project_id, step_id, contribution_id, actor_id, created_at, emailed) values (?, 'new_contribution', ?, ?, ?, null, ?, 1)");
  db.sqlite.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(userId, place.projectId, place.stepId, place.contributionId, new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString());
    db.sqlite.prepare('update users set unread_notifications = unread_notifications + ? where id = ?').run(count, userId);
  })();
}
