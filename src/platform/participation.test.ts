// What a step asks for each action: every requirement applies to the actions listed for it, or
// to all of them when none is; without an action, everything the step asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepRequirements, type Step } from './participation.ts';

const step = (fields: Partial<Step>): Step => ({ require_postal_code: 0, require_district: 0, require_checkbox_label: null, requirement_actions: '{}', ...fields }) as Step;

test('requirements apply per action, to every action by default', () => {
  const cases: [string, Partial<Step>, string | undefined, string[]][] = [
    ['nothing asked', {}, 'vote', []],
    ['postal code for every action', { require_postal_code: 1 }, 'vote', ['postal_code']],
    ['postal code for votes only, asked to vote', { require_postal_code: 1, requirement_actions: '{"postal_code":["vote"]}' }, 'vote', ['postal_code']],
    ['postal code for votes only, asked to comment', { require_postal_code: 1, requirement_actions: '{"postal_code":["vote"]}' }, 'contribute', []],
    ['a limit on a requirement not asked for changes nothing', { requirement_actions: '{"district":["vote"]}' }, 'vote', []],
    ['all three, one limited', { require_postal_code: 1, require_district: 1, require_checkbox_label: 'Oui', requirement_actions: '{"district":["contribute"]}' }, 'vote', ['postal_code', 'checkbox']],
    ['no action: everything asked', { require_postal_code: 1, require_district: 1, requirement_actions: '{"district":["contribute"]}' }, undefined, ['postal_code', 'district']],
    ['broken JSON: every action', { require_district: 1, requirement_actions: 'not json' }, 'vote', ['district']],
    ['an empty list: every action', { require_district: 1, requirement_actions: '{"district":[]}' }, 'vote', ['district']],
  ];
  for (const [name, fields, action, expected] of cases) assert.deepEqual(stepRequirements(step(fields), action), expected, name);
});
