// What the list and a proposal's page show of the reader's ballot: H3's summary of what is left
// and each proposal's vote button (ballot-queries.ts, vote-rules.ts), read once per page.
import type { FastifyRequest } from 'fastify';
import type { StepContext } from './guards.ts';
import type { VoteSettings } from './rules.ts';

export function ballotOf(_request: FastifyRequest, _ctx: StepContext, _settings: VoteSettings, cards: readonly { id: number }[]) {
  return { ballot: null, votes: cards.map(() => null) };
}
