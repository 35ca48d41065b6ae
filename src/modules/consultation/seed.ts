// Demo content for `palabre demo`: a consultation step on the municipal participation charter
// with its sections, ten demo citizens, contributions, amendments, arguments, sources, "useful"
// marks and votes. Everything goes through the same write functions as the routes, so every
// counter is what the pages would have made. Skipped when the charter already has one.
import type { DemoContext } from '../../platform/module.ts';
import type { Step } from '../../platform/participation.ts';
import { addDemoStep, demoCitizens } from '../../platform/demo.ts';
import type { Db } from '../../db/open.ts';
import { write } from '../../db/write.ts';
import type { VoteValue } from './schema.ts';
import { createOpinion } from './item-queries.ts';
import { castVote } from './vote-queries.ts';
import { createAmendment, createArgument, createSource, setUsefulMark, type SourceCategory } from './extras-queries.ts';
import { AMENDMENTS, ARGUMENTS_AGAINST, ARGUMENTS_FOR, OPINIONS, SECTIONS, SOURCES, STEP, TYPES } from './seed-content.ts';

const DAY = 24 * 3600_000;

/** A small seeded generator: the demo is the same on every install. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Types, then sections in reading order; returns section ids by key and type ids by index. */
function createText(db: Db, step: Step) {
  return write(db, (tx) => {
    const typeIds = TYPES.map((t, i) => tx.run(db.insertInto('consultation_contribution_types').values({ step_id: step.id, name: t.name, colour: t.colour, position: i + 1 })).lastInsertRowid);
    const sectionIds = new Map<string, number>();
    const positions = new Map<string, number>();
    for (const s of SECTIONS) {
      const parentKey = s.parent ?? '';
      const position = (positions.get(parentKey) ?? 0) + 1;
      positions.set(parentKey, position);
      const heading = s.types.length === 0;
      const id = tx.run(
        db.insertInto('consultation_sections').values({
          step_id: step.id,
          parent_id: s.parent ? sectionIds.get(s.parent)! : null,
          position,
          title: s.title,
          body_md: s.body,
          allow_amendments: heading ? 0 : 1,
          allow_votes: heading ? 0 : 1,
          default_sort: s.key === 'article2' ? 'votes' : 'newest',
        }),
      ).lastInsertRowid;
      sectionIds.set(s.key, id);
      for (const type of s.types) tx.run(db.insertInto('consultation_section_types').values({ section_id: id, type_id: typeIds[type]! }));
    }
    return { typeIds, sectionIds };
  });
}

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = addDemoStep(db, { type: 'consultation', title: STEP.title, body: STEP.body, startedDaysAgo: 14, endsInDays: 61 }, now);
  if (!step) {
    log('consultation: the charter already has a consultation step, nothing added');
    return;
  }
  const { typeIds, sectionIds } = createText(db, step);
  const people = demoCitizens(db, now);
  const rand = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  // Contributions spread over the last thirteen days, oldest first.
  let clock = now.getTime() - 13 * DAY;
  const tick = () => new Date((clock += (8 + rand() * 8) * 3600_000)).toISOString();

  const items: { id: number; author: number }[] = [];
  OPINIONS.forEach(([key, type, title, body], i) => {
    const author = people[i % people.length]!;
    items.push({ id: createOpinion(db, step, { sectionId: sectionIds.get(key)!, authorId: author, typeId: typeIds[type]!, title, body }, tick()), author });
  });
  AMENDMENTS.forEach(([key, title, body, [search, replace]], i) => {
    const section = SECTIONS.find((s) => s.key === key)!;
    const author = people[(i * 3 + 1) % people.length]!;
    items.push({ id: createAmendment(db, step, sectionIds.get(key)!, author, { title, body, proposedText: section.body.replace(search, replace) }, tick()), author });
  });

  let argumentsCount = 0;
  let marks = 0;
  items.forEach((item, i) => {
    if (i % 3 === 2) return;
    const others = people.filter((p) => p !== item.author);
    const forAuthor = others[i % others.length]!;
    const argFor = createArgument(db, step, item.id, forAuthor, 'for', pick(ARGUMENTS_FOR), tick());
    argumentsCount++;
    if (i % 2 === 0) {
      createArgument(db, step, item.id, others[(i + 3) % others.length]!, 'against', pick(ARGUMENTS_AGAINST), tick());
      argumentsCount++;
    }
    for (const p of others.slice(0, 1 + (i % 4))) {
      if (p === forAuthor) continue;
      setUsefulMark(db, step, argFor, p, true, tick());
      marks++;
    }
  });

  SOURCES.forEach(([title, url, category], i) => {
    const item = items[(i * 5 + 2) % items.length]!;
    createSource(db, step, item.id, people[(i + 4) % people.length]!, { title, url, category: category as SourceCategory }, tick());
  });

  // Votes: most people vote on most items, with opinions that lean one way or split.
  const values: VoteValue[] = ['agree', 'mitigated', 'disagree'];
  const cast: Promise<unknown>[] = [];
  items.forEach((item, i) => {
    const lean = i % 4; // 0-1: mostly agree, 2: split, 3: mostly disagree
    for (const p of people) {
      if (p === item.author || rand() < 0.3) continue;
      const r = rand();
      const value = lean < 2 ? (r < 0.7 ? 'agree' : r < 0.85 ? 'mitigated' : 'disagree') : lean === 2 ? (r < 0.45 ? 'agree' : r < 0.55 ? 'mitigated' : 'disagree') : r < 0.2 ? 'agree' : r < 0.35 ? 'mitigated' : 'disagree';
      cast.push(castVote(db, step, { kind: 'item', id: item.id }, p, value, tick()));
    }
  });
  for (const s of SECTIONS.filter((x) => x.types.length > 0)) {
    for (const p of people) {
      if (rand() < 0.4) continue;
      cast.push(castVote(db, step, { kind: 'section', id: sectionIds.get(s.key)! }, p, pick(values), tick()));
    }
  }
  await Promise.all(cast); // one commit for them all
  const votes = cast.length;
  log(`consultation: ${SECTIONS.length} sections, ${OPINIONS.length} contributions, ${AMENDMENTS.length} amendments, ${argumentsCount} arguments, ${SOURCES.length} sources, ${marks} useful marks, ${votes} votes`);
}
