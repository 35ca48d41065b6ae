// The contract of a list's stored random order (the collect and selection lists): read from the
// visitor's seed onwards, wrapping round to its start; pages of limit + 1 that never repeat nor
// skip a row, the same for one seed, another first page for another seed. Each module's test
// gives its rows and how to set their keys and read its pages, then adds its own cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';

export interface RandomOrderList {
  /** The ids of the list's rows, in posting order. */
  ids(): number[];
  /** Sets every row's stored key (and whether it is published: missing means yes). */
  store(keys: number[], published?: boolean[]): void;
  /** Every page of the random order for a seed, read until there is no next one. */
  readAll(seed: number): number[][];
  pageSize: number;
}

/** The order the list promises: keys from the seed onwards, then those under it; ties by id. */
export function expectedOrder(ids: number[], seed: number, keys: number[], keep: (i: number) => boolean = () => true): number[] {
  return ids
    .map((id, i) => ({ id, key: keys[i]!, i }))
    .filter((r) => keep(r.i))
    .sort((a, b) => Number(a.key < seed) - Number(b.key < seed) || a.key - b.key || a.id - b.id)
    .map((r) => r.id);
}

/** Keys 10, 10 + step, 10 + 2 step... in posting order. */
export const spreadKeys = (count: number, step: number) => Array.from({ length: count }, (_, i) => 10 + i * step);

/** Registers the three tests every random order passes; `rows` names them ("published proposal"). */
export function testRandomOrder(list: RandomOrderList, rows: string): void {
  const n = () => list.ids().length;
  const size = list.pageSize;

  test(`paging through the random list gives every ${rows} exactly once, in the stored order read from the seed and wrapping round to its start`, () => {
    fc.assert(
      fc.property(
        // Small keys, so that equal keys (ties, broken by id) and seeds on a key are frequent.
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: n(), maxLength: n() }),
        fc.array(fc.boolean(), { minLength: n(), maxLength: n() }),
        fc.integer({ min: 1, max: 41 }),
        (keys, published, seed) => {
          list.store(keys, published);
          const pages = list.readAll(seed);
          for (const page of pages.slice(0, -1)) assert.equal(page.length, size);
          assert.deepEqual(pages.flat(), expectedOrder(list.ids(), seed, keys, (i) => published[i]!));
        },
      ),
      { numRuns: 60 },
    );
    list.store(spreadKeys(n(), 7));
  });

  test('one seed gives the same pages every time; another seed gives another first page', () => {
    const keys = spreadKeys(n(), 1000);
    list.store(keys);
    const seed = 10 + 17 * 1000;
    const first = list.readAll(seed);
    assert.deepEqual(list.readAll(seed), first);
    assert.deepEqual(first.flat(), expectedOrder(list.ids(), seed, keys));
    assert.notDeepEqual(list.readAll(10 + 40 * 1000)[0], first[0]);
  });

  test('the order wraps round: a seed past every key starts at the lowest one, and a page across the end goes on from the start', () => {
    const keys = spreadKeys(n(), 10);
    list.store(keys);
    const ids = list.ids();
    assert.deepEqual(list.readAll(1_000_000).flat(), ids, 'past every key: the stored order from its start');
    // From the key of the 40th row: page 1 holds rows 40 to the last and then the first ones.
    const rest = size - (n() - 39);
    const [first, second] = list.readAll(keys[39]!);
    assert.deepEqual(first, [...ids.slice(39), ...ids.slice(0, rest)]);
    assert.deepEqual(second, ids.slice(rest, rest + size));
  });
}
