// Demo content for `palabre demo`: an open collect step added to the charter project (made when
// missing), with its categories, a form asking for a summary, a category and an estimated cost,
// and ten proposals by the demo citizens, written through the same functions as the routes so
// every counter and the search index are what the pages would have made. Skipped when the
// charter already has a collect step.
import type { DemoContext } from '../../platform/module.ts';
import { addDemoStep, demoCitizens } from '../../platform/demo.ts';
import { createProposal } from './writes.ts';
import { createCategory, saveFormConfig } from './admin-writes.ts';
import { formConfig } from './rules.ts';
import { CATEGORIES, PRESENTATION, PROPOSALS, STEP_TITLE } from './seed-content.ts';

const DAY = 24 * 3600_000;

export async function seed({ db, log }: DemoContext, now = new Date()): Promise<void> {
  const step = addDemoStep(db, { type: 'collect', title: STEP_TITLE, body: PRESENTATION, startedDaysAgo: 6, endsInDays: 30 }, now);
  if (!step) {
    log('collect: the charter already has a collect step, nothing added');
    return;
  }
  const people = demoCitizens(db, now);
  const form = formConfig('{}');
  form.fields.category.mode = 'required';
  form.fields.cost = { mode: 'optional', help: 'Une estimation suffit : les services de la ville la préciseront.' };
  form.costMax = 100000;
  saveFormConfig(db, step.id, form);
  const categories = CATEGORIES.map(([name, colour]) => createCategory(db, step.id, { name, colour }));
  let clock = now.getTime() - 5 * DAY;
  for (const [who, cat, title, summary, body, address, cost] of PROPOSALS) {
    const input = { title, summary, body, categoryId: categories[cat]!, districtId: null, address, cost, answers: {} };
    createProposal(db, step, people[who]!, input, { now: new Date((clock += 9 * 3600_000)).toISOString() });
  }
  log(`collect: "${STEP_TITLE}", ${categories.length} categories, ${PROPOSALS.length} proposals`);
}
