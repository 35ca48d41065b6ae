// The results' CSV: administrators only; UTF-8 with a BOM; one line per proposal in the ranking's
// order with its digital, paper and total votes, points and winner; formulas neutralised; never
// a voter's name, id or the votes of one person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeApp, type TestApp } from '../../../test/helpers/app.ts';
import { anonymous, loginAs } from '../../../test/helpers/factories.ts';
import { write } from '../../db/write.ts';
import { addVoter, makeSelection } from './test-fixtures.ts';
import { setCounters } from './results-fixtures.ts';

let t: TestApp;
before(async () => (t = await makeApp()));
after(() => t.close());

test('the CSV lists the votes per proposal for administrators only, with a BOM, ranked, never who voted', async () => {
  const fx = makeSelection(t.db, { state: 'closed', settings: { vote_type: 'budget', budget: 1000 }, proposals: [{ cost: 700, title: '=HYPERLINK("x")' }, { cost: 600, title: 'Un banc, « près » de l’école' }] });
  const [a, b] = fx.proposals.map((p) => p.id) as [number, number];
  setCounters(t.db, fx.stepId, a, 3, 0, 1);
  setCounters(t.db, fx.stepId, b, 5);
  // A real voter's rows: their name and id must not reach the file.
  const voter = addVoter(t.db);
  t.db.sqlite.prepare("update users set display_name = 'Électrice Secrète' where id = ?").run(voter);
  write(t.db, (tx) => {
    const now = new Date().toISOString();
    tx.run(t.db.insertInto('selection_ballots').values({ step_id: fx.stepId, user_id: voter, district_id: null, votes: 1, counted: 1, validated_at: null, created_at: now, updated_at: now }));
    tx.run(t.db.insertInto('selection_votes').values({ step_id: fx.stepId, proposal_id: b, user_id: voter, position: 0, created_at: now }));
  });
  const url = `/selection/${fx.stepId}/results.csv`;
  assert.equal((await t.client().get(url)).statusCode, 303);
  for (const who of ['citizen', 'moderator'] as const) assert.equal((await (await loginAs(t, who)).client.get(url)).statusCode, 403, who);
  assert.equal((await (await anonymous(t)).get(url)).statusCode, 303);
  const { client: admin } = await loginAs(t, 'admin');
  const res = await admin.get(url);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /^text\/csv; charset=utf-8/);
  assert.match(res.headers['content-disposition'] as string, /attachment; filename="selection-\d+-results\.csv"/);
  assert.ok(res.body.startsWith('\uFEFF'), 'BOM');
  const lines = res.body.slice(1).split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'Référence,Titre,Enveloppe,Rang,Coût (€),Votes en ligne,Votes papier,Total des votes,Points (total),Points papier,Lauréat,Résultat');
  assert.equal(lines.length, 3);
  const refs = t.db.sqlite.prepare('select contribution_id as id, reference from collect_proposals where contribution_id in (?, ?)').all(a, b) as { id: number; reference: number }[];
  const ref = (id: number) => refs.find((r) => r.id === id)!.reference;
  assert.equal(lines[1], `${ref(b)},"Un banc, « près » de l’école",Toutes les propositions,1,600,5,0,5,0,0,oui,Lauréat (provisoire)`);
  assert.equal(lines[2], `${ref(a)},"'=HYPERLINK(""x"")",Toutes les propositions,2,700,3,1,4,0,0,non,Non retenu : dépasse le budget restant`);
  assert.doesNotMatch(res.body, /Électrice Secrète/);
  await admin.post(`/selection/${fx.stepId}/results/publish`);
  await admin.get('/lang/en');
  const en = await admin.get(url);
  assert.match(en.body, /^\uFEFFReference,Title,Envelope,Rank/);
  assert.match(en.body, /,yes,Winner\r\n/);
});
