// Rate limits sized for a town: one public address may be the town hall's Wi-Fi with eighty
// people at a workshop, so counts per address are generous, and the tight counts are per
// account and per failure, which is where a brute force or a mail flood shows. The figures of
// each route are in the README's security section.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normalizeIP } from '@fastify/rate-limit';
import { HttpError } from './http.ts';

const MINUTE = 60_000;
const tooMany = () => new HttpError(429, 'errors.429.text');

/** Route config: every request from one address counts (checked before the body is read). */
export const perAddress = (max: number, minutes: number) => ({ rateLimit: { max, timeWindow: minutes * MINUTE } });

/** Route config: every request of one account counts; an anonymous request counts for its address. */
export const perAccount = (max: number, minutes: number) => ({
  rateLimit: { max, timeWindow: minutes * MINUTE, keyGenerator: (r: FastifyRequest) => (r.user ? `account:${r.user.id}` : addressOf(r)) },
});

/** The client's address as the limits count it (IPv6 by /64, as one household or phone gets). */
export const addressOf = (request: FastifyRequest) => `address:${normalizeIP(request.ip)}`;

/** A count of failures only (wrong passwords, refused forms), kept by the handler. */
export interface FailureLimit {
  /** Refuses with 429 once `max` failures were counted for this request's key in the window. */
  check(request: FastifyRequest): Promise<void>;
  /** Counts one failure. */
  fail(request: FastifyRequest): Promise<void>;
}

/** `name` keeps limits apart; `keyOf` names who is counted (an address, an account, an email). */
export function failureLimit(app: FastifyInstance, name: string, max: number, minutes: number, keyOf: (request: FastifyRequest) => string): FailureLimit {
  const limiter = app.createRateLimit({ max, timeWindow: minutes * MINUTE, keyGenerator: (r) => `${name}:${keyOf(r)}` });
  return {
    async check(request) {
      const status = await limiter(request, { increment: false });
      if (!status.isAllowed && status.remaining === 0) throw tooMany();
    },
    async fail(request) {
      await limiter(request);
    },
  };
}

/** A count of successes kept by the handler, e.g. emails sent to one address: false once spent. */
export function quota(app: FastifyInstance, name: string, max: number, minutes: number, keyOf: (request: FastifyRequest) => string) {
  const limiter = app.createRateLimit({ max, timeWindow: minutes * MINUTE, keyGenerator: (r) => `${name}:${keyOf(r)}` });
  return async (request: FastifyRequest): Promise<boolean> => {
    const status = await limiter(request);
    return status.isAllowed || !status.isExceeded;
  };
}

/** The limits every participatory module puts on its routes: publishing text, and votes or marks. */
export const participationLimits = {
  contribute: perAccount(30, 10),
  vote: perAccount(600, 10),
};
