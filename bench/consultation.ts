// The consultation's rows and their data: one public project with an open consultation step of
// 50 sections, 20,000 opinions, 200,000 votes and 30,000 arguments, every counter consistent with
// the rows; plus logged-in sessions (with their CSRF tokens) of distinct voters for vote POSTs.
// Raw prepared statements in one transaction: this is bulk loading, not application code.
import type { Db } from '../src/db/open.ts';
import type { BenchFile, RunContext } from './scenario.ts';
import { newToken } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';
import { randomString } from '../src/platform/secrets.ts';

const SIZES = { sections: 50, opinions: 20_000, votes: 200_000, arguments: 30_000 };

interface ConsultationSeed {
  stepId: number;
  sectionId: number;
  itemIds: number[];
  sessions: { cookie: string; csrf: string }[];
}

/** A small deterministic generator, so two runs measure the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function seedConsultation(db: Db, userCount: number, sessionCount: number): ConsultationSeed {
  const sqlite = db.sqlite;
  const random = rng(42);
  const pick = (n: number) => Math.floor(random() * n);
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const values = ['agree', 'mitigated', 'disagree'] as const;

  return sqlite.transaction(() => {
    const projectId = Number(
      sqlite.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('banc-consultation', 'Consultation de banc d''essai', 'Données générées', 'public', ?, ?)`).run(iso(0), iso(0)).lastInsertRowid,
    );
    const stepId = Number(
      sqlite
        .prepare(`insert into steps (project_id, position, type, title, body_md, starts_at, ends_at, created_at, updated_at) values (?, 1, 'consultation', 'Consultation', 'Texte', ?, ?, ?, ?)`)
        .run(projectId, iso(30 * 86400_000), new Date(now + 365 * 86400_000).toISOString(), iso(0), iso(0)).lastInsertRowid,
    );
    const typeId = Number(sqlite.prepare(`insert into consultation_contribution_types (step_id, name, colour, position) values (?, 'Proposition', '#1d4ed8', 1)`).run(stepId).lastInsertRowid);
    const sectionIds: number[] = [];
    const insertSection = sqlite.prepare(`insert into consultation_sections (step_id, parent_id, position, title, body_md, default_sort) values (?, null, ?, ?, ?, 'votes')`);
    const openType = sqlite.prepare(`insert into consultation_section_types (section_id, type_id) values (?, ?)`);
    for (let s = 0; s < SIZES.sections; s++) {
      const id = Number(insertSection.run(stepId, s + 1, `Article ${s + 1}`, `Texte de l'article ${s + 1}. `.repeat(20)).lastInsertRowid);
      openType.run(id, typeId);
      sectionIds.push(id);
    }

    const insertContribution = sqlite.prepare(`insert into contributions (step_id, author_id, parent_id, kind, status, title, body_md, created_at) values (?, ?, ?, ?, 'published', ?, ?, ?)`);
    const insertItem = sqlite.prepare(`insert into consultation_items (contribution_id, section_id, kind, type_id, published, created_at) values (?, ?, 'opinion', ?, 1, ?)`);
    const itemIds: number[] = [];
    const itemSection: number[] = [];
    const perSection = new Map<number, number>();
    for (let i = 0; i < SIZES.opinions; i++) {
      const sectionId = sectionIds[i % SIZES.sections]!;
      const created = iso((SIZES.opinions - i) * 60_000);
      const id = Number(insertContribution.run(stepId, 1 + pick(userCount), null, 'opinion', `Proposition ${i + 1}`, `Corps de la proposition ${i + 1}, avec **un peu** de Markdown.`, created).lastInsertRowid);
      insertItem.run(id, sectionId, typeId, created);
      itemIds.push(id);
      itemSection.push(sectionId);
      perSection.set(sectionId, (perSection.get(sectionId) ?? 0) + 1);
    }

    // Votes: distinct (item, person) pairs, skewed so that some items gather many votes.
    const counts = itemIds.map(() => ({ agree: 0, mitigated: 0, disagree: 0 }));
    const seen = new Set<number>();
    const insertVote = sqlite.prepare(`insert into consultation_item_votes (item_id, user_id, value, created_at) values (?, ?, ?, ?)`);
    const participants = new Set<number>();
    let votes = 0;
    while (votes < SIZES.votes) {
      const index = Math.floor(random() ** 2 * itemIds.length);
      const user = 1 + pick(userCount);
      const key = index * 100_000 + user;
      if (seen.has(key)) continue;
      seen.add(key);
      const value = values[(index + pick(3) + (random() < 0.5 ? 0 : index % 3)) % 3]!;
      insertVote.run(itemIds[index], user, value, iso(pick(30 * 86400_000)));
      counts[index]![value]++;
      participants.add(user);
      votes++;
    }
    const setCounts = sqlite.prepare(`update consultation_items set votes_agree = ?, votes_mitigated = ?, votes_disagree = ?, votes_total = ?, controversy = ? where contribution_id = ?`);
    counts.forEach((c, i) => setCounts.run(c.agree, c.mitigated, c.disagree, c.agree + c.mitigated + c.disagree, 2 * Math.min(c.agree, c.disagree), itemIds[i]));

    const insertArgument = sqlite.prepare(`insert into consultation_arguments (contribution_id, item_id, side) values (?, ?, ?)`);
    const argCounts = itemIds.map(() => ({ for: 0, against: 0 }));
    for (let a = 0; a < SIZES.arguments; a++) {
      const index = pick(itemIds.length);
      const side = random() < 0.5 ? 'for' : 'against';
      const author = 1 + pick(userCount);
      const id = Number(insertContribution.run(stepId, author, itemIds[index], 'argument', null, `Argument ${a + 1}`, iso(pick(30 * 86400_000))).lastInsertRowid);
      insertArgument.run(id, itemIds[index], side);
      argCounts[index]![side]++;
      participants.add(author);
    }
    const setArgs = sqlite.prepare(`update consultation_items set arguments_for = ?, arguments_against = ? where contribution_id = ?`);
    argCounts.forEach((c, i) => setArgs.run(c.for, c.against, itemIds[i]));

    const setSection = sqlite.prepare(`update consultation_sections set contributions_count = ? where id = ?`);
    for (const [id, n] of perSection) setSection.run(n, id);
    const addParticipant = sqlite.prepare(`insert or ignore into project_participants (project_id, user_id) values (?, ?)`);
    for (const user of participants) addParticipant.run(projectId, user);
    const contributions = SIZES.opinions + SIZES.arguments;
    sqlite.prepare(`update projects set participants_count = ?, contributions_count = ?, votes_count = ? where id = ?`).run(participants.size, contributions, SIZES.votes, projectId);
    sqlite.prepare(`update steps set contributions_count = ?, votes_count = ? where id = ?`).run(contributions, SIZES.votes, stepId);

    // Sessions for distinct voters, with the CSRF token each session's forms would carry.
    const insertSession = sqlite.prepare(`insert into sessions (id, secret_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?, ?)`);
    const sessions: { cookie: string; csrf: string }[] = [];
    for (let i = 0; i < sessionCount; i++) {
      const { id, hash, token } = newToken();
      insertSession.run(id, hash, 2 + i, now, now);
      const secret = randomString();
      sessions.push({ cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, id) });
    }
    // The busiest section: the first one (sections get opinions round-robin, votes skew to low ids).
    return { stepId, sectionId: sectionIds[0]!, itemIds: itemIds.slice(0, 2000), sessions };
  })();
}

const section = (seeds: Record<string, any>, sort: string) => `/consultation/${seeds.consultation.stepId}/sections/${seeds.consultation.sectionId}?sort=${sort}`;

/** Durable vote POSTs, each by the next of 5,000 logged-in people, on 2,000 items, so that every
 * request is a real write (a new vote, or a changed one). */
function votes(ctx: RunContext) {
  const { stepId, itemIds, sessions } = ctx.seeds.consultation as ConsultationSeed;
  const values = ['agree', 'disagree', 'mitigated'];
  let n = 0;
  return {
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, any>) => {
          const who = sessions[n % sessions.length]!;
          const item = itemIds[n % itemIds.length];
          const value = values[Math.floor(n / sessions.length) % 3]!;
          n++;
          return {
            ...req,
            path: `/consultation/${stepId}/items/${item}/vote`,
            headers: { ...req.headers, cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ _csrf: who.csrf, value }).toString(),
          };
        },
      },
    ],
  };
}

export const consultation: BenchFile = {
  name: 'consultation',
  seed: ({ db, users }) => seedConsultation(db, users, 5000),
  scenarios: [
    { name: 'consultation.section', path: (s) => section(s, 'votes'), min_ratio: 0.2, max_p99: 50 },
    { name: 'consultation.controversial', path: (s) => section(s, 'controversial'), min_ratio: 0.2, max_p99: 50 },
    // The same page for a logged-in voter, built per request: never from the page cache.
    {
      name: 'consultation.section.logged-in',
      min_ratio: 0.15,
      max_p99: 50,
      setup: async (ctx) => ({ requests: [{ method: 'GET', path: section(ctx.seeds, 'votes') }], headers: { cookie: ctx.seeds.consultation.sessions[0].cookie } }),
    },
    { name: 'consultation.vote', min_rps: 300, setup: async (ctx) => votes(ctx) },
  ],
};
