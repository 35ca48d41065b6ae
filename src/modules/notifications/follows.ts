// The follow buttons' posts, /follow and /unfollow with the target's kind and id: logged in, the
// target must exist and be visible to this person (else 404, and nothing written). The form
// carries the wanted state in its address, so a double click leaves it as asked. Without
// JavaScript the person comes back to the page (`back`); htmx swaps the widget in place.
// GET /follow shows the button of a target whose page did not read the follow state (a
// contribution's page, through views/partials/follow-deferred.eta): htmx loads it in place, and
// without JavaScript it is a small page of its own.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { HttpError, requireUser, safeNext } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { parseId, text } from '../../platform/forms.ts';
import { followWidget, type Target } from '../../platform/notifications.ts';
import { findVisibleTarget } from './targets.ts';
import { setFollow } from './writes.ts';
import { parseFollowKind } from './rules.ts';

/** The target a form or an address names, visible to this person; 400 when malformed, else 404. */
function visibleTarget(request: FastifyRequest, source: unknown): { target: Target; href: string } {
  const kind = parseFollowKind(text(source, 'kind'));
  const id = parseId(text(source, 'id'));
  // No form sends these: a bad request, in the person's language.
  if (!kind || id === null) throw new HttpError(400, 'notifications.follow.bad_target');
  const target: Target = { kind, id };
  const found = findVisibleTarget(request, target);
  if (!found) throw new HttpError(404, 'notifications.follow.bad_target');
  return { target, href: found.href };
}

export async function showFollow(request: FastifyRequest, reply: FastifyReply) {
  const user = requireUser(request, reply);
  if (!user) return reply;
  const { target, href } = visibleTarget(request, request.query);
  const follow = followWidget(request.server.db, user, target);
  const back = safeNext(text(request.query, 'back'), href);
  if (request.wantsFragment) return render(request, reply, 'partials/follow', { follow, back }, { cache: false });
  return render(request, reply, 'notifications/follow', { title: request.t(`notifications.follow.${target.kind}`), follow, back }, { cache: false });
}

async function setFollowing(request: FastifyRequest, reply: FastifyReply, wanted: boolean) {
  const user = requireUser(request, reply);
  if (!user) return reply;
  const { target, href } = visibleTarget(request, request.body);
  setFollow(request.server.db, user.id, target, wanted);
  const back = safeNext(text(request.body, 'back'), href);
  if (request.wantsFragment) {
    return render(request, reply, 'partials/follow', { follow: { ...target, signedIn: true, following: wanted }, back }, { cache: false });
  }
  setFlash(reply, wanted ? 'notifications.flash.followed' : 'notifications.flash.unfollowed');
  return reply.redirect(back, 303);
}

export const followTarget = (request: FastifyRequest, reply: FastifyReply) => setFollowing(request, reply, true);
export const unfollowTarget = (request: FastifyRequest, reply: FastifyReply) => setFollowing(request, reply, false);
