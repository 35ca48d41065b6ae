// The account export lists a person's responses with their answers; erasure deletes their drafts
// and unlinks their submitted responses, which stay counted, as anonymous ones always were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { addUser, countRows } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { listQuestions } from './queries.ts';
import { saveDraft, submitResponse } from './writes.ts';
import { countersVsRows, makeQuestionnaire } from './test-fixtures.ts';
import { manifest } from './manifest.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('a person’s responses are in their export and unlinked by erasure, the counts kept', async () => {
  const a = makeQuestionnaire(t.db);
  const b = makeQuestionnaire(t.db);
  const questions = listQuestions(t.db, a.stepId);
  const userId = addUser(t.db);
  await submitResponse(t.db, a.step, { userId, token: null }, null, questions, { [questions[0]!.id]: 1, [questions[4]!.id]: 2 }, { single: true, districtId: null });
  saveDraft(t.db, b.stepId, { userId, token: null }, undefined, { 1: 'brouillon' }, 0);
  const exported = manifest.personalData!.export(t.db, userId) as { responses: { status: string; answers: Record<string, unknown> }[] };
  assert.deepEqual(exported.responses.map((r) => r.status), ['submitted', 'draft']);
  assert.equal(exported.responses[0]!.answers[questions[0]!.id], 1);
  write(t.db, (tx) => manifest.personalData!.erase!(t.db, tx, userId));
  assert.equal(countRows(t, `questionnaire_responses where user_id = ${userId}`), 0);
  assert.equal(countRows(t, `questionnaire_responses where step_id = ${b.stepId}`), 0, 'the draft is gone');
  const c = countersVsRows(t, a.stepId);
  assert.equal(c.responses, 1);
  assert.deepEqual(c.stored, c.recount);
});
