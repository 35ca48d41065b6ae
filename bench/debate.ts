// The debate's rows and their data: one public project with an open debate step holding 2,000
// arguments, 50,000 votes (one per person: 50,000 more accounts) and 20,000 "useful" marks,
// every counter consistent with the rows; plus logged-in sessions (with their CSRF tokens) of
// people who have not voted yet, so that every vote POST is a real write.
// Raw prepared statements in one transaction: this is bulk loading, not application code.
import type { Db } from '../src/db/open.ts';
import type { BenchFile, RunContext } from './scenario.ts';
import { newToken, randomString } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';

const SIZES = { voters: 50_000, arguments: 2_000, marks: 20_000, sessions: 5_000 };

interface DebateSeed {
  stepId: number;
  /** A voter who wrote an argument and marked others: the logged-in page's reader. */
  reader: { cookie: string; csrf: string };
  /** People who have not voted, for vote POSTs. */
  sessions: { cookie: string; csrf: string }[];
}

/** A small deterministic generator, so two runs measure the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function seedDebate(db: Db): DebateSeed {
  const sqlite = db.sqlite;
  const random = rng(7);
  const pick = (n: number) => Math.floor(random() * n);
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

  return sqlite.transaction(() => {
    const projectId = Number(sqlite.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('banc-debat', 'Débat de banc d''essai', 'Données générées', 'public', ?, ?)`).run(iso(0), iso(0)).lastInsertRowid);
    const stepId = Number(
      sqlite
        .prepare(`insert into steps (project_id, position, type, title, body_md, starts_at, ends_at, created_at, updated_at) values (?, 1, 'debate', 'Faut-il rendre la place du Marché piétonne le samedi ?', ?, ?, ?, ?, ?)`)
        .run(projectId, 'Une **présentation** du débat. '.repeat(10), iso(30 * 86400_000), new Date(now + 365 * 86400_000).toISOString(), iso(0), iso(0)).lastInsertRowid,
    );
    const insertOpinion = sqlite.prepare(`insert into debate_opinions (step_id, side, author_name, author_role, body_md, updated_at) values (?, ?, ?, ?, ?, ?)`);
    insertOpinion.run(stepId, 'for', 'Claire Fournier', 'adjointe au maire, urbanisme', 'Un point de vue **pour**. '.repeat(15), iso(0));
    insertOpinion.run(stepId, 'against', 'Patrick Roux', 'président des commerçants', 'Un point de vue **contre**. '.repeat(15), iso(0));

    // People of their own, beyond the platform's 10,000: one vote each, then some who have not voted.
    const insertUser = sqlite.prepare(`insert into users (email, display_name, role, locale, news_consent, terms_accepted_at, email_confirmed_at, created_at) values (?, ?, 'citizen', 'fr', 0, ?, ?, ?)`);
    const people: number[] = [];
    for (let i = 0; i < SIZES.voters + SIZES.sessions; i++) people.push(Number(insertUser.run(`debat-${i}@bench.palabre.test`, `Débatteur ${i}`, iso(0), iso(0), iso(0)).lastInsertRowid));

    const insertVote = sqlite.prepare(`insert into debate_votes (step_id, user_id, side, created_at) values (?, ?, ?, ?)`);
    const votes = { for: 0, against: 0 };
    for (let i = 0; i < SIZES.voters; i++) {
      const side = random() < 0.58 ? 'for' : 'against';
      insertVote.run(stepId, people[i], side, iso(pick(30 * 86400_000)));
      votes[side]++;
    }

    // Arguments by the first voters, one each, in posting order; marks by other voters.
    const insertContribution = sqlite.prepare(`insert into contributions (step_id, author_id, parent_id, kind, status, title, body_md, created_at) values (?, ?, null, 'argument', 'published', null, ?, ?)`);
    const insertArgument = sqlite.prepare(`insert into debate_arguments (contribution_id, step_id, author_id, side) values (?, ?, ?, ?)`);
    const argumentIds: number[] = [];
    const args = { for: 0, against: 0 };
    for (let a = 0; a < SIZES.arguments; a++) {
      const side = a % 2 ? 'against' : 'for';
      const id = Number(insertContribution.run(stepId, people[a], `Argument ${a + 1} : ${'une raison détaillée, avec **du Markdown**. '.repeat(3)}`, iso((SIZES.arguments - a) * 60_000)).lastInsertRowid);
      insertArgument.run(id, stepId, people[a], side);
      argumentIds.push(id);
      args[side]++;
    }
    const insertMark = sqlite.prepare(`insert into debate_useful_marks (argument_id, user_id, created_at) values (?, ?, ?)`);
    const useful = argumentIds.map(() => 0);
    const seen = new Set<number>();
    // The reader (voter 0) marks a few; the others are skewed towards the first arguments.
    for (const index of [2, 5, 9, 14]) (insertMark.run(argumentIds[index], people[0], iso(0)), useful[index]!++, seen.add(index * 100_000));
    while (seen.size < SIZES.marks) {
      const index = Math.floor(random() ** 2 * argumentIds.length);
      const voter = 1 + pick(SIZES.voters - 1);
      if (voter === index || seen.has(index * 100_000 + voter)) continue; // never one's own
      seen.add(index * 100_000 + voter);
      insertMark.run(argumentIds[index], people[voter], iso(pick(30 * 86400_000)));
      useful[index]!++;
    }
    const setUseful = sqlite.prepare(`update debate_arguments set useful_count = ? where contribution_id = ?`);
    useful.forEach((n, i) => setUseful.run(n, argumentIds[i]));

    sqlite.prepare(`insert into debate_steps (step_id, votes_for, votes_against, arguments_for, arguments_against) values (?, ?, ?, ?, ?)`).run(stepId, votes.for, votes.against, args.for, args.against);
    const addParticipant = sqlite.prepare(`insert or ignore into project_participants (project_id, user_id) values (?, ?)`);
    for (let i = 0; i < SIZES.voters; i++) addParticipant.run(projectId, people[i]);
    sqlite.prepare(`update projects set participants_count = ?, contributions_count = ?, votes_count = ? where id = ?`).run(SIZES.voters, SIZES.arguments, SIZES.voters, projectId);
    sqlite.prepare(`update steps set contributions_count = ?, votes_count = ? where id = ?`).run(SIZES.arguments, SIZES.voters, stepId);

    // Sessions with the CSRF token each session's forms would carry.
    const insertSession = sqlite.prepare(`insert into sessions (id, secret_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?, ?)`);
    const session = (userId: number) => {
      const { id, hash, token } = newToken();
      insertSession.run(id, hash, userId, now, now);
      const secret = randomString();
      return { cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, id) };
    };
    const reader = session(people[0]!);
    const sessions = people.slice(SIZES.voters).map(session);
    return { stepId, reader, sessions };
  })();
}

/** Durable vote POSTs, each by the next of 5,000 people who had not voted: a new vote, then on
 * later rounds a changed one, so that every request is a real write. */
function votes(ctx: RunContext) {
  const { stepId, sessions } = ctx.seeds.debate as DebateSeed;
  let n = 0;
  return {
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, any>) => {
          const who = sessions[n % sessions.length]!;
          const value = Math.floor(n / sessions.length) % 2 ? 'against' : 'for';
          n++;
          return {
            ...req,
            path: `/debate/${stepId}/vote`,
            headers: { ...req.headers, cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: who.csrf, value }).toString(),
          };
        },
      },
    ],
  };
}

export const debate: BenchFile = {
  name: 'debate',
  seed: ({ db }) => seedDebate(db),
  scenarios: [
    { name: 'debate.page', path: (s) => `/debate/${s.debate.stepId}`, min_ratio: 0.2, max_p99: 50 },
    // The same page for a logged-in voter, built per request: never from the page cache.
    {
      name: 'debate.page.logged-in',
      min_ratio: 0.15,
      max_p99: 50,
      setup: async (ctx) => ({ requests: [{ method: 'GET', path: `/debate/${ctx.seeds.debate.stepId}` }], headers: { cookie: ctx.seeds.debate.reader.cookie } }),
    },
    { name: 'debate.vote', min_rps: 300, setup: async (ctx) => votes(ctx) },
  ],
};
