// Shared by the accounts tests, on top of test/helpers/factories.ts: one account's row, and
// everything a refused request could have changed, to compare before and after.
import type { TestApp } from '../../../test/helpers/app.ts';
import { countRows } from '../../../test/helpers/factories.ts';
import { readSync } from '../../db/write.ts';

export function userRow(t: TestApp, id: number) {
  return readSync(t.db).first(t.db.selectFrom('users').selectAll().where('id', '=', id))!;
}

/** Everything that can change in one account, to compare before and after a refused request. */
export function snapshot(t: TestApp, id?: number) {
  return {
    users: countRows(t, 'users'),
    sessions: countRows(t, 'sessions'),
    tokens: countRows(t, 'one_time_tokens'),
    mails: countRows(t, 'mail_outbox'),
    user: id === undefined ? null : userRow(t, id),
  };
}
