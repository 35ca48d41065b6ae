// The people of a permission table (a route's expected status for each of them) and a logged-in
// client for each: shared by the modules' access tests, which list their routes against them.
import type { Client, TestApp } from './app.ts';
import { anonymous, loginAs } from './factories.ts';

export const PEOPLE = ['anonymous', 'unconfirmed', 'citizen', 'moderator', 'admin'] as const;
export type Who = (typeof PEOPLE)[number];
export type Expected = Record<Who, number>;

/** The same status for everyone, or another one for administrators. */
export const all = (status: number, admin = status): Expected => ({ anonymous: status, unconfirmed: status, citizen: status, moderator: status, admin });
/** A back-office page: visitors go to the login page, logged-in people but administrators get 403. */
export const adminGet: Expected = { ...all(403, 200), anonymous: 303 };
/** A back-office post: visitors get 401, logged-in people but administrators 403, administrators 303. */
export const adminPost: Expected = { ...all(403, 303), anonymous: 401 };

/** A fresh client for this person: a visitor, or a new account (confirmed unless 'unconfirmed'). */
export async function clientOf(t: TestApp, who: Who): Promise<Client> {
  if (who === 'anonymous') return anonymous(t);
  return (await loginAs(t, who === 'unconfirmed' ? 'citizen' : who, { confirmed: who !== 'unconfirmed' })).client;
}
