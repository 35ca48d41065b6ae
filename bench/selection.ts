// The selection step's rows and their data: a participatory budget's vote (type budget) holding
// the 50,000 proposals of a closed collect step (12 categories, 8 districts, costs, comment
// counts), 200,000 people of whom 190,000 cast 1,000,000 votes within the budget (ballots and
// proposals' counters consistent with the votes), a voter with some votes for the logged-in
// pages, and 10,000 people with sessions who have not voted, for the vote POSTs.
// Raw prepared statements in big transactions: this is bulk loading, not application code.
import type { Db } from '../src/db/open.ts';
import type { BenchFile, RunContext } from './scenario.ts';
import { newToken, randomString } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';
import { newShuffleKey } from '../src/modules/collect/rules.ts';

const SIZES = { proposals: 50_000, categories: 12, districts: 8, people: 200_000, votes: 1_000_000, fresh: 10_000 };
const BUDGET = 1_500_000;
const WORDS = {
  what: ['Un verger', 'Des bancs', 'Un abri à vélos', 'Une aire de jeux', 'Des arbres', 'Un composteur', 'Une fresque', 'Des toilettes publiques', 'Un éclairage', 'Une piste cyclable', 'Des jardinières', 'Une boîte à livres', 'Un terrain de pétanque', 'Des fontaines', 'Un kiosque'],
  where: ['au square', 'devant l’école', 'près de la gare', 'sur la place du marché', 'le long du canal', 'au parc', 'dans la rue des Lilas', 'à la médiathèque', 'près du stade', 'au centre social'],
  why: ['pour les enfants', 'pour les aînés', 'pour tous', 'contre la chaleur', 'pour se retrouver', 'pour la sécurité', 'pour la biodiversité'],
};

interface Session {
  cookie: string;
  csrf: string;
}
interface SelectionSeed {
  stepId: number;
  categoryId: number;
  proposalId: number;
  /** Cheap proposals every fresh voter can afford, voted for in turn by the vote row. */
  cheap: number[];
  voter: Session;
  fresh: Session[];
  seedMs: number;
}

/** A small deterministic generator, so two runs measure the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function seedSelection(db: Db): SelectionSeed {
  const started = Date.now();
  const sqlite = db.sqlite;
  const random = rng(23);
  // The proposals' places in the stored random order, from their own generator so the rest of the data stays as it was.
  const shuffle = rng(24);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const day = 86400_000;

  // 1. The project, the closed collect step and its proposals (the FTS trigger indexes each insert).
  const collect = sqlite.transaction(() => {
    const projectId = Number(sqlite.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('banc-vote-budget', 'Vote du budget participatif de banc d''essai', 'Données générées', 'public', ?, ?)`).run(iso(0), iso(0)).lastInsertRowid);
    const insertStep = sqlite.prepare(`insert into steps (project_id, position, type, title, body_md, settings, starts_at, ends_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const collectStepId = Number(insertStep.run(projectId, 1, 'collect', 'Dépôt des projets', 'Les projets des habitants.', '{}', iso(120 * day), iso(30 * day), iso(0), iso(0)).lastInsertRowid);
    const settings = JSON.stringify({ vote_type: 'budget', budget: BUDGET, votes_max: 0, votes_min: 0, ranked: false, envelopes: 'none', confirm: false });
    const stepId = Number(insertStep.run(projectId, 2, 'selection', 'Votez pour vos projets', 'Une **présentation** du vote. '.repeat(10), settings, iso(20 * day), new Date(now + 365 * day).toISOString(), iso(0), iso(0)).lastInsertRowid);
    const insertCategory = sqlite.prepare(`insert into collect_categories (step_id, name, colour, position) values (?, ?, '#1d4ed8', ?)`);
    const categories = Array.from({ length: SIZES.categories }, (_, i) => Number(insertCategory.run(collectStepId, `Catégorie ${i + 1}`, i + 1).lastInsertRowid));
    const insertDistrict = sqlite.prepare(`insert into districts (name, geojson) values (?, null)`);
    const linkDistrict = sqlite.prepare(`insert into project_districts (project_id, district_id) values (?, ?)`);
    const districts = Array.from({ length: SIZES.districts }, (_, i) => {
      const id = Number(insertDistrict.run(`Quartier du vote ${i + 1}`).lastInsertRowid);
      linkDistrict.run(projectId, id);
      return id;
    });
    const insertContribution = sqlite.prepare(`insert into contributions (step_id, author_id, parent_id, kind, status, title, body_md, created_at, comments_count) values (?, ?, null, 'proposal', 'published', ?, ?, ?, ?)`);
    const insertProposal = sqlite.prepare(
      `insert into collect_proposals (contribution_id, step_id, author_id, reference, summary, category_id, district_id, address, cost, cost_missing, published, answers, comments_count, shuffle) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, '{}', ?, ?)`,
    );
    const proposals: { id: number; cost: number; district: number }[] = [];
    for (let i = 0; i < SIZES.proposals; i++) {
      const author = 2 + Math.floor(random() * 9000);
      const title = `${pick(WORDS.what)} ${pick(WORDS.where)} ${pick(WORDS.why)}`;
      const summary = `${title} : une idée simple, portée par les habitants (${i + 1}).`;
      const body = `${summary}\n\n${'Le besoin, la proposition et qui en profitera, **en détail**. '.repeat(4)}`;
      const cost = 500 + Math.floor(random() ** 2 * 400) * 1000;
      const comments = Math.floor(random() ** 4 * 40);
      const district = pick(districts);
      const id = Number(insertContribution.run(collectStepId, author, title, body, iso((SIZES.proposals - i) * 60_000 + 40 * day), comments).lastInsertRowid);
      insertProposal.run(id, collectStepId, author, i + 1, summary, pick(categories), district, `${1 + Math.floor(random() * 90)} rue de la République`, cost, comments, newShuffleKey(shuffle));
      proposals.push({ id, cost, district });
    }
    sqlite.prepare(`insert into collect_steps (step_id, form, next_reference, proposals_count) values (?, '{}', ?, ?)`).run(collectStepId, SIZES.proposals + 1, SIZES.proposals);
    return { projectId, stepId, categoryId: categories[3]!, proposals };
  })();

  // 2. The people, and who votes for what: skewed towards some proposals, each ballot within the budget.
  const people = sqlite.transaction(() => {
    const insertUser = sqlite.prepare(`insert into users (email, display_name, role, locale, news_consent, terms_accepted_at, email_confirmed_at, created_at) values (?, ?, 'citizen', 'fr', 0, ?, ?, ?)`);
    const ids: number[] = [];
    for (let i = 0; i < SIZES.people; i++) ids.push(Number(insertUser.run(`votant-${i}@bench.palabre.test`, `Votant ${i}`, iso(0), iso(0), iso(0)).lastInsertRowid));
    return ids;
  })();
  const n = collect.proposals.length;
  const voters = SIZES.people - SIZES.fresh;
  const votesCount = new Int32Array(n);
  const ballots: number[][] = [];
  let total = 0;
  for (let v = 0; v < voters; v++) {
    // 1,000,000 votes over 190,000 people: 5 or 6 each.
    const want = Math.floor(((v + 1) * SIZES.votes) / voters) - Math.floor((v * SIZES.votes) / voters);
    const chosen: number[] = [];
    let spent = 0;
    for (let tries = 0; chosen.length < want && tries < 200; tries++) {
      const index = Math.floor(random() ** 3 * n);
      const cost = collect.proposals[index]!.cost;
      if (chosen.includes(index) || spent + cost > BUDGET) continue;
      chosen.push(index);
      spent += cost;
    }
    for (const index of chosen) votesCount[index]!++;
    total += chosen.length;
    ballots.push(chosen);
  }

  // 3. The vote: its proposals with their counters, the ballots, the votes, the step's row.
  // Bulk loading of rows consistent by construction: the foreign keys are not checked row by
  // row, and the votes' second index is built once at the end rather than a million times.
  sqlite.pragma('foreign_keys = off');
  sqlite.exec('drop index selection_votes_proposal');
  sqlite.transaction(() => {
    const insertInVote = sqlite.prepare(`insert into selection_proposals (step_id, proposal_id, district_id, cost, votes_count, added_at) values (?, ?, ?, ?, ?, ?)`);
    collect.proposals.forEach((p, i) => insertInVote.run(collect.stepId, p.id, p.district, p.cost, votesCount[i], iso(20 * day)));
    sqlite.prepare(`insert into selection_steps (step_id, counts_public_at, results_published_at) values (?, null, null)`).run(collect.stepId);
  })();
  sqlite.transaction(() => {
    const insertBallot = sqlite.prepare(`insert into selection_ballots (step_id, user_id, district_id, votes, counted, validated_at, created_at, updated_at) values (?, ?, null, ?, 1, null, ?, ?)`);
    const insertVote = sqlite.prepare(`insert into selection_votes (step_id, proposal_id, user_id, position, created_at) values (?, ?, ?, ?, ?)`);
    ballots.forEach((chosen, v) => {
      const at = iso(Math.floor(random() * 19 * day));
      insertBallot.run(collect.stepId, people[v], chosen.length, at, at);
      chosen.forEach((index, position) => insertVote.run(collect.stepId, collect.proposals[index]!.id, people[v], position, at));
    });
    const participants = ballots.length;
    const addParticipant = sqlite.prepare(`insert or ignore into project_participants (project_id, user_id) values (?, ?)`);
    for (let v = 0; v < participants; v++) addParticipant.run(collect.projectId, people[v]);
    sqlite.prepare(`update projects set participants_count = ?, votes_count = ? where id = ?`).run(participants, total, collect.projectId);
    sqlite.prepare(`update steps set votes_count = ? where id = ?`).run(total, collect.stepId);
  })();
  sqlite.exec('create index selection_votes_proposal on selection_votes (step_id, proposal_id)');
  sqlite.pragma('foreign_keys = on');

  // 4. Sessions with the CSRF token each session's forms would carry: the voter (the first
  // person, with their votes) and the people who have not voted.
  return sqlite.transaction(() => {
    const insertSession = sqlite.prepare(`insert into sessions (id, secret_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?, ?)`);
    const session = (userId: number): Session => {
      const { id, hash, token } = newToken();
      insertSession.run(id, hash, userId, now, now);
      const secret = randomString();
      return { cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, id) };
    };
    const cheap = collect.proposals.filter((p) => p.cost <= 5_500).slice(0, 200).map((p) => p.id);
    return {
      stepId: collect.stepId,
      categoryId: collect.categoryId,
      proposalId: collect.proposals[n - 1234]!.id,
      cheap,
      voter: session(people[0]!),
      fresh: people.slice(voters).map(session),
      seedMs: Date.now() - started,
    };
  })();
}

/** Durable vote POSTs without JavaScript (303 back to the list), each by the next person who
 * had not voted; on later rounds the same people add another cheap proposal, still a real write. */
function votes(ctx: RunContext) {
  const { stepId, fresh, cheap } = ctx.seeds.selection as SelectionSeed;
  let n = 0;
  return {
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, any>) => {
          const who = fresh[n % fresh.length]!;
          const proposal = cheap[Math.floor(n / fresh.length) % cheap.length]!;
          n++;
          return {
            ...req,
            path: `/selection/${stepId}/votes`,
            headers: { ...req.headers, cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: who.csrf, proposal: String(proposal), back: `/selection/${stepId}` }).toString(),
          };
        },
      },
    ],
  };
}

const list = (s: Record<string, any>) => `/selection/${s.selection.stepId}?category=${s.selection.categoryId}&sort=supports`;
const show = (s: Record<string, any>) => `/selection/${s.selection.stepId}/proposals/${s.selection.proposalId}`;
const loggedIn = (path: (s: Record<string, any>) => string) => async (ctx: { seeds: Record<string, any> }) => ({ requests: [{ method: 'GET', path: path(ctx.seeds) }], headers: { cookie: ctx.seeds.selection.voter.cookie } });

export const selection: BenchFile = {
  name: 'selection',
  seed: ({ db }) => seedSelection(db),
  scenarios: [
    // Filtered by a category and sorted by supports, as a visitor reads it (the page cache serves it).
    { name: 'proposals.list', path: list, min_ratio: 0.2, max_p99: 50 },
    { name: 'proposals.search', path: (s) => `/selection/${s.selection.stepId}?q=${encodeURIComponent('abri vélos gare')}&sort=supports`, min_ratio: 0.2, max_p99: 50 },
    { name: 'proposals.show', path: show, min_ratio: 0.2, max_p99: 50 },
    // The list as it opens (random order, the default) for a visitor without a cookie: a new seed each time, a page built per request.
    { name: 'proposals.list.random', path: (s) => `/selection/${s.selection.stepId}`, min_ratio: 0.15, max_p99: 50 },
    // The same pages for a voter with votes, built per request: vote buttons and what is left of the budget.
    { name: 'proposals.list.logged-in', min_ratio: 0.15, max_p99: 50, setup: loggedIn(list) },
    { name: 'proposals.show.logged-in', min_ratio: 0.15, max_p99: 50, setup: loggedIn(show) },
    { name: 'selection.vote', min_rps: 300, max_p99: 100, setup: async (ctx) => votes(ctx) },
  ],
};
