// Property: whatever sequence of adds, removals, moves and validations people make, each
// accepted or refused by the rules, the proposals' counters equal a recount from the votes of
// counted ballots, positions stay 0..n−1, and a ballot counts exactly when the rules say so.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeApp } from '../../../test/helpers/app.ts';
import { makeSelection, addVoter, selectionCounters, type SelectionSettings } from './test-fixtures.ts';
import { voteSettings } from './rules.ts';
import { addVote, moveVote, removeVote, validateBallot, VoteRefused } from './ballot-writes.ts';
import { isCounted } from './vote-rules.ts';

const t = await makeApp();
after(() => t.close());

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), voter: fc.nat(2), proposal: fc.nat(5) }),
  fc.record({ kind: fc.constant('remove' as const), voter: fc.nat(2), proposal: fc.nat(5) }),
  fc.record({ kind: fc.constant('move' as const), voter: fc.nat(2), proposal: fc.nat(5), up: fc.boolean() }),
  fc.record({ kind: fc.constant('validate' as const), voter: fc.nat(2), proposal: fc.constant(0) }),
);
const settings = fc.record({
  vote_type: fc.constantFrom('support' as const, 'budget' as const),
  budget: fc.constantFrom(1000, 2500),
  votes_max: fc.constantFrom(0, 2, 4),
  votes_min: fc.constantFrom(0, 2),
  ranked: fc.boolean(),
  confirm: fc.boolean(),
}) satisfies fc.Arbitrary<SelectionSettings>;

test('for random sequences of adds, removals, moves and validations, the counters equal a recount', async () => {
  await fc.assert(
    fc.asyncProperty(settings, fc.array(op, { minLength: 1, maxLength: 25 }), async (raw, ops) => {
      const s: SelectionSettings = { ...raw, votes_max: raw.ranked && raw.votes_max === 0 ? 4 : raw.votes_max };
      const fx = makeSelection(t.db, { settings: s, proposals: [300, 500, 800, 1000, 200, 700].map((cost) => ({ cost })) });
      const voters = [addVoter(t.db), addVoter(t.db), addVoter(t.db)];
      for (const o of ops) {
        const userId = voters[o.voter]!;
        const id = fx.proposals[o.proposal]!.id;
        const run = o.kind === 'add' ? addVote(t.db, fx.step, userId, id) : o.kind === 'remove' ? removeVote(t.db, fx.step, userId, id) : o.kind === 'move' ? moveVote(t.db, fx.step, userId, id, o.up ? 'up' : 'down') : validateBallot(t.db, fx.step, userId);
        await run.catch((error: unknown) => {
          if (!(error instanceof VoteRefused)) throw error;
        });
      }
      const rules = voteSettings(fx.step);
      const c = selectionCounters(t, fx.stepId, { ranked: rules.ranked, votesMax: rules.votesMax });
      assert.deepEqual(c.stored, c.recount);
      for (const b of c.ballots) assert.equal(b.votes, b.rows);
      const ballots = t.db.sqlite.prepare('select user_id as u, votes, counted, validated_at as v from selection_ballots where step_id = ?').all(fx.stepId) as { u: number; votes: number; counted: number; v: string | null }[];
      for (const b of ballots) {
        assert.equal(b.counted === 1, isCounted(rules, b.votes, b.v !== null));
        const positions = (t.db.sqlite.prepare('select position from selection_votes where step_id = ? and user_id = ? order by position').all(fx.stepId, b.u) as { position: number }[]).map((r) => r.position);
        assert.deepEqual(positions, positions.map((_, i) => i));
        if (rules.votesMax > 0) assert.ok(b.votes <= rules.votesMax);
        if (rules.type === 'budget') {
          const spent = (t.db.sqlite.prepare('select coalesce(sum(p.cost), 0) as s from selection_votes v join selection_proposals p on p.step_id = v.step_id and p.proposal_id = v.proposal_id where v.step_id = ? and v.user_id = ?').get(fx.stepId, b.u) as { s: number }).s;
          assert.ok(spent <= rules.budget);
        }
      }
    }),
    { numRuns: 40 },
  );
});
