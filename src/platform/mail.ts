// Email through a durable outbox: a message is inserted in the same transaction as what caused
// it, then a worker sends it over SMTP with retries and backoff; unsent messages survive a
// restart, sent ones are deleted after the retention period (MAIL_RETENTION_DAYS). Without
// SMTP_URL, messages are written as .eml files in DATA_DIR/mail and the log names the file,
// never its links (a one-time link in a log is an account anyone reading the log can take).
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/open.ts';
import { write, readSync, type Tx } from '../db/write.ts';

export interface Message {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Queues a message inside the caller's write transaction. */
  enqueue(tx: Tx, message: Message): void;
  /** Sends what is due now; resolves when done (tests await it). */
  flush(): Promise<number>;
  /** Deletes sent (and abandoned) messages older than the retention period; gives how many. */
  purge(now?: Date): number;
  start(): void;
  stop(): Promise<void>;
}

const MAX_ATTEMPTS = 10;
const QUIET = { quiet: true }; // the outbox's bookkeeping changes no page
const backoffMs = (attempts: number) => Math.min(2 ** attempts * 30_000, 6 * 3600_000);
const PURGE_EVERY_MS = 3600_000;

export function createMailer(db: Db, opts: { smtpUrl: string; from: string; dataDir: string; log: FastifyBaseLogger; retentionDays?: number }): Mailer {
  const retentionMs = (opts.retentionDays ?? 30) * 24 * 3600_000;
  const transport = opts.smtpUrl
    ? nodemailer.createTransport(opts.smtpUrl)
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const mailDir = path.join(opts.dataDir, 'mail');
  let timer: NodeJS.Timeout | null = null;
  let purgeTimer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function sendOne(row: { id: number; to_address: string; subject: string; text_body: string; attempts: number }) {
    try {
      const info = await transport.sendMail({ from: opts.from, to: row.to_address, subject: row.subject, text: row.text_body });
      if (!opts.smtpUrl) {
        fs.mkdirSync(mailDir, { recursive: true });
        const file = path.join(mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${row.id}.eml`);
        fs.writeFileSync(file, (info as unknown as { message: Buffer }).message);
        opts.log.info({ mail: row.id, file }, 'no SMTP_URL: email written to a file');
      }
      write(db, (tx) => tx.run(db.updateTable('mail_outbox').set({ sent_at: new Date().toISOString(), attempts: row.attempts + 1, last_error: null }).where('id', '=', row.id)), QUIET);
      return true;
    } catch (err) {
      const attempts = row.attempts + 1;
      const next = new Date(Date.now() + (attempts >= MAX_ATTEMPTS ? 100 * 365 * 24 * 3600_000 : backoffMs(attempts))).toISOString();
      write(db, (tx) => tx.run(db.updateTable('mail_outbox').set({ attempts, next_attempt_at: next, last_error: String((err as Error).message).slice(0, 500) }).where('id', '=', row.id)), QUIET);
      opts.log.warn({ mail: row.id, attempts, err: (err as Error).message }, 'email not sent; will retry');
      return false;
    }
  }

  async function drain(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = readSync(db).all(
        db.selectFrom('mail_outbox').select(['id', 'to_address', 'subject', 'text_body', 'attempts']).where('sent_at', 'is', null).where('next_attempt_at', '<=', new Date().toISOString()).orderBy('id').limit(20),
      );
      if (due.length === 0) return sent;
      let progress = false;
      for (const row of due) {
        if (await sendOne(row)) {
          sent++;
          progress = true;
        }
      }
      if (!progress) return sent;
    }
  }

  const mailer: Mailer = {
    enqueue(tx, message) {
      const now = new Date().toISOString();
      tx.run(db.insertInto('mail_outbox').values({ to_address: message.to, subject: message.subject, text_body: message.text, next_attempt_at: now, created_at: now }));
      // Send soon after the caller's transaction commits.
      if (timer) setImmediate(() => void mailer.flush());
    },
    flush() {
      // One drain at a time; a caller arriving meanwhile waits for it, then drains again.
      const next = (running ?? Promise.resolve(0)).then(drain, drain);
      const tracked: Promise<number> = next.finally(() => {
        if (running === tracked) running = null;
      });
      running = tracked;
      return next;
    },
    purge(now = new Date()) {
      const before = new Date(now.getTime() - retentionMs).toISOString();
      return write(
        db,
        (tx) =>
          tx.run(
            db
              .deleteFrom('mail_outbox')
              .where((eb) => eb.or([eb('sent_at', '<', before), eb.and([eb('attempts', '>=', MAX_ATTEMPTS), eb('created_at', '<', before)])])),
          ).changes,
        QUIET,
      );
    },
    start() {
      timer = setInterval(() => void mailer.flush(), 5000);
      timer.unref();
      purgeTimer = setInterval(() => mailer.purge(), PURGE_EVERY_MS);
      purgeTimer.unref();
      mailer.purge();
      void mailer.flush();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (purgeTimer) clearInterval(purgeTimer);
      timer = purgeTimer = null;
      await running?.catch(() => 0);
      transport.close();
    },
  };
  return mailer;
}
