// Registering for an event and cancelling: a logged-in person with a confirmed email, until the
// event starts. Past the capacity they wait, and the page tells them their place in the queue.
// Without JavaScript the form posts and comes back to the event (303); with htmx the box is
// swapped in place, its button keeping its id so the focus stays on it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, requireUser } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import type { SessionUser } from '../../platform/sessions.ts';
import { boxFor, loadEvent } from './public.ts';
import { cancel, register } from './writes.ts';
import { mailPromotions } from './emails.ts';
import type { EventRow } from './queries.ts';

type SlugParams = { Params: { slug: string } };

/** The event, and the person who may act on its registration (else 401 / 403 / 404). */
function gate(request: FastifyRequest<SlugParams>, reply: FastifyReply): { e: EventRow; user: SessionUser } {
  const e = loadEvent(request);
  const user = requireUser(request, reply)!; // a POST: 401 for anonymous visitors
  if (!user.email_confirmed_at) throw new HttpError(403, 'events.registration.refused.unconfirmed');
  if (!e.registration) throw new HttpError(403, 'events.registration.refused.none');
  return { e, user };
}

/** htmx gets the box with what just happened; a plain form goes back to the event. */
async function answer(request: FastifyRequest<SlugParams>, reply: FastifyReply, e: EventRow, message: string | null) {
  if (!request.wantsFragment) {
    if (message) setFlash(reply, message);
    return reply.redirect(`/events/${encodeURIComponent(e.slug)}#events-registration`, 303);
  }
  return box(request, reply, message);
}

function box(request: FastifyRequest<SlugParams>, reply: FastifyReply, message: string | null, status = 200) {
  const fresh = loadEvent(request);
  return render(request, reply, 'events/_registration', { box: boxFor(request, fresh), message }, { status });
}

/** The event started while the page was open: htmx swaps in the closed box (4xx responses are
 * swapped), a plain form gets the error page. */
function closed(request: FastifyRequest<SlugParams>, reply: FastifyReply) {
  if (request.wantsFragment) return box(request, reply, 'events.registration.refused.closed', 403);
  throw new HttpError(403, 'events.registration.refused.closed');
}

export async function registerForEvent(request: FastifyRequest<SlugParams>, reply: FastifyReply) {
  const { e, user } = gate(request, reply);
  const result = register(request.server.db, e.id, user.id);
  if (result.kind === 'closed') return closed(request, reply);
  return answer(request, reply, e, result.already ? null : result.kind === 'registered' ? 'events.flash.registered' : 'events.flash.waiting');
}

export async function cancelRegistration(request: FastifyRequest<SlugParams>, reply: FastifyReply) {
  const { e, user } = gate(request, reply);
  const result = cancel(request.server.db, e.id, user.id, mailPromotions(request.server));
  if (result.kind === 'closed') return closed(request, reply);
  return answer(request, reply, e, result.kind === 'cancelled' ? `events.flash.cancelled.${result.was}` : null);
}
