// The votation's rows and their data: an open votation by electoral roll with 200,000 people on
// the roll (access codes stored as HMACs, the first 40,000 codes handed to the runner), and a
// closed one holding 200,000 majority judgment ballots of 10 options with their 200,000 marks.
// votation.ballot: durable ballot POSTs, each with a fresh code (code check, mark, ballot);
// votation.results: the seal of the closed one (hash and results of 200,000 ballots) timed on
// the first request, then its results page.
// Raw prepared statements in one transaction: this is bulk loading, not application code.
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Db } from '../src/db/open.ts';
import type { BenchFile, RunContext } from './scenario.ts';
import { randomString } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';
import { codeHash, newCode, votationKey } from '../src/modules/votation/codes.ts';

const ROLL = 200_000;
const CODES_HANDED = 40_000;
const OPTIONS = 10;
const GRADES = ['Excellent', 'Très bien', 'Bien', 'Assez bien', 'Passable', 'À rejeter'];

interface VotationSeed {
  openId: number;
  closedId: number;
  codes: string[];
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function seedVotation(db: Db): VotationSeed {
  const sqlite = db.sqlite;
  const random = rng(11);
  const key = votationKey(path.dirname(sqlite.name));
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  return sqlite.transaction(() => {
    const projectId = Number(sqlite.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('banc-votation', 'Votation de banc d''essai', 'Données générées', 'public', ?, ?)`).run(iso(now), iso(now)).lastInsertRowid);
    const insertStep = sqlite.prepare(`insert into steps (project_id, position, type, title, body_md, starts_at, ends_at, settings, created_at, updated_at) values (?, ?, 'votation', ?, 'Une **présentation** du vote.', ?, ?, '{"electorate":"roll"}', ?, ?)`);
    const openId = Number(insertStep.run(projectId, 1, 'Quels aménagements pour le parc ?', iso(now - 86400_000), iso(now + 365 * 86400_000), iso(now), iso(now)).lastInsertRowid);
    const closedId = Number(insertStep.run(projectId, 2, 'Quels projets pour le budget participatif ?', iso(now - 30 * 86400_000), iso(now - 86400_000), iso(now), iso(now)).lastInsertRowid);
    const options = JSON.stringify(Array.from({ length: OPTIONS }, (_, i) => `Projet ${i + 1}`));
    const insertQuestion = sqlite.prepare(`insert into votation_questions (step_id, position, title, method, max_choices, blank_allowed, options_json, grades_json) values (?, 1, 'Jugez chaque projet', 'majority', null, 0, ?, ?)`);
    for (const id of [openId, closedId]) insertQuestion.run(id, options, JSON.stringify(GRADES));

    // The open votation's roll: a code per person, only its HMAC stored.
    const insertRoll = sqlite.prepare(`insert into votation_roll (step_id, identifier, name, email, code_hash) values (?, ?, ?, ?, ?)`);
    const codes: string[] = [];
    for (let i = 0; i < ROLL; i++) {
      const code = newCode();
      if (i < CODES_HANDED) codes.push(code);
      insertRoll.run(openId, `E${i}`, `Électeur ${i}`, `electeur-${i}@bench.palabre.test`, Buffer.from(codeHash(key, openId, code)));
    }

    // The closed votation: 200,000 people who voted, their marks and, apart, their ballots.
    const insertMark = sqlite.prepare(`insert into votation_voters (step_id, user_id, roll_id) values (?, null, ?)`);
    const insertBallot = sqlite.prepare(`insert into votation_ballots (step_id, id, answers) values (?, ?, ?)`);
    for (let i = 0; i < ROLL; i++) {
      const rollId = Number(insertRoll.run(closedId, `C${i}`, null, null, null).lastInsertRowid);
      insertMark.run(closedId, rollId);
      // Projects liked unevenly: grades skewed by the project's index.
      const grades = Array.from({ length: OPTIONS }, (_, o) => Math.min(5, Math.floor(random() * (2 + (o % 5)))));
      insertBallot.run(closedId, randomBytes(16).toString('hex'), JSON.stringify([grades]));
    }
    sqlite.prepare(`insert into votation_steps (step_id, voters_count) values (?, 0), (?, ?)`).run(openId, closedId, ROLL);
    return { openId, closedId, codes };
  })();
}

/** Ballot POSTs without an account: a fresh code each, a browser's CSRF cookie and token. */
function ballots(ctx: RunContext) {
  const { openId, codes } = ctx.seeds.votation as VotationSeed;
  const secret = randomString();
  const csrf = csrfToken(secret, null);
  let n = 0;
  return {
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, any>) => {
          const code = codes[n++ % codes.length]!;
          const body = new URLSearchParams({ _csrf: csrf, code });
          for (let o = 0; o < OPTIONS; o++) body.set(`q0_o${o}`, String((n + o) % GRADES.length));
          return { ...req, path: `/votation/${openId}/ballot`, headers: { ...req.headers, cookie: `csrf=${secret}`, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() };
        },
      },
    ],
  };
}

/** The first request seals the closed votation (the file's hash and the results of 200,000 ballots): timed here. */
async function results(ctx: RunContext) {
  const { closedId } = ctx.seeds.votation as VotationSeed;
  const started = performance.now();
  const res = await fetch(`${ctx.baseUrl}/votation/${closedId}`);
  const html = await res.text();
  const ms = Math.round(performance.now() - started);
  if (res.status !== 200 || !/votation-hash">[0-9a-f]{64}</.test(html)) throw new Error(`the closed votation did not seal: ${res.status}`);
  console.log(`votation.results: 200,000 majority judgment ballots of ${OPTIONS} options sealed (SHA-256 and results) in ${ms} ms${ms >= 2000 ? ' — target missed (< 2,000 ms)' : ''}`);
  return { requests: [{ method: 'GET', path: `/votation/${closedId}` }] };
}

export const votation: BenchFile = {
  name: 'votation',
  seed: ({ db }) => seedVotation(db),
  scenarios: [
    { name: 'votation.ballot', min_rps: 300, max_p99: 100, setup: async (ctx) => ballots(ctx) },
    { name: 'votation.results', setup: results },
  ],
};
