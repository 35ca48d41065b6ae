// The pages of a thread: the commented contribution's comments (sorted, paginated without
// counting rows, the first replies of each), which htmx also loads into the contribution's own
// page; and one comment's page (the permalink of a comment or a reply) with all its replies and
// the reply form. Built from a fixed number of queries whatever the number of comments.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { raw, type FormErrors } from '../../platform/forms.ts';
import { safeNext } from '../../platform/http.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { commenting, loadComment, loadThread, type CommentParams, type Thread, type ThreadParams } from './guards.ts';
import { findMarks, listComments, listFirstReplies, listOwnUnpublished, listReplies, type CommentRow } from './queries.ts';
import { COMMENT_MAX, isOfficial, parsePage, parseSort, SORTS, type Sort } from './rules.ts';

type ListQuery = { sort?: string; page?: string; embed?: string };

export interface FormState {
  values: Record<string, string>;
  errors: FormErrors;
}
const emptyForm = (): FormState => ({ values: {}, errors: {} });

/** What a comment's card shows; `replies` only under a top-level comment of a thread page. */
export interface CommentCard extends CommentRow {
  own: boolean;
  marked: boolean;
  official: boolean;
  replies?: CommentCard[];
}

function cards(rows: CommentRow[], viewer: SessionUser | null, marks: Set<number>): CommentCard[] {
  return rows.map((r) => ({ ...r, own: r.author_id === viewer?.id, marked: marks.has(r.id), official: isOfficial(r.author_role) }));
}

/** The strings every card repeats, translated once per page. */
function labels(request: FastifyRequest) {
  const t = request.t;
  return {
    by: t('users.by'),
    on: t('users.on'),
    deleted: t('users.deleted_name'),
    official: t('comments.official'),
    edited: t('comments.edited'),
    permalink: t('comments.permalink'),
    reply: t('comments.reply'),
    edit: t('comments.edit'),
    delete: t('comments.delete'),
    useful: t('comments.useful.button'),
    nobody: t('comments.useful.nobody'),
    pending: t('comments.pending'),
    hidden: t('comments.hidden'),
    report: t('comments.report'),
  };
}

const threadUrl = (targetId: number) => `/comments/${targetId}`;

/** The thread page, or for htmx the thread alone (loaded into the contribution's page). */
export async function renderThread(request: FastifyRequest, reply: FastifyReply, thread: Thread, query: ListQuery, form: FormState, status = 200) {
  const db = request.server.db;
  const viewer = request.user;
  const sort = parseSort(query.sort);
  const page = parsePage(query.page);
  const { comments, hasNext } = listComments(db, thread.target.id, sort, page);
  const replies = listFirstReplies(db, comments.map((c) => c.id));
  const own = viewer ? listOwnUnpublished(db, thread.target.id, viewer.id) : [];
  const marks = findMarks(db, viewer?.id, [...comments, ...replies].map((c) => c.id));
  const replyCards = cards(replies, viewer, marks);
  const list = cards(comments, viewer, marks).map((c) => ({ ...c, replies: replyCards.filter((r) => r.reply_to === c.id) }));
  const base = threadUrl(thread.target.id);
  const listUrl = (o: { sort?: Sort; page?: number }) => {
    const params = new URLSearchParams({ sort: o.sort ?? sort });
    if ((o.page ?? page) > 1) params.set('page', String(o.page ?? page));
    return `${base}?${params.toString()}`;
  };
  // Loaded by htmx into the contribution's own page: forms come back to that page, and sort and
  // page links lead to the thread's page. Else everything stays on this page.
  const embedded = request.wantsFragment && query.embed === '1';
  // A refused post keeps the page its form came from, so that the corrected one returns there.
  const back = embedded ? thread.permalink.split('#')[0]! : request.method === 'GET' ? request.url : safeNext(raw(request.body, 'back'), listUrl({ page: 1 }));
  return render(
    request,
    reply,
    'comments/show',
    {
      title: request.t('comments.page.title', { title: thread.target.title ?? request.t(thread.kind.labelKey) }),
      ...thread,
      ...commenting(request, thread),
      comments: list,
      own: cards(own, viewer, new Set()),
      hasNext,
      sort,
      sorts: SORTS,
      page,
      listUrl,
      embedded,
      back,
      labels: labels(request),
      ...form,
      commentMax: COMMENT_MAX,
    },
    { status, fragment: 'comments/_thread' },
  );
}

export async function showThread(request: FastifyRequest<{ Params: ThreadParams; Querystring: ListQuery }>, reply: FastifyReply) {
  return renderThread(request, reply, loadThread(request, request.params.targetId), request.query, emptyForm());
}

/** A comment's page: the comment (a reply's page is its comment's, scrolled to the reply). */
export async function renderComment(request: FastifyRequest, reply: FastifyReply, thread: Thread, rawId: unknown, query: { page?: string }, form: FormState, status = 200) {
  const db = request.server.db;
  const viewer = request.user;
  let comment = loadComment(request, thread, rawId);
  if (comment.reply_to !== null) comment = loadComment(request, thread, comment.reply_to);
  const page = parsePage(query.page);
  const { replies, hasNext } = comment.status === 'published' ? listReplies(db, comment.id, page) : { replies: [], hasNext: false };
  const marks = findMarks(db, viewer?.id, [comment.id, ...replies.map((r) => r.id)]);
  const [card] = cards([comment], viewer, marks);
  const url = `${threadUrl(thread.target.id)}/${comment.id}`;
  return render(
    request,
    reply,
    'comments/comment',
    {
      title: request.t('comments.comment.title'),
      ...thread,
      ...commenting(request, thread),
      comment: card,
      replies: cards(replies, viewer, marks),
      page,
      hasNext,
      pageUrl: (p: number) => (p > 1 ? `${url}?page=${p}` : url),
      back: request.method === 'GET' ? request.url : url,
      labels: labels(request),
      ...form,
      commentMax: COMMENT_MAX,
    },
    { status },
  );
}

export async function showComment(request: FastifyRequest<{ Params: CommentParams; Querystring: { page?: string } }>, reply: FastifyReply) {
  const thread = loadThread(request, request.params.targetId);
  return renderComment(request, reply, thread, request.params.commentId, request.query, emptyForm());
}
