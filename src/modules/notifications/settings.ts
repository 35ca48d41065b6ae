// The person's choice of notification emails (right away, a daily digest, never), at
// /notifications/settings: a radio group re-rendered with 422 and its error when refused.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from '../../platform/render.ts';
import { requireUser } from '../../platform/http.ts';
import { setFlash } from '../../platform/flash.ts';
import { text, type FormErrors } from '../../platform/forms.ts';
import { findEmailChoice } from './queries.ts';
import { saveEmailChoice } from './writes.ts';
import { EMAIL_CHOICES, parseEmailChoice } from './rules.ts';

function settingsPage(request: FastifyRequest, reply: FastifyReply, value: string, errors: FormErrors = {}, status = 200) {
  return render(request, reply, 'notifications/settings', { title: request.t('notifications.settings.title'), choices: EMAIL_CHOICES, value, errors }, { status, cache: false });
}

export async function showSettings(request: FastifyRequest, reply: FastifyReply) {
  const user = requireUser(request, reply);
  if (!user) return reply;
  return settingsPage(request, reply, findEmailChoice(request.server.db, user.id));
}

export async function saveSettings(request: FastifyRequest, reply: FastifyReply) {
  const user = requireUser(request, reply);
  if (!user) return reply;
  const sent = text(request.body, 'notify_email');
  const choice = parseEmailChoice(sent);
  if (!choice) return settingsPage(request, reply, sent, { notify_email: { key: 'notifications.settings.invalid' } }, 422);
  saveEmailChoice(request.server.db, user.id, choice);
  setFlash(reply, 'notifications.flash.settings_saved');
  return reply.redirect('/notifications/settings', 303);
}
