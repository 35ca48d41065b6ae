// The questionnaire's rows and their data: one open questionnaire of 140 questions (the
// barometer template and more) with 20,000 submitted responses in four districts, their free texts
// and counters consistent with the rows; a reader with a draft (the page row), 5,000 people whose
// complete drafts are ready to submit (the submit row: each POST is a real, durable submission),
// and an administrator for the results and the CSV export (its time and peak RSS).
// Raw prepared statements in one transaction: this is bulk loading, not application code.
import type { Db } from '../src/db/open.ts';
import type { BenchFile, RunContext } from './scenario.ts';
import { newToken, randomString } from '../src/platform/secrets.ts';
import { csrfToken } from '../src/platform/csrf.ts';
import { readFile } from '../src/modules/questionnaire/transfer.ts';
import { barometer } from '../src/modules/questionnaire/templates/barometer.ts';
import { responseSlots, segmentOf, TEXT_TYPES } from '../src/modules/questionnaire/rules.ts';
import { rng, sampleAnswers } from '../src/modules/questionnaire/sample.ts';
import type { Question } from '../src/platform/questions/types.ts';

// Submitters: more than the submit row can use in its 12 s with warm-up (each submits once).
const SIZES = { questions: 140, responses: 20_000, submitters: 12_000, districts: 4 };

interface QuestionnaireSeed {
  stepId: number;
  /** The page of the reader's draft. */
  page: number;
  reader: { cookie: string; csrf: string };
  admin: { cookie: string; csrf: string };
  submitters: { cookie: string; csrf: string }[];
}

function seedQuestionnaire(db: Db): QuestionnaireSeed {
  const sqlite = db.sqlite;
  const random = rng(11);
  const now = Date.now();
  const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
  const read = readFile(barometer);
  if (!read.ok) throw new Error('the barometer template does not read');
  return sqlite.transaction(() => {
    const projectId = Number(sqlite.prepare(`insert into projects (slug, title, summary, visibility, created_at, updated_at) values ('banc-questionnaire', 'Baromètre de banc d''essai', 'Données générées', 'public', ?, ?)`).run(iso(0), iso(0)).lastInsertRowid);
    const settings = JSON.stringify({ public_results: true, acknowledgement: false });
    const stepId = Number(
      sqlite
        .prepare(`insert into steps (project_id, position, type, title, body_md, settings, starts_at, ends_at, created_at, updated_at) values (?, 1, 'questionnaire', 'Baromètre de la démocratie locale', 'Une **présentation**.', ?, ?, ?, ?, ?)`)
        .run(projectId, settings, iso(30 * 86400_000), new Date(now + 365 * 86400_000).toISOString(), iso(0), iso(0)).lastInsertRowid,
    );
    // The barometer, then Likert questions in a last section until 140 questions.
    const defs = read.items.map((it) => it.def);
    const asked = () => defs.filter((d) => d.type !== 'section').length;
    defs.push({ type: 'section', title: 'Questions complémentaires', help: '', required: false, private: false, config: {}, showIf: [], jump: null });
    for (let i = 1; asked() < SIZES.questions; i++) defs.push({ type: 'scale', title: `Affirmation complémentaire ${i}`, help: '', required: false, private: false, config: { min: 1, labels: ['Non', 'Plutôt non', 'Plutôt oui', 'Oui'] }, showIf: [], jump: null });
    const insertQuestion = sqlite.prepare(`insert into questionnaire_questions (step_id, position, type, title, help, required, private, config, show_if, jump) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const ids = new Map<number, number>();
    const questions: Question[] = [];
    defs.forEach((d, k) => {
      const id = Number(insertQuestion.run(stepId, k + 1, d.type, d.title, d.help, d.required ? 1 : 0, d.private ? 1 : 0, JSON.stringify(d.config), '[]', null).lastInsertRowid);
      if (read.items[k]) ids.set(read.items[k]!.ref, id);
      questions.push({ id, position: k + 1, ...d });
    });
    // Rules name the template's ids: rewritten to the new ones.
    const setRules = sqlite.prepare(`update questionnaire_questions set show_if = ?, jump = ? where id = ?`);
    for (const q of questions) {
      q.showIf = q.showIf.map((c) => ({ ...c, question: ids.get(c.question)! }));
      q.jump = q.jump ? { when: { ...q.jump.when, question: ids.get(q.jump.when.question)! }, to: q.jump.to ? ids.get(q.jump.to)! : 0 } : null;
      if (q.showIf.length || q.jump) setRules.run(JSON.stringify(q.showIf), q.jump ? JSON.stringify(q.jump) : null, q.id);
    }

    const insertDistrict = sqlite.prepare(`insert into districts (name) values (?)`);
    const districts = ['Centre', 'Gare', 'Les Coteaux', 'Le Port'].slice(0, SIZES.districts).map((name) => Number(insertDistrict.run(`${name} (banc)`).lastInsertRowid));
    const insertResponse = sqlite.prepare(`insert into questionnaire_responses (step_id, user_id, token, status, single, answers, page, segment, created_at, updated_at, submitted_at) values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)`);
    const insertText = sqlite.prepare(`insert into questionnaire_texts (response_id, question_id, segment, body) values (?, ?, ?, ?)`);
    const counts = new Map<string, number>();
    const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
    // Anonymous respondents (a token each): no accounts to make for 20,000 responses.
    for (let r = 0; r < SIZES.responses; r++) {
      const answers = sampleAnswers(questions, random);
      const segment = segmentOf(r % 5 === 4 ? null : districts[r % SIZES.districts]);
      const when = iso(Math.floor(random() * 30 * 86400_000));
      const id = Number(insertResponse.run(stepId, null, randomString(), 'submitted', JSON.stringify(answers), 0, segment, when, when, when).lastInsertRowid);
      for (const q of questions) {
        const a = answers[q.id];
        if (TEXT_TYPES.has(q.type) && typeof a === 'string') insertText.run(id, q.id, segment, a);
      }
      for (const seg of segment ? ['', segment] : ['']) for (const [qid, slot] of [[0, 'responses'] as [number, string], ...responseSlots(questions, answers)]) bump(`${seg}\u0000${qid}\u0000${slot}`);
    }
    const insertCount = sqlite.prepare(`insert into questionnaire_counts (step_id, segment, question_id, slot, n) values (?, ?, ?, ?, ?)`);
    for (const [key, n] of counts) {
      const [segment, qid, slot] = key.split('\u0000');
      insertCount.run(stepId, segment, Number(qid), slot, n);
    }
    sqlite.prepare(`insert into questionnaire_steps (step_id, responses_count, questions_count) values (?, ?, ?)`).run(stepId, SIZES.responses, questions.length);

    // People of their own: the reader, whose draft stops at page 5; the submitters, whose
    // complete drafts wait for their POST; the administrator of the platform's accounts.
    const insertUser = sqlite.prepare(`insert into users (email, display_name, role, locale, news_consent, terms_accepted_at, email_confirmed_at, created_at) values (?, ?, ?, 'fr', 0, ?, ?, ?)`);
    const person = (i: number, role = 'citizen') => Number(insertUser.run(`questionnaire-${i}@bench.palabre.test`, `Répondant ${i}`, role, iso(0), iso(0), iso(0)).lastInsertRowid);
    const insertSession = sqlite.prepare(`insert into sessions (id, secret_hash, user_id, created_at, last_seen_at) values (?, ?, ?, ?, ?)`);
    const session = (userId: number) => {
      const { id, hash, token } = newToken();
      insertSession.run(id, hash, userId, now, now);
      const secret = randomString();
      return { cookie: `session=${token}; csrf=${secret}`, csrf: csrfToken(secret, id) };
    };
    const page = 5;
    const readerId = person(0);
    const firstPages = sampleAnswers(questions, random);
    const upTo = questions.filter((q) => q.type === 'section')[page]!.position;
    const draft = Object.fromEntries(Object.entries(firstPages).filter(([id]) => questions.find((q) => q.id === Number(id))!.position < upTo));
    insertResponse.run(stepId, readerId, null, 'draft', JSON.stringify(draft), page, '', iso(0), iso(0), null);
    const submitters = Array.from({ length: SIZES.submitters }, (_, i) => {
      const userId = person(i + 1);
      insertResponse.run(stepId, userId, null, 'draft', JSON.stringify(sampleAnswers(questions, random)), 0, '', iso(0), iso(0), null);
      return session(userId);
    });
    return { stepId, page, reader: session(readerId), admin: session(person(SIZES.submitters + 1, 'admin')), submitters };
  })();
}

/** Durable submissions, each by the next person with a complete draft: a real write each time. */
function submissions(ctx: RunContext) {
  const { stepId, submitters } = ctx.seeds.questionnaire as QuestionnaireSeed;
  let n = 0;
  return {
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Record<string, any>) => {
          const who = submitters[n++ % submitters.length]!;
          return { ...req, path: `/questionnaire/${stepId}/submit`, headers: { ...req.headers, cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: who.csrf }).toString() };
        },
      },
    ],
  };
}

const seedOf = (ctx: RunContext) => ctx.seeds.questionnaire as QuestionnaireSeed;

export const questionnaire: BenchFile = {
  name: 'questionnaire',
  seed: ({ db }) => seedQuestionnaire(db),
  scenarios: [
    {
      name: 'questionnaire.page',
      min_ratio: 0.15,
      max_p99: 50,
      setup: async (ctx) => ({ requests: [{ method: 'GET', path: `/questionnaire/${seedOf(ctx).stepId}/answer?page=${seedOf(ctx).page}` }], headers: { cookie: seedOf(ctx).reader.cookie } }),
    },
    { name: 'questionnaire.submit', min_rps: 200, setup: async (ctx) => submissions(ctx) },
    {
      name: 'questionnaire.results',
      max_p99: 200,
      setup: async (ctx) => ({ requests: [{ method: 'GET', path: `/questionnaire/${seedOf(ctx).stepId}/results` }], headers: { cookie: seedOf(ctx).admin.cookie } }),
    },
    // One administrator downloading the whole CSV again and again: its p99 is an export's time.
    {
      name: 'questionnaire.export.csv',
      max_p99: 10_000,
      setup: async (ctx) => ({ connections: 1, requests: [{ method: 'GET', path: `/questionnaire/${seedOf(ctx).stepId}/admin/responses.csv` }], headers: { cookie: seedOf(ctx).admin.cookie } }),
    },
  ],
};
