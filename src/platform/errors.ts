// Error pages (401, 403, 404, 429, 500...) in the person's language, without internals. htmx
// requests get the same page body: htmx 4 swaps 4xx/5xx responses.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http.ts';
import { render } from './render.ts';
import { MissingRequirementsError } from './gate.ts';

const known = new Set([400, 401, 403, 404, 405, 413, 415, 422, 429]);

async function errorPage(request: FastifyRequest, reply: FastifyReply, status: number, messageKey?: string) {
  const code = known.has(status) ? status : status >= 500 ? 500 : 400;
  const key = messageKey && request.server.i18n.has(messageKey) ? messageKey : `errors.${code}.text`;
  // A request that failed before our onRequest hook (e.g. a malformed body) has no translator.
  if (!request.t) {
    request.t = request.server.i18n.translator('fr');
    request.fmt = request.server.i18n.formatter('fr');
  }
  return render(request, reply, 'errors/error', { status: code, titleKey: `errors.${code}.title`, messageKey: key }, { status: code });
}

export function registerErrorPages(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => errorPage(request, reply, 404));
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (reply.sent) return;
    if (error instanceof MissingRequirementsError) {
      const { step, missing } = error;
      return render(request, reply, 'errors/refused', { title: request.t('errors.403.title'), step, missing, stepUrl: `/${step.type}/${step.id}` }, { status: 403 });
    }
    return errorPage(request, reply, status, error instanceof HttpError ? error.messageKey : undefined).catch((err) => {
      request.log.error({ err }, 'error page failed');
      return reply.code(500).type('text/plain; charset=utf-8').send('500');
    });
  });
}
