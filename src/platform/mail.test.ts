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
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { createMailer, MAX_ATTEMPTS } from './mail.ts';
import { startSmtp } from '../../test/helpers/smtp.ts';

async function freshDb(): Promise<{ db: Db; dir: string; file: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palabre-mail-'));
  const file = path.join(dir, 'palabre.db');
  const db = openDatabase(file);
  await migrate(db, file);
  return { db, dir, file };
}

/** A logger that keeps what it is told, with its level, for the assertions. */
function recordingLog() {
  const lines: { level: string; obj: unknown; msg: string }[] = [];
  const at = (level: string) => (obj: unknown, msg = '') => void lines.push({ level, obj, msg });
  const log = { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug'), trace: at('trace'), fatal: at('fatal'), child: () => log, level: 'info', silent: () => {} };
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

test('a message holding a secret leaves the outbox as soon as it is sent; until then it waits like any other', async () => {
  const { db, dir } = await freshDb();
  const { log } = recordingLog();
  const smtp = await startSmtp();
  const mailer = createMailer(db, { smtpUrl: smtp.url, from: 'no-reply@ville.fr', dataDir: dir, log });
  try {
    write(db, (tx) => {
      mailer.enqueue(tx, { to: 'voter@example.org', subject: 'Votre code', text: 'Code : ABCD-EFGH', secret: true });
      mailer.enqueue(tx, { ...message, subject: 'Ordinary' });
    });
    assert.deepEqual(outbox(db).map((m) => m.subject), ['Votre code', 'Ordinary']);
    assert.equal(await mailer.flush(), 2);
    assert.match((await smtp.waitFor('voter@example.org', /Votre code/)).text, /ABCD-EFGH/);
    assert.deepEqual(outbox(db).map((m) => m.subject), ['Ordinary'], 'the ordinary one is kept for the retention period');
    assert.doesNotMatch(JSON.stringify(db.sqlite.prepare('select * from mail_outbox').all()), /ABCD-EFGH/);
  } finally {
    await mailer.stop();
    await smtp.close();
    await db.destroy();
  }
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

/**
 * A real SMTP server that keeps each message's headers, refuses the data of the addresses in
 * `refuse` with a temporary error (451), or of every address when `refuse` is true.
 */
async function startServer(refuse: boolean | string[] = []) {
  const received: { to: string; subject: string; headerLines: string[] }[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      if (refuse === true || (Array.isArray(refuse) && refuse.some((a) => to.includes(a)))) {
        refused++;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error(`Mailbox of ${to} busy, try later`), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push({ to, subject: mail.subject ?? '', headerLines: mail.headerLines.map((h) => h.line) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as net.AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, refused: () => refused, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const MINUTE = 60_000;

test('a delivery the SMTP server refuses is retried with a growing delay, then abandoned after the last attempt and reported at error level, its last error kept', async () => {
  const { db, dir } = await freshDb();
  const { log, lines } = recordingLog();
  const smtp = await startServer(true);
  const mailer = createMailer(db, { smtpUrl: smtp.url, from: 'no-reply@ville.fr', dataDir: dir, log });
  write(db, (tx) => mailer.enqueue(tx, message));
  const dueAfter = async () => {
    const before = Date.now();
    assert.equal(await mailer.flush(), 0);
    const row = outbox(db)[0]!;
    return { row, delay: Date.parse(row.next_attempt_at) - before };
  };
  const first = await dueAfter();
  assert.equal(first.row.attempts, 1);
  assert.ok(first.delay >= MINUTE - 1000 && first.delay <= MINUTE + 1000, `first retry in a minute (${first.delay} ms)`);
  assert.match(first.row.last_error!, /busy, try later/);
  assert.equal(smtp.refused(), 1);
  assert.equal(await mailer.flush(), 0, 'not retried before its time');
  assert.equal(smtp.refused(), 1);

  const retry = () => write(db, (tx) => tx.run(db.updateTable('mail_outbox').set({ next_attempt_at: new Date(0).toISOString() })));
  retry();
  const second = await dueAfter();
  assert.equal(second.row.attempts, 2);
  assert.ok(second.delay >= 2 * MINUTE - 1000 && second.delay <= 2 * MINUTE + 1000, `then in two (${second.delay} ms)`);
  assert.deepEqual(lines.filter((l) => l.msg.includes('retry')).map((l) => l.level), ['warn', 'warn'], 'each failure is a warning while it will be retried');

  // The last attempt (the tenth) fails too: the message is abandoned, and the log says so once.
  write(db, (tx) => tx.run(db.updateTable('mail_outbox').set({ attempts: MAX_ATTEMPTS - 1, next_attempt_at: new Date(0).toISOString() })));
  const last = await dueAfter();
  assert.equal(last.row.attempts, MAX_ATTEMPTS);
  assert.equal(last.row.sent_at, null);
  assert.match(last.row.last_error!, /451|busy/, 'the last error stays for the administrator');
  assert.ok(last.delay > 50 * 365 * 24 * 60 * MINUTE, 'never tried again');
  const errors = lines.filter((l) => l.level === 'error');
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.msg, /abandoned/);
  assert.deepEqual((errors[0]!.obj as { mail: number; attempts: number }).mail, last.row.id);
  assert.doesNotMatch(JSON.stringify(lines), /personne@example\.org/, 'the log never holds the address, even quoted by the server');
  assert.equal(await mailer.flush(), 0);
  assert.equal(smtp.refused(), 3);
  await mailer.stop();
  await smtp.close();
  await db.destroy();
});

test('when some deliveries of a batch fail, the others are sent once and only the failed ones wait for a retry', async () => {
  const { db, dir } = await freshDb();
  const { log } = recordingLog();
  const smtp = await startServer(['busy@example.org']);
  const mailer = createMailer(db, { smtpUrl: smtp.url, from: 'no-reply@ville.fr', dataDir: dir, log });
  const to = Array.from({ length: 250 }, (_, i) => (i === 120 ? 'busy@example.org' : `p${i}@example.org`));
  write(db, (tx) => to.forEach((address, i) => mailer.enqueue(tx, { to: address, subject: `Message ${i}`, text: 'x' })));
  assert.equal(await mailer.flush(), 249);
  assert.equal(smtp.received.length, 249);
  assert.equal(new Set(smtp.received.map((m) => m.subject)).size, 249, 'each one once');
  const waiting = outbox(db).filter((r) => !r.sent_at);
  assert.deepEqual(waiting.map((r) => [r.to_address, r.attempts]), [['busy@example.org', 1]]);
  assert.equal(await mailer.flush(), 0, 'nothing sent twice');
  await mailer.stop();
  await smtp.close();
  await db.destroy();
});

test('the headers of a message are delivered: List-Unsubscribe and its one-click post, and a Message-ID of its outbox row', async () => {
  const { db, dir } = await freshDb();
  const { log } = recordingLog();
  const smtp = await startServer();
  const mailer = createMailer(db, { smtpUrl: smtp.url, from: 'no-reply@ville.fr', dataDir: dir, log });
  const url = 'https://ville.fr/unsubscribe/abc/news';
  write(db, (tx) => mailer.enqueue(tx, { ...message, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }));
  assert.equal(await mailer.flush(), 1);
  const [mail] = smtp.received;
  assert.ok(mail!.headerLines.includes(`List-Unsubscribe: <${url}>`), mail!.headerLines.join('\n'));
  assert.ok(mail!.headerLines.includes('List-Unsubscribe-Post: List-Unsubscribe=One-Click'));
  const id = outbox(db)[0]!.id;
  assert.ok(mail!.headerLines.some((l) => new RegExp(`^Message-ID: <${id}\\.[a-z0-9]+@ville\\.fr>$`).test(l)), 'one Message-ID per outbox row, at the sender’s domain');
  await mailer.stop();
  await smtp.close();
  await db.destroy();
});

test('a message is not sent before its notBefore time, then sent once it is due, tagged with its campaign', async () => {
  const { db, dir } = await freshDb();
  const { log } = recordingLog();
  const smtp = await startServer();
  const mailer = createMailer(db, { smtpUrl: smtp.url, from: 'no-reply@ville.fr', dataDir: dir, log });
  const campaignId = write(db, (tx) => {
    const now = new Date().toISOString();
    return tx.run(db.insertInto('campaigns_emails').values({ subject: 's', body: 'b', audience: 'news', created_at: now, updated_at: now, sent_at: now })).lastInsertRowid;
  });
  const later = new Date(Date.now() + 400);
  write(db, (tx) => {
    mailer.enqueue(tx, { ...message, subject: 'Now' });
    mailer.enqueue(tx, { ...message, subject: 'Later', notBefore: later, campaignId });
  });
  assert.equal(await mailer.flush(), 1);
  assert.deepEqual(smtp.received.map((m) => m.subject), ['Now']);
  const row = outbox(db).find((r) => r.subject === 'Later')!;
  assert.equal(row.next_attempt_at, later.toISOString());
  assert.equal(row.campaign_id, campaignId);
  await new Promise((r) => setTimeout(r, 450));
  assert.equal(await mailer.flush(), 1);
  assert.deepEqual(smtp.received.map((m) => m.subject), ['Now', 'Later']);
  await mailer.stop();
  await smtp.close();
  await db.destroy();
});
