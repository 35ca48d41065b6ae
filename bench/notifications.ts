// The notifications' row and its data: a person with 5,000 notifications of every kind (about
// the comments bench's thread, its comments, its step and its project, by other people), the
// newest unread; their list page, logged in, built per request.
// Raw prepared statements in one transaction: this is bulk loading, not application code.
import type { Db } from '../src/db/open.ts';
import type { BenchFile } from './scenario.ts';
import { newToken, randomString } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';

const NOTIFICATIONS = 5_000;
const KINDS = ['new_contribution', 'comment', 'reply', 'status', 'official_answer', 'step_open', 'results'] as const;

function seedNotifications(db: Db, users: number) {
  const sqlite = db.sqlite;
  const now = Date.now();
  const READER = 4;
  return sqlite.transaction(() => {
    // The comments bench's data (seeded before, index.ts order): a project, a step, comments.
    const target = sqlite.prepare(`select c.id, c.step_id, s.project_id from contributions c join steps s on s.id = c.step_id where s.type = 'consultation' and c.kind = 'opinion' order by c.id desc limit 1`).get() as { id: number; step_id: number; project_id: number };
    const comments = (sqlite.prepare(`select id from contributions where parent_id = ? and kind = 'comment' order by id limit 500`).all(target.id) as { id: number }[]).map((r) => r.id);
    const insert = sqlite.prepare(`insert into notifications (user_id, kind, project_id, step_id, contribution_id, actor_id, created_at, read_at, emailed) values (?, ?, ?, ?, ?, ?, ?, ?, 1)`);
    for (let i = 0; i < NOTIFICATIONS; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const about = kind === 'step_open' || kind === 'results' ? null : kind === 'new_contribution' ? target.id : comments[i % comments.length]!;
      const at = new Date(now - (NOTIFICATIONS - i) * 60_000).toISOString();
      insert.run(READER, kind, target.project_id, target.step_id, about, about === null ? null : 5 + (i % (users - 10)), at, i < NOTIFICATIONS - 40 ? at : null);
    }
    sqlite.prepare(`update users set unread_notifications = 40 where id = ?`).run(READER);
    const { id, hash, token } = newToken();
    sqlite.prepare(`insert into sessions (id, secret_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?, ?)`).run(id, hash, READER, now, now);
    const secret = randomString();
    return { reader: { cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, id) } };
  })();
}

export const notifications: BenchFile = {
  name: 'notifications',
  seed: ({ db, users }) => seedNotifications(db, users),
  scenarios: [
    {
      name: 'notifications.list',
      min_ratio: 0.15,
      max_p99: 50,
      setup: async (ctx) => ({ requests: [{ method: 'GET', path: '/notifications' }], headers: { cookie: ctx.seeds.notifications.reader.cookie } }),
    },
  ],
};
