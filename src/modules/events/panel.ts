// The events panel on a project's page (manifest projectPanels): its next events and a link to
// all of them. The project page has already checked that the viewer may see the project.
import type { ProjectPanel } from '../../platform/module.ts';
import { listProjectEvents } from './queries.ts';

export const eventsPanel: ProjectPanel = {
  template: '/events/_panel',
  load(db, project, _viewer, now) {
    const { events, hasMore } = listProjectEvents(db, project.id, now);
    return events.length ? { events: { events, hasMore, listUrl: `/events?project=${encodeURIComponent(project.slug)}` } } : null;
  },
};
