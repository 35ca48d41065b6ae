// The platform's rows: the machine's ceiling (GET /ping, the cheapest route Fastify serves) and
// the home page, for an anonymous visitor (from the page cache) and a logged-in person (built per
// request). Seeds 10,000 confirmed accounts (the first an administrator) sharing one argon2 hash.
import { write } from '../src/db/write.ts';
import { insertUser } from '../src/platform/users.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import type { BenchFile } from './scenario.ts';

export const BENCH_USERS = 10_000;
export const BENCH_PASSWORD = 'banc-d-essai-palabre-2026';
export const benchEmail = (i: number) => `user${i}@bench.palabre.test`;

export const platform: BenchFile = {
  name: 'platform',
  async seed({ db }) {
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const now = new Date().toISOString();
    write(db, (tx) => {
      for (let i = 0; i < BENCH_USERS; i++) {
        insertUser(db, tx, { email: benchEmail(i), passwordHash, displayName: `Personne ${i}`, role: i === 0 ? 'admin' : 'citizen', emailConfirmed: true }, now);
      }
      // The site counts as set up, as on a live instance: no first-start link, no setup redirect.
      tx.run(db.updateTable('site_settings').set({ setup_done_at: now }));
    });
    return { email: benchEmail(1), password: BENCH_PASSWORD };
  },
  scenarios: [
    { name: 'ceiling', path: '/ping' },
    { name: 'home', path: '/', min_ratio: 0.25, max_p99: 30 },
    {
      name: 'home.logged-in',
      min_ratio: 0.25,
      setup: async (ctx) => {
        const session = await ctx.login(ctx.seeds.platform.email, ctx.seeds.platform.password);
        return { requests: [{ method: 'GET', path: '/' }], headers: { cookie: session.cookie } };
      },
    },
  ],
};
