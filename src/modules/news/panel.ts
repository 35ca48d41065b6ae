// The news panel on a project's page (manifest projectPanels): its latest published posts and a
// link to all of them. The project page has already checked that the viewer may see the project.
import type { ProjectPanel } from '../../platform/module.ts';
import { listProjectPosts } from './queries.ts';

export const newsPanel: ProjectPanel = {
  template: '/news/_panel',
  load(db, project, _viewer, now) {
    const { posts, hasMore } = listProjectPosts(db, project.id, now);
    return posts.length ? { news: { posts, hasMore, listUrl: `/news?project=${encodeURIComponent(project.slug)}` } } : null;
  },
};
