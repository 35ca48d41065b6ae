// The pages a vote form can sit on, so that a vote refused without JavaScript re-renders the
// page the person came from with the refusal (status 422 or 409), rather than another page.
// A page of the module registers itself here (the list, a proposal's page); the ballot page is
// the fallback (vote-posts.ts).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StepContext } from './guards.ts';

/** The refusal as pages show it: its message, and the proposal whose widget it concerns. */
export interface ShownRefusal {
  key: string;
  params?: Record<string, string | number>;
  proposalId: number | null;
}

/** Renders the page at `back` (the form's `back` field: path and query) with the refusal, at this status. */
export type RefusalPage = (request: FastifyRequest, reply: FastifyReply, ctx: StepContext, refusal: ShownRefusal, status: number, back: string) => Promise<FastifyReply>;

const pages: { path: RegExp; render: RefusalPage }[] = [];

/** `path` matches the pathname of the page (e.g. /^\/selection\/\d+$/). */
export function registerRefusalPage(path: RegExp, render: RefusalPage): void {
  pages.push({ path, render });
}

/** The page of this step to re-render for this `back` address, if one registered it. */
export function refusalPageFor(stepId: number, back: string): ((request: FastifyRequest, reply: FastifyReply, ctx: StepContext, refusal: ShownRefusal, status: number) => Promise<FastifyReply>) | null {
  const pathname = back.split(/[?#]/)[0]!;
  const own = `/selection/${stepId}`;
  if (pathname !== own && !pathname.startsWith(`${own}/`)) return null;
  const page = pages.find((p) => p.path.test(pathname));
  return page ? (request, reply, ctx, refusal, status) => page.render(request, reply, ctx, refusal, status, back) : null;
}
