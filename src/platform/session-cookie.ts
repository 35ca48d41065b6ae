// The session and CSRF cookies: `__Host-` prefixed, Secure, HttpOnly and SameSite=Lax when the
// base URL is https; plain names on http://localhost so a local install works.
import type { FastifyReply } from 'fastify';
import type { Config } from '../config.ts';
import { SESSION_LIFETIME_MS } from './sessions.ts';

export const cookieNames = (config: Config) => ({
  session: config.secure ? '__Host-session' : 'session',
  csrf: config.secure ? '__Host-csrf' : 'csrf',
});

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(cookieNames(config).session, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secure,
    maxAge: SESSION_LIFETIME_MS / 1000,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config).session, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secure });
}
