// buildApp(config): the platform (security headers, cookies, sessions, CSRF, i18n, rendering,
// mail), then every enabled module. The server, the tests and the benchmark all build it here.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { createI18n, isLocale } from './platform/i18n.ts';
import { fr } from './platform/messages.fr.ts';
import { en } from './platform/messages.en.ts';
import { validateSession } from './platform/sessions.ts';
import { csrfToken, csrfValid } from './platform/csrf.ts';
import { createMailer } from './platform/mail.ts';
import { registerAssets } from './platform/assets.ts';
import { useAssets } from './platform/render.ts';
import { createPageCache } from './platform/page-cache.ts';
import { securityHeaders } from './platform/security.ts';
import { registerErrorPages } from './platform/errors.ts';
import { randomString } from './platform/secrets.ts';
import { HttpError } from './platform/http.ts';
import { refuseStrayMultipart } from './platform/multipart.ts';
import { startJobs } from './platform/jobs.ts';
import { cookieNames } from './platform/session-cookie.ts';
import { viewsDir } from './platform/paths.ts';
import { createPartial, escapeHtml, keepResolvedPaths } from './platform/partials.ts';
import { modules } from './modules/index.ts';
import './platform/types.ts';

/**
 * How long a client may take. A phone on a slow 3G link (about 400 kbit/s up) sends a 5 MB
 * photo in under two minutes; a body trickling in for longer, or headers that never end, only
 * hold a connection, so they are cut.
 */
export const TIMEOUTS = { requestMs: 180_000, headersMs: 30_000, idleMs: 60_000 };

export interface BuildOptions {
  /** Shorter limits for the test of slow clients. */
  timeouts?: typeof TIMEOUTS;
  /** An already-open database (tests share one between builds); else config.dbFile is opened. */
  db?: Db;
  /** false: the modules' timed jobs do not run (tests run them by hand). */
  jobs?: boolean;
  /** Test runs turn rate limits off unless a test is about them. */
  rateLimits?: boolean;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const timeouts = opts.timeouts ?? TIMEOUTS;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // No personal data in logs: the path without its query string (tokens ride there), no IPs.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
    },
    genReqId: () => crypto.randomUUID(),
    // A hop count as a function: Fastify takes a bare number as "trust nothing".
    trustProxy: typeof config.trustedProxies === 'number' ? (_address: string, hop: number) => hop < (config.trustedProxies as number) : config.trustedProxies,
    bodyLimit: 1024 * 1024,
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
    // Node checks the request and header timeouts on this period (30 s by default).
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.min(30_000, timeouts.headersMs / 2) },
  });
  const db = opts.db ?? openDatabase(config.dbFile);
  if (!opts.db) await migrate(db, config.dbFile);

  const i18n = createI18n([{ fr, en }, ...modules.map((m) => m.messages)], config.timeZone, !config.production);
  app.decorate('db', db);
  app.decorate('manifests', modules);
  app.decorate('config', config);
  app.decorate('i18n', i18n);
  app.decorate('mailer', createMailer(db, { smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir, log: app.log, retentionDays: config.mailRetentionDays }));

  await app.register(cookie);
  await app.register(formbody);
  // Multipart is only marked here; upload routes read it as a stream (platform/multipart.ts).
  await app.register(multipart, { limits: { fields: 0, files: 0, parts: 0 }, throwFileSizeLimit: false });
  const security = securityHeaders(config);
  app.addHook('onRequest', async (_request, reply) => void reply.headers(security));
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: false,
    errorResponseBuilder: () => new HttpError(429, 'errors.429.text'),
    ...(opts.rateLimits === false ? { max: Number.MAX_SAFE_INTEGER, allowList: () => true } : {}),
  });
  const eta = new Eta({ autoEscape: true, escapeFunction: escapeHtml, views: viewsDir, cache: config.production });
  if (config.production) keepResolvedPaths(eta);
  await app.register(view, { engine: { eta }, root: viewsDir, production: config.production });
  app.decorate('partial', createPartial(eta, config.production));
  fs.mkdirSync(path.join(config.dataDir, 'uploads'), { recursive: true }); // @fastify/static wants it to exist
  await app.register(fastifyStatic, { root: path.join(config.dataDir, 'uploads'), prefix: '/uploads/', decorateReply: false, maxAge: '7d' });

  app.decorateRequest('session', null);
  app.decorateRequest('user', null);
  app.decorateRequest('locale', 'fr');
  app.decorateRequest('csrfSecret', '');
  app.decorateRequest('wantsFragment', false);
  app.decorateRequest('t', null as never);
  app.decorateRequest('fmt', null as never);

  app.decorateRequest('upload', null as never);
  app.decorateRequest('csrfChecked', false);

  const { session: sessionCookie, csrf: csrfCookie } = cookieNames(config);
  app.addHook('onRequest', refuseStrayMultipart);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const session = validateSession(db, request.cookies[sessionCookie]);
    request.session = session;
    request.user = session?.user ?? null;
    const wanted = request.cookies.lang;
    request.locale = isLocale(wanted) ? wanted : 'fr';
    request.t = i18n.translator(request.locale);
    request.fmt = i18n.formatter(request.locale);
    request.wantsFragment = request.headers['hx-request'] === 'true' && request.headers['hx-history-restore-request'] !== 'true';
    let secret = request.cookies[csrfCookie];
    if (!secret || secret.length !== 24) {
      secret = randomString();
      reply.setCookie(csrfCookie, secret, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secure });
    }
    request.csrfSecret = secret;
  });

  // After the body is parsed: every state-changing request carries the session's token.
  app.addHook('preValidation', async (request) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return;
    // A route that proves its caller otherwise (a one-click unsubscribe key) says so.
    if (request.routeOptions.config?.csrf === false) return;
    const header = request.headers['x-csrf-token'];
    // An upload's body is still unread: its first field carries the token (platform/multipart.ts).
    if (request.isMultipart() && header === undefined) return;
    const given = header ?? (request.body as Record<string, unknown> | undefined)?._csrf;
    if (!csrfValid(request.cookies[csrfCookie], request.session?.id ?? null, given)) throw new HttpError(403, 'errors.csrf.text');
    request.csrfChecked = true;
  });

  useAssets(registerAssets(app));
  app.decorate('pageCache', createPageCache(app, (request) => csrfToken(request.csrfSecret, null)));
  app.get('/healthz', async (_request, reply) => {
    const ok = db.sqlite.prepare('select 1 as ok').get() as { ok: number } | undefined;
    return reply.code(ok?.ok === 1 ? 200 : 503).send({ status: ok?.ok === 1 ? 'ok' : 'error' });
  });

  // The ceiling of this machine for `npm run bench`: the cheapest route Fastify can serve.
  app.get('/ping', async (_request, reply) => reply.type('text/plain').send('pong'));

  // Before the modules: routes keep the error handler in place when they are registered.
  registerErrorPages(app);
  for (const module of modules) await app.register(module.routes, { prefix: module.prefix ?? `/${module.slug}` });

  app.addHook('onReady', async () => app.mailer.start());
  startJobs(app, opts.jobs ?? true);
  app.addHook('onClose', async () => {
    await app.mailer.stop();
    if (!opts.db) await db.destroy();
  });
  return app;
}
