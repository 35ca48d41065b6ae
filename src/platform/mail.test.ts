// The mail outbox: messages wait in the database until an SMTP server takes them, are retried
// with a growing delay, survive a restart, are deleted after the retention period, and without
// SMTP become .eml files whose name (never whose links) is logged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { openDatabase, type Db } from '../db/open.ts';
import { migrate } from '../db/migrate.ts';
import { write, readSync } from '../db/write.ts';
import { createMailer } from './mail.ts';
import { startSmtp } from '../../test/helpers/smtp.ts';

async function freshDb(): Promise<{ db: Db; dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-mail-'));
  const file = path.join(dir, 'palabre.db');
  const db = openDatabase(file);
  await migrate(db, file);
  return { db, dir, file };
}

/** A logger that keeps what it is told, for the assertions. */
function recordingLog() {
  const lines: { obj: unknown; msg: string }[] = [];
  const keep = (obj: unknown, msg = '') => void lines.push({ obj, msg });
  const log = { info: keep, warn: keep, error: keep, debug: keep, trace: keep, fatal: keep, child: () => log, level: 'info', silent: () => {} };
  return { log: log as unknown as FastifyBaseLogger, lines };
}

/** An address where nothing listens: the SMTP connection is refused at once. */
async function deadSmtpUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}

const outbox = (db: Db) => readSync(db).all(db.selectFrom('mail_outbox').selectAll().orderBy('id'));
const message = { to: 'personne@example.org', subject: 'Confirmez votre adresse', text: 'Ouvrez http://localhost:3000/confirm?token=abc.def pour confirmer.' };

test('an email that cannot be sent stays in the outbox, is retried later, and is sent once the server answers', async () => {
  const { db, dir } = await freshDb();
  const { log } = recordingLog();
  const down = createMailer(db, { smtpUrl: await deadSmtpUrl(), from: 'Ville <no-reply@ville.fr>', dataDir: dir, log });
  write(db, (tx) => down.enqueue(tx, message));
  assert.equal(await down.flush(), 0);
  const [failed] = outbox(db);
  assert.equal(failed!.sent_at, null);
  assert.equal(failed!.attempts, 1);
  assert.ok(failed!.last_error);
  assert.ok(failed!.next_attempt_at > new Date().toISOString(), 'the next try waits');
  assert.equal(await down.flush(), 0, 'not retried before its time');
  assert.equal(outbox(db)[0]!.attempts, 1);
  await down.stop();

  const smtp = await startSmtp();
  const up = createMailer(db, { smtpUrl: smtp.url, from: 'Ville <no-reply@ville.fr>', dataDir: dir, log });
  write(db, (tx) => tx.run(db.updateTable('mail_outbox').set({ next_attempt_at: new Date(0).toISOString() })));
  assert.equal(await up.flush(), 1);
  const mail = await smtp.waitFor('personne@example.org', /Confirmez/);
  assert.match(mail.text, /confirm\?token=abc\.def/);
  assert.ok(outbox(db)[0]!.sent_at);
  assert.equal(await up.flush(), 0, 'sent once only');
  await up.stop();
  await smtp.close();
  await db.destroy();
});

test('messages queued before a restart are sent when the mailer starts again', async () => {
  const { db, dir, file } = await freshDb();
  const { log } = recordingLog();
  const first = createMailer(db, { smtpUrl: await deadSmtpUrl(), from: 'no-reply@ville.fr', dataDir: dir, log });
  write(db, (tx) => first.enqueue(tx, message)); // the process stops before any delivery
  await first.stop();
  await db.destroy();

  const again = openDatabase(file);
  const smtp = await startSmtp();
  const mailer = createMailer(again, { smtpUrl: smtp.url, from: 'no-reply@ville.fr', dataDir: dir, log });
  mailer.start();
  await smtp.waitFor('personne@example.org', /Confirmez/);
  await mailer.stop();
  await smtp.close();
  await again.destroy();
});

test('a message whose transaction rolls back is never sent', async () => {
  const { db, dir } = await freshDb();
  const { log } = recordingLog();
  const mailer = createMailer(db, { smtpUrl: '', from: 'no-reply@ville.fr', dataDir: dir, log });
  assert.throws(() =>
    write(db, (tx) => {
      mailer.enqueue(tx, message);
      throw new Error('the change that caused it failed');
    }),
  );
  assert.deepEqual(outbox(db), []);
  await mailer.stop();
  await db.destroy();
});

test('without SMTP the message is written as an .eml file in DATA_DIR/mail; the log names the file, not the link', async () => {
  const { db, dir } = await freshDb();
  const { log, lines } = recordingLog();
  const mailer = createMailer(db, { smtpUrl: '', from: 'no-reply@ville.fr', dataDir: dir, log });
  write(db, (tx) => mailer.enqueue(tx, message));
  assert.equal(await mailer.flush(), 1);
  const files = fs.readdirSync(path.join(dir, 'mail'));
  assert.equal(files.length, 1);
  assert.match(files[0]!, /\.eml$/);
  const eml = fs.readFileSync(path.join(dir, 'mail', files[0]!), 'utf8');
  assert.match(eml, /To: personne@example\.org/);
  assert.match(eml, /confirm\?token=abc\.def/);
  const logged = JSON.stringify(lines);
  assert.ok(logged.includes(files[0]!), 'the file is named in the log');
  assert.doesNotMatch(logged, /token=|abc\.def/, 'the one-time link is not');
  assert.doesNotMatch(logged, /personne@example\.org/, 'nor the address');
  await mailer.stop();
  await db.destroy();
});

test('sent messages are deleted after the retention period; unsent ones stay until sent or abandoned', async () => {
  const { db, dir } = await freshDb();
  const { log } = recordingLog();
  const mailer = createMailer(db, { smtpUrl: '', from: 'no-reply@ville.fr', dataDir: dir, log, retentionDays: 30 });
  const day = 24 * 3600_000;
  const at = (days: number) => new Date(Date.now() - days * day).toISOString();
  write(db, (tx) => {
    const row = (subject: string, created: number, sent: number | null, attempts = 1) =>
      tx.run(db.insertInto('mail_outbox').values({ to_address: 'a@example.org', subject, text_body: 'x', attempts, next_attempt_at: at(0), sent_at: sent === null ? null : at(sent), created_at: at(created) }));
    row('sent long ago', 40, 40);
    row('sent recently', 10, 10);
    row('never sent, still trying', 40, null, 3);
    row('abandoned long ago', 40, null, 10);
  });
  assert.equal(mailer.purge(), 2);
  assert.deepEqual(outbox(db).map((m) => m.subject), ['sent recently', 'never sent, still trying']);
  assert.equal(mailer.purge(new Date(Date.now() + 25 * day)), 1);
  assert.deepEqual(outbox(db).map((m) => m.subject), ['never sent, still trying']);
  await mailer.stop();
  await db.destroy();
});
