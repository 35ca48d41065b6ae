// GET /news/feed.atom: the latest published posts as an Atom 1.0 feed (RFC 4287) with absolute
// links from BASE_URL. The same for everyone, as an anonymous visitor sees the news: feed readers
// carry no session, and a feed copied around must not hold a restricted project's posts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getSite } from '../../platform/site.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { listFeedPosts, type PostRow } from './queries.ts';

/** Text for XML: the five special characters escaped, characters XML 1.0 forbids dropped. */
export function xml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 3339 in UTC, to the second. */
const stamp = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
const later = (a: string, b: string) => (a > b ? a : b);

export interface FeedInput {
  baseUrl: string;
  lang: string;
  title: string;
  author: string;
  posts: PostRow[];
  now: Date;
}

/** xml:base: links a post's Markdown writes relative to the site (/pages/...) resolve in readers. */
export function atomFeed(f: FeedInput): string {
  const host = new URL(f.baseUrl).hostname;
  const updatedOf = (p: PostRow) => later(p.published_at!, p.updated_at);
  const updated = f.posts.length ? f.posts.map(updatedOf).reduce(later) : f.now.toISOString();
  const entries = f.posts.map((p) => {
    const url = `${f.baseUrl}/news/${encodeURIComponent(p.slug)}`;
    const image = p.image_path ? `<p><img src="${xml(`${f.baseUrl}/uploads/${p.image_path}`)}" alt="${xml(p.image_alt)}"></p>` : '';
    const category = p.project_slug ? `\n    <category term="${xml(p.project_slug)}" label="${xml(p.project_title ?? '')}"/>` : '';
    return `  <entry>
    <id>tag:${xml(host)},${p.created_at.slice(0, 10)}:news-${p.id}</id>
    <title type="text">${xml(p.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(url)}"/>
    <published>${stamp(p.published_at!)}</published>
    <updated>${stamp(updatedOf(p))}</updated>${category}
    <content type="html">${xml(image + renderMarkdown(p.body_md))}</content>
  </entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(f.lang)}" xml:base="${xml(`${f.baseUrl}/`)}">
  <id>${xml(`${f.baseUrl}/news`)}</id>
  <title type="text">${xml(f.title)}</title>
  <updated>${stamp(updated)}</updated>
  <author><name>${xml(f.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xml(`${f.baseUrl}/news/feed.atom`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${f.baseUrl}/news`)}"/>
  <generator>Palabre</generator>
${entries.join('\n')}${entries.length ? '\n' : ''}</feed>
`;
}

export async function newsFeed(request: FastifyRequest, reply: FastifyReply) {
  const app = request.server;
  const site = getSite(app.db).name;
  const now = new Date();
  const body = atomFeed({ baseUrl: app.config.baseUrl, lang: request.locale, title: request.t('news.feed.title', { site }), author: site, posts: listFeedPosts(app.db, now), now });
  return reply.type('application/atom+xml; charset=utf-8').send(body);
}
