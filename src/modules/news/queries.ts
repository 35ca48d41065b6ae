// Reads of the news: a page of published posts (newest first, one row more than a page, no
// COUNT), one post, the feed, a project's latest posts and the projects offered as a filter.
// A post of a project this person may not see is never read: visibility is one SQL condition
// (platform projectVisibleTo), and each hot read is compiled once per shape (db/compiled.ts).
import { sql, type Compilable, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/open.ts';
import type { ProjectsTable, Schema, Visibility } from '../../db/schema.ts';
import { readSync } from '../../db/write.ts';
import { compiledQuery } from '../../db/compiled.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { projectVisibleTo, visibilityShape } from '../../platform/participation.ts';
import { FEED_SIZE, PAGE_SIZE, PANEL_SIZE } from './rules.ts';

export interface PostRow {
  id: number;
  slug: string;
  title: string;
  body_md: string;
  image_path: string | null;
  image_alt: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  project_id: number | null;
  project_slug: string | null;
  project_title: string | null;
  project_visibility: Visibility | null;
}

type Eb = ExpressionBuilder<Schema & { n: Schema['news_posts']; p: ProjectsTable }, 'n' | 'p'>;

/** A stand-in viewer of the shape's kind: projectVisibleTo reads only its role, confirmation and id. */
function viewerOf(shape: string, userId: unknown): SessionUser | null {
  if (shape === 'public') return null;
  return { id: userId, role: shape === 'admin' ? 'admin' : 'citizen', email_confirmed_at: 'yes' } as unknown as SessionUser;
}

/** Instance-wide posts, and posts of projects this viewer may see. */
const visible = (eb: Eb, viewer: SessionUser | null): Expression<SqlBool> => eb.or([eb('n.project_id', 'is', null), projectVisibleTo(eb, viewer)]);

function postsFrom(db: Db) {
  return db
    .selectFrom('news_posts as n')
    .leftJoin('projects as p', 'p.id', 'n.project_id')
    .select(['n.id', 'n.slug', 'n.title', 'n.body_md', 'n.image_path', 'n.image_alt', 'n.published_at', 'n.created_at', 'n.updated_at', 'n.project_id', 'p.slug as project_slug', 'p.title as project_title', 'p.visibility as project_visibility']);
}

type ListValues = { now: string; userId: number; projectId: number; offset: number };

// Shape: the viewer's kind (admin, public, member) and whether a project is chosen.
const listQuery = compiledQuery<ListValues, PostRow>((db, p, shape) => {
  const [viewer, filtered] = shape.split('|');
  return postsFrom(db)
    .where('n.published_at', '<=', p.now)
    .where((eb) => visible(eb as unknown as Eb, viewerOf(viewer!, p.userId)))
    .$if(filtered === 'project', (q) => q.where('n.project_id', '=', p.projectId))
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(sql.lit(PAGE_SIZE + 1))
    .offset(p.offset) as unknown as Compilable<PostRow>;
});

/** One page of the published posts this person may see, newest first, and whether more follow. */
export function listPublishedPosts(db: Db, o: { user: SessionUser | null; projectId: number | null; page: number; now?: Date }): { posts: PostRow[]; hasNext: boolean } {
  const shape = `${visibilityShape(o.user)}|${o.projectId === null ? 'all' : 'project'}`;
  const values = { now: (o.now ?? new Date()).toISOString(), userId: o.user?.id ?? 0, projectId: o.projectId ?? 0, offset: (o.page - 1) * PAGE_SIZE };
  const rows = readSync(db).all(listQuery(db, shape, values));
  return { posts: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

// The feed is the same for everyone (feed readers carry no session): what an anonymous visitor sees.
const feedQuery = compiledQuery<{ now: string }, PostRow>((db, p) =>
  postsFrom(db)
    .where('n.published_at', '<=', p.now)
    .where((eb) => visible(eb as unknown as Eb, null))
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(sql.lit(FEED_SIZE)) as unknown as Compilable<PostRow>,
);

export function listFeedPosts(db: Db, now = new Date()): PostRow[] {
  return readSync(db).all(feedQuery(db, '', { now: now.toISOString() }));
}

// The project page has checked that the viewer may see the project.
const panelQuery = compiledQuery<{ now: string; projectId: number }, PostRow>((db, p) =>
  postsFrom(db)
    .where('n.project_id', '=', p.projectId)
    .where('n.published_at', '<=', p.now)
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(sql.lit(PANEL_SIZE + 1)) as unknown as Compilable<PostRow>,
);

/** A project's latest published posts, and whether it has more. */
export function listProjectPosts(db: Db, projectId: number, now = new Date()): { posts: PostRow[]; hasMore: boolean } {
  const rows = readSync(db).all(panelQuery(db, '', { now: now.toISOString(), projectId }));
  return { posts: rows.slice(0, PANEL_SIZE), hasMore: rows.length > PANEL_SIZE };
}

/** The publication date of the next scheduled post, or undefined: the list is not kept in the
 * page cache when that date is nearer than the cache's lifetime, so the post shows on time. */
export function nextScheduledAt(db: Db, now = new Date()): string | undefined {
  return readSync(db).first(nextQuery(db, '', { now: now.toISOString() }))?.published_at ?? undefined;
}
const nextQuery = compiledQuery<{ now: string }, { published_at: string | null }>((db, p) =>
  db.selectFrom('news_posts').select('published_at').where('published_at', '>', p.now).orderBy('published_at').limit(sql.lit(1)) as unknown as Compilable<{ published_at: string | null }>,
);

/** A post by its slug, whatever its date (the caller decides who may read a draft). */
export function findPostBySlug(db: Db, slug: string): PostRow | undefined {
  return readSync(db).first(slugQuery(db, '', { slug }));
}
const slugQuery = compiledQuery<{ slug: string }, PostRow>((db, p) => postsFrom(db).where('n.slug', '=', p.slug) as unknown as Compilable<PostRow>);

export function findPostById(db: Db, id: number): PostRow | undefined {
  return readSync(db).first(postsFrom(db).where('n.id', '=', id));
}

/** The projects this person may see that have published posts: the list's filter. */
export function listNewsProjects(db: Db, user: SessionUser | null, now = new Date()): { id: number; slug: string; title: string }[] {
  return readSync(db).all(
    db
      .selectFrom('projects as p')
      .select(['p.id', 'p.slug', 'p.title'])
      .where((eb) => eb.exists(eb.selectFrom('news_posts as n').select('n.id').whereRef('n.project_id', '=', 'p.id').where('n.published_at', '<=', now.toISOString())))
      .where((eb) => projectVisibleTo(eb, user))
      .orderBy('p.title'),
  );
}

/** A project by its slug, with what canSeeProject needs. */
export function findProject(db: Db, slug: string): { id: number; slug: string; title: string; visibility: Visibility } | undefined {
  return readSync(db).first(db.selectFrom('projects').select(['id', 'slug', 'title', 'visibility']).where('slug', '=', slug));
}

// ---- Administration ----

/** Every post, drafts first, then newest first; one page and whether more follow. */
export function listAllPosts(db: Db, page: number, size: number): { posts: PostRow[]; hasNext: boolean } {
  const rows = readSync(db).all(
    postsFrom(db)
      .orderBy(sql`n.published_at is null`, 'desc')
      .orderBy('n.published_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(sql.lit(size + 1))
      .offset((page - 1) * size),
  );
  return { posts: rows.slice(0, size), hasNext: rows.length > size };
}

/** Content-hash names: two posts may share one file; it is deleted only when nobody uses it. */
export function imageInUse(db: Db, path: string): boolean {
  return !!readSync(db).first(db.selectFrom('news_posts').select('id').where('image_path', '=', path).limit(sql.lit(1)));
}
