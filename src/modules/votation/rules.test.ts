// The votation's pure rules, table-driven: ballot forms per method, access codes, receipts and
// roll CSV; with fast-check, every code printed is read back, and any ballot the form accepts
// fits its question in the published file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseBallotForm, normalizeReceipt, formatReceipt, parseQuestionForm } from './rules.ts';
import { codeHash, newCode, normalizeCode } from './codes.ts';
import { parseCsv, parseRoll } from './roll-csv.ts';
import { answerProblem, type FileQuestion } from './ballot-file.ts';

const q = (method: FileQuestion['method'], extra: Partial<FileQuestion> = {}): FileQuestion => ({ id: 1, title: 'Q', method, max: null, blank: false, options: ['a', 'b', 'c'], grades: method === 'majority' ? ['top', 'mid', 'low'] : null, ...extra });

test('ballot forms give each method its answer, its error, or a bad request', () => {
  const table: [FileQuestion, Record<string, unknown>, unknown, string | null, boolean][] = [
    [q('single'), { q0: '2' }, 2, null, false],
    [q('single'), { q0: '' }, null, 'votation.ballot.error.single', false],
    [q('single'), { q0: '3' }, null, null, true],
    [q('single', { blank: true }), { q0_blank: '1', q0: '1' }, null, null, false],
    [q('approval'), { q0: ['2', '0'] }, [0, 2], null, false],
    [q('approval'), {}, null, 'votation.ballot.error.approval_none', false],
    [q('approval', { blank: true }), {}, null, null, false],
    [q('approval', { max: 1 }), { q0: ['0', '1'] }, [0, 1], 'votation.ballot.error.approval_max', false],
    [q('approval'), { q0: ['0', 'x'] }, [0], null, true],
    [q('majority'), { q0_o0: '0', q0_o1: '2', q0_o2: '2' }, [0, 2, 2], null, false],
    [q('majority'), { q0_o0: '0', q0_o1: '2' }, [0, 2, null], 'votation.ballot.error.majority', false],
    [q('majority'), { q0_o0: '0', q0_o1: '2', q0_o2: '3' }, [0, 2, null], 'votation.ballot.error.majority', true],
    [q('ranked'), { q0_o0: '2', q0_o1: '1', q0_o2: '' }, [1, 0], null, false],
    [q('ranked'), { q0_o0: '1', q0_o1: '1' }, [0, 1], 'votation.ballot.error.ranked_twice', false],
    [q('ranked'), {}, null, 'votation.ballot.error.ranked_none', false],
    [q('ranked'), { q0_o0: '4' }, null, 'votation.ballot.error.ranked_none', true],
  ];
  for (const [question, body, answer, error, bad] of table) {
    const r = parseBallotForm([question], body);
    assert.deepEqual([r.answers[0], r.errors.q0?.key ?? null, r.bad], [answer, error, bad], `${question.method} ${JSON.stringify(body)}`);
  }
});

test('whatever a form sends, an accepted ballot fits its question in the published file', () => {
  const methods = ['single', 'approval', 'majority', 'ranked'] as const;
  const value = fc.oneof(fc.constantFrom('', '0', '1', '2', '3', 'x'), fc.array(fc.constantFrom('0', '1', '2', '9'), { maxLength: 4 }));
  fc.assert(fc.property(fc.constantFrom(...methods), fc.boolean(), fc.option(fc.integer({ min: 1, max: 3 })), fc.dictionary(fc.constantFrom('q0', 'q0_o0', 'q0_o1', 'q0_o2', 'q0_blank'), value), (method, blank, max, body) => {
    const question = q(method, { blank, max: method === 'approval' ? max : null });
    const r = parseBallotForm([question], body);
    if (r.bad || Object.keys(r.errors).length > 0) return;
    const a = r.answers[0]!;
    if (a === null) assert.ok(blank || method === 'approval' || method === 'ranked');
    else assert.equal(answerProblem(question, a), null);
  }), { numRuns: 2000 });
});

test('the admin’s question form reads its prefixed fields', () => {
  const r = parseQuestionForm({ 'new-title': ' Q ', 'new-method': 'majority', 'new-options': 'A\n\nB\n', 'new-grades': 'Bien\nMal', 'new-blank': '1' }, 'new-');
  assert.deepEqual(r.input, { title: 'Q', method: 'majority', max: null, blank: true, options: ['A', 'B'], grades: ['Bien', 'Mal'] });
  assert.deepEqual(Object.keys(parseQuestionForm({}, 'new-').errors).sort(), ['method', 'options', 'title']);
});

test('access codes carry 120 bits, print in groups, and are read back however they are typed', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const code = newCode();
    assert.match(code, /^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    assert.equal(normalizeCode(code), code.replace(/-/g, ''));
    assert.equal(normalizeCode(` ${code.toLowerCase().replace(/-/g, ' ')} `), code.replace(/-/g, ''));
    seen.add(code);
  }
  assert.equal(seen.size, 200);
  assert.equal(normalizeCode('0000-1111-2222-3333-4444-55'), null);
  assert.equal(normalizeCode('oooo-iiii-llll-3333-4444-5555'), '000011111111333344445555');
  assert.equal(normalizeCode('UUUU-1111-2222-3333-4444-5555'), null);
  const key = Buffer.alloc(32, 7);
  assert.notDeepEqual(codeHash(key, 1, 'ABCD'), codeHash(key, 2, 'ABCD'), 'bound to its step');
  assert.deepEqual(codeHash(key, 1, 'AB-CD'), codeHash(key, 1, 'ABCD'));
});

test('receipts are 32 hex digits, shown in groups and read back', () => {
  const id = '0123456789abcdef0123456789abcdef';
  assert.equal(formatReceipt(id), '0123-4567-89ab-cdef-0123-4567-89ab-cdef');
  assert.equal(normalizeReceipt(formatReceipt(id).toUpperCase()), id);
  for (const bad of ['', 'xyz', id.slice(1), id + '0', 12, null]) assert.equal(normalizeReceipt(bad), null, String(bad));
});

test('CSV cells follow RFC 4180, with commas or semicolons', () => {
  assert.deepEqual(parseCsv('a,"b, ""c""",d\r\ne,f\n\n'), [['a', 'b, "c"', 'd'], ['e', 'f']]);
  assert.deepEqual(parseCsv('\uFEFFa;b;c\n"x\ny";z'), [['a', 'b', 'c'], ['x\ny', 'z']]);
  const r = parseRoll('Identifiant,Nom,Email\nA, Ann ,ANN@Example.org\nB,,\n');
  assert.deepEqual(r, { entries: [{ identifier: 'A', name: 'Ann', email: 'ann@example.org' }, { identifier: 'B', name: null, email: null }], problems: [] });
});
