// One-shot messages after a redirect (post/redirect/get). The cookie holds only a catalogue
// key, checked against the catalogues, so a forged cookie can show nothing but our own text.
import type { FastifyReply, FastifyRequest } from 'fastify';

const COOKIE = 'flash';

export function setFlash(reply: FastifyReply, key: string): void {
  reply.setCookie(COOKIE, key, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60, secure: reply.server.config.secure });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): string | null {
  const key = request.cookies[COOKIE];
  if (!key) return null;
  reply.clearCookie(COOKIE, { path: '/' });
  return /(^|\.)flash\./.test(key) && request.server.i18n.has(key) ? key : null;
}
