// Opening the SQLite file: the pragmas every connection needs, set at every open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from './open.ts';

test('every connection opens with WAL, durable commits, foreign keys and deleted rows overwritten', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-open-'));
  const db = openDatabase(path.join(dir, 'palabre.db'));
  const one = (pragma: string) => Object.values(db.sqlite.pragma(pragma, { simple: false }) as Record<string, unknown>[])[0];
  assert.deepEqual(one('journal_mode'), { journal_mode: 'wal' });
  assert.deepEqual(one('synchronous'), { synchronous: 2 });
  assert.deepEqual(one('foreign_keys'), { foreign_keys: 1 });
  assert.deepEqual(one('secure_delete'), { secure_delete: 1 });
  db.sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
