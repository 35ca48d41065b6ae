// The collect step's rows and their data: one public project with an open collect step holding
// 50,000 proposals (12 categories, 8 districts, costs, comment counts) by the platform's
// accounts, the full-text index filled by the migration's trigger, every counter consistent
// with the rows; plus a logged-in reader's session for the per-request pages.
// Raw prepared statements in one transaction: this is bulk loading, not application code.
import type { Db } from '../src/db/open.ts';
import type { BenchFile } from './scenario.ts';
import { newToken, randomString } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';
import { newShuffleKey } from '../src/modules/collect/rules.ts';

const SIZES = { proposals: 50_000, categories: 12, districts: 8 };
const WORDS = {
  what: ['Un verger', 'Des bancs', 'Un abri à vélos', 'Une aire de jeux', 'Des arbres', 'Un composteur', 'Une fresque', 'Des toilettes publiques', 'Un éclairage', 'Une piste cyclable', 'Des jardinières', 'Une boîte à livres', 'Un terrain de pétanque', 'Des fontaines', 'Un kiosque'],
  where: ['au square', 'devant l’école', 'près de la gare', 'sur la place du marché', 'le long du canal', 'au parc', 'dans la rue des Lilas', 'à la médiathèque', 'près du stade', 'au centre social'],
  why: ['pour les enfants', 'pour les aînés', 'pour tous', 'contre la chaleur', 'pour se retrouver', 'pour la sécurité', 'pour la biodiversité'],
};

interface CollectSeed {
  stepId: number;
  categoryId: number;
  proposalId: number;
  reader: { cookie: string; csrf: string };
}

/** A small deterministic generator, so two runs measure the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function seedCollect(db: Db, users: number): CollectSeed {
  const sqlite = db.sqlite;
  const random = rng(11);
  // The proposals' places in the stored random order, from their own generator so the rest of the data stays as it was.
  const shuffle = rng(12);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();

  return sqlite.transaction(() => {
    const projectId = Number(sqlite.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('banc-budget', 'Budget participatif de banc d''essai', 'Données générées', 'public', ?, ?)`).run(iso(0), iso(0)).lastInsertRowid);
    const stepId = Number(
      sqlite
        .prepare(`insert into steps (project_id, position, type, title, body_md, starts_at, ends_at, created_at, updated_at) values (?, 1, 'collect', 'Vos projets pour la ville', ?, ?, ?, ?, ?)`)
        .run(projectId, 'Une **présentation** du budget participatif. '.repeat(10), iso(60 * 86400_000), new Date(now + 365 * 86400_000).toISOString(), iso(0), iso(0)).lastInsertRowid,
    );
    const form = { fields: { cost: { mode: 'optional', help: '' }, category: { mode: 'required', help: '' } }, costMax: 500000 };
    const insertCategory = sqlite.prepare(`insert into collect_categories (step_id, name, colour, position) values (?, ?, '#1d4ed8', ?)`);
    const categories = Array.from({ length: SIZES.categories }, (_, i) => Number(insertCategory.run(stepId, `Catégorie ${i + 1}`, i + 1).lastInsertRowid));
    const insertDistrict = sqlite.prepare(`insert into districts (name, geojson) values (?, null)`);
    const linkDistrict = sqlite.prepare(`insert into project_districts (project_id, district_id) values (?, ?)`);
    const districts = Array.from({ length: SIZES.districts }, (_, i) => {
      const id = Number(insertDistrict.run(`Quartier de banc ${i + 1}`).lastInsertRowid);
      linkDistrict.run(projectId, id);
      return id;
    });

    // Proposals in posting order (ids grow with time); the FTS trigger indexes each insert.
    const insertContribution = sqlite.prepare(`insert into contributions (step_id, author_id, parent_id, kind, status, title, body_md, created_at, comments_count) values (?, ?, null, 'proposal', 'published', ?, ?, ?, ?)`);
    const insertProposal = sqlite.prepare(
      `insert into collect_proposals (contribution_id, step_id, author_id, reference, summary, category_id, district_id, address, cost, cost_missing, published, answers, comments_count, shuffle) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, '{}', ?, ?)`,
    );
    const authors = new Set<number>();
    let proposalId = 0;
    for (let i = 0; i < SIZES.proposals; i++) {
      const author = 2 + Math.floor(random() * (users - 1));
      authors.add(author);
      const title = `${pick(WORDS.what)} ${pick(WORDS.where)} ${pick(WORDS.why)}`;
      const summary = `${title} : une idée simple, portée par les habitants (${i + 1}).`;
      const body = `${summary}\n\n${'Le besoin, la proposition et qui en profitera, **en détail**. '.repeat(4)}`;
      const cost = random() < 0.1 ? null : 500 + Math.floor(random() ** 2 * 400) * 1000;
      const comments = Math.floor(random() ** 4 * 40);
      proposalId = Number(insertContribution.run(stepId, author, title, body, iso((SIZES.proposals - i) * 60_000), comments).lastInsertRowid);
      insertProposal.run(proposalId, stepId, author, i + 1, summary, pick(categories), pick(districts), `${1 + Math.floor(random() * 90)} rue de la République`, cost, cost === null ? 1 : 0, comments, newShuffleKey(shuffle));
    }
    sqlite.prepare(`insert into collect_steps (step_id, form, next_reference, proposals_count) values (?, ?, ?, ?)`).run(stepId, JSON.stringify(form), SIZES.proposals + 1, SIZES.proposals);
    const addParticipant = sqlite.prepare(`insert or ignore into project_participants (project_id, user_id) values (?, ?)`);
    for (const a of authors) addParticipant.run(projectId, a);
    sqlite.prepare(`update projects set participants_count = ?, contributions_count = ? where id = ?`).run(authors.size, SIZES.proposals, projectId);
    sqlite.prepare(`update steps set contributions_count = ? where id = ?`).run(SIZES.proposals, stepId);

    // A reader's session with the CSRF token its forms would carry.
    const { id, hash, token } = newToken();
    sqlite.prepare(`insert into sessions (id, secret_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?, ?)`).run(id, hash, 3, now, now);
    const secret = randomString();
    return { stepId, categoryId: categories[3]!, proposalId: proposalId - 1234, reader: { cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, id) } };
  })();
}

const list = (s: Record<string, any>) => `/collect/${s.collect.stepId}?category=${s.collect.categoryId}&sort=comments`;
const show = (s: Record<string, any>) => `/collect/${s.collect.stepId}/proposals/${s.collect.proposalId}`;
const loggedIn = (path: (s: Record<string, any>) => string) => async (ctx: { seeds: Record<string, any> }) => ({ requests: [{ method: 'GET', path: path(ctx.seeds) }], headers: { cookie: ctx.seeds.collect.reader.cookie } });

export const collect: BenchFile = {
  name: 'collect',
  seed: ({ db, users }) => seedCollect(db, users),
  scenarios: [
    // Filtered by a category and sorted by comments, as a visitor reads it (the page cache serves it).
    { name: 'collect.list', path: list, min_ratio: 0.2, max_p99: 50 },
    { name: 'collect.search', path: (s) => `/collect/${s.collect.stepId}?q=${encodeURIComponent('abri vélos gare')}&sort=newest`, min_ratio: 0.2, max_p99: 50 },
    { name: 'collect.show', path: show, min_ratio: 0.2, max_p99: 50 },
    // The default random order for a visitor without a cookie: a new seed each time, so a page built per request (never cached).
    { name: 'collect.list.random', path: (s) => `/collect/${s.collect.stepId}?sort=random`, min_ratio: 0.15, max_p99: 50 },
    // The same pages for a logged-in reader, built per request: never from the page cache.
    { name: 'collect.list.logged-in', min_ratio: 0.15, max_p99: 50, setup: loggedIn(list) },
    { name: 'collect.show.logged-in', min_ratio: 0.15, max_p99: 50, setup: loggedIn(show) },
  ],
};
