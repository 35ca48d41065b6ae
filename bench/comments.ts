// The comments' row and its data: one opinion of an open consultation step holding 2,000
// comments by the platform's accounts, 1,000 replies on the first 200 comments and 10,000
// "useful" marks, every counter consistent with the rows; the reader, logged in, wrote some of
// the comments and marked others, so the page reads their marks and shows their edit links.
// Raw prepared statements in one transaction: this is bulk loading, not application code.
import type { Db } from '../src/db/open.ts';
import type { BenchFile } from './scenario.ts';
import { newToken, randomString } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';

const SIZES = { comments: 2_000, replies: 1_000, repliedComments: 200, marks: 10_000 };

interface CommentsSeed {
  targetId: number;
  reader: { cookie: string; csrf: string };
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function seedComments(db: Db, users: number): CommentsSeed {
  const sqlite = db.sqlite;
  const random = rng(11);
  const pick = (n: number) => Math.floor(random() * n);
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const person = () => 2 + pick(users - 2); // accounts 2..users (1 is the administrator)
  const READER = 2;

  return sqlite.transaction(() => {
    const projectId = Number(sqlite.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('banc-commentaires', 'Commentaires de banc d''essai', 'Données générées', 'public', ?, ?)`).run(iso(0), iso(0)).lastInsertRowid);
    const stepId = Number(
      sqlite
        .prepare(`insert into steps (project_id, position, type, title, body_md, starts_at, ends_at, created_at, updated_at) values (?, 1, 'consultation', 'Consultation commentée', '', ?, ?, ?, ?)`)
        .run(projectId, iso(30 * 86400_000), new Date(now + 365 * 86400_000).toISOString(), iso(0), iso(0)).lastInsertRowid,
    );
    const insertContribution = sqlite.prepare(`insert into contributions (step_id, author_id, parent_id, kind, status, title, body_md, created_at) values (?, ?, ?, ?, 'published', ?, ?, ?)`);
    const targetId = Number(insertContribution.run(stepId, 3, null, 'opinion', 'Un banc à l’ombre place de la Mairie', 'Pour se reposer.', iso(31 * 86400_000)).lastInsertRowid);

    const insertItem = sqlite.prepare(`insert into comments_items (contribution_id, target_id, reply_to, useful_count, replies_count) values (?, ?, ?, 0, 0)`);
    const comments: { id: number; author: number }[] = [];
    for (let i = 0; i < SIZES.comments; i++) {
      // The reader wrote one comment in ten: their edit links and "own" marks are on the page.
      const author = i % 10 === 0 ? READER : person();
      const id = Number(insertContribution.run(stepId, author, targetId, 'comment', null, `Commentaire ${i + 1} : ${'un avis argumenté, avec **du Markdown**. '.repeat(3)}`, iso((SIZES.comments - i) * 60_000)).lastInsertRowid);
      insertItem.run(id, targetId, null);
      comments.push({ id, author });
    }
    // Replies on the newest comments, the ones the first page shows.
    const replies = new Map<number, number>();
    for (let r = 0; r < SIZES.replies; r++) {
      const parent = comments[SIZES.comments - 1 - pick(SIZES.repliedComments)]!;
      const id = Number(insertContribution.run(stepId, person(), targetId, 'comment', null, `Une réponse ${r + 1}.`, iso(pick(60_000))).lastInsertRowid);
      insertItem.run(id, targetId, parent.id);
      replies.set(parent.id, (replies.get(parent.id) ?? 0) + 1);
    }
    const setReplies = sqlite.prepare(`update comments_items set replies_count = ? where contribution_id = ?`);
    for (const [id, n] of replies) setReplies.run(n, id);

    const insertMark = sqlite.prepare(`insert or ignore into comments_marks (comment_id, user_id, created_at) values (?, ?, ?)`);
    const useful = new Map<number, number>();
    let marks = 0;
    while (marks < SIZES.marks) {
      const c = comments[SIZES.comments - 1 - Math.floor(random() ** 2 * SIZES.comments)]!;
      const who = random() < 0.05 ? READER : person();
      if (who === c.author || insertMark.run(c.id, who, iso(0)).changes === 0) continue; // never one's own
      useful.set(c.id, (useful.get(c.id) ?? 0) + 1);
      marks++;
    }
    const setUseful = sqlite.prepare(`update comments_items set useful_count = ? where contribution_id = ?`);
    for (const [id, n] of useful) setUseful.run(n, id);

    const total = SIZES.comments + SIZES.replies;
    sqlite.prepare(`update contributions set comments_count = ? where id = ?`).run(total, targetId);
    sqlite.prepare(`update steps set contributions_count = ? where id = ?`).run(total + 1, stepId);
    sqlite.prepare(`update projects set contributions_count = ? where id = ?`).run(total + 1, projectId);

    const { id, hash, token } = newToken();
    sqlite.prepare(`insert into sessions (id, secret_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?, ?)`).run(id, hash, READER, now, now);
    const secret = randomString();
    return { targetId, reader: { cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, id) } };
  })();
}

export const comments: BenchFile = {
  name: 'comments',
  seed: ({ db, users }) => seedComments(db, users),
  scenarios: [
    // Built per request for a logged-in reader (their marks, their edit links): no page cache.
    {
      name: 'comments.page',
      min_ratio: 0.15,
      max_p99: 50,
      setup: async (ctx) => ({ requests: [{ method: 'GET', path: `/comments/${ctx.seeds.comments.targetId}` }], headers: { cookie: ctx.seeds.comments.reader.cookie } }),
    },
  ],
};
