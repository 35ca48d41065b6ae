// Email through a durable outbox: a message is inserted in the same transaction as what caused
// it, then a worker sends it over SMTP with retries and backoff; unsent messages survive a
// restart, sent ones are deleted after the retention period (MAIL_RETENTION_DAYS). Without
// SMTP_URL, messages are written as .eml files in DATA_DIR/mail and the log names the file,
// never its links (a one-time link in a log is an account anyone reading the log can take).
import { sql } from 'kysely';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/open.ts';
import { write, readSync, type Tx } from '../db/write.ts';

export interface Message {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058 one-click). */
  headers?: Record<string, string>;
  /** Not before this time: a campaign spreads its messages at a steady rate. */
  notBefore?: Date;
  /** The campaign it belongs to, whose progress counts the outbox rows tagged so. */
  campaignId?: number;
  /**
   * Its text holds a secret that stays valid for long (a votation's access code): the row is
   * deleted as soon as the message is sent, so the database never keeps the secret in clear.
   */
  secret?: boolean;
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

/** Attempts before a message is abandoned (and reported at error level). */
export const MAX_ATTEMPTS = 10;
const QUIET = { quiet: true }; // the outbox's bookkeeping changes no page
const backoffMs = (attempts: number) => Math.min(2 ** attempts * 30_000, 6 * 3600_000);
const PURGE_EVERY_MS = 3600_000;
/**
 * Due rows read and sent at a time: memory stays flat however long the queue (a campaign's
 * 10,000). Measured by the bench's outbox row: 100 at once sends no faster than 50 over four
 * connections and holds more messages in memory while they are composed.
 */
const BATCH = 50;
/**
 * SMTP connections used at once, each reused for up to MESSAGES_PER_CONNECTION messages: one
 * connection per message spends most of its time in the TCP and SMTP handshakes, and providers
 * accept a few parallel sessions but frown on dozens.
 */
const CONNECTIONS = 4;
const MESSAGES_PER_CONNECTION = 100;

type Row = { id: number; to_address: string; subject: string; text_body: string; attempts: number; headers: string | null; created_at: string; secret: number };

/** An error's text for the log: SMTP replies often quote the recipient, and logs hold no address. */
const withoutAddresses = (message: string) => message.replace(/[^\s<>()"',;:]+@[^\s<>()"',;:]+/g, '<address>').slice(0, 500);

export function createMailer(db: Db, opts: { smtpUrl: string; from: string; dataDir: string; log: FastifyBaseLogger; retentionDays?: number }): Mailer {
  const retentionMs = (opts.retentionDays ?? 30) * 24 * 3600_000;
  // The sender's address alone, for the envelope, and its domain, for the Message-ID.
  const fromAddress = /<([^>]+)>/.exec(opts.from)?.[1] ?? opts.from.trim();
  const domain = fromAddress.split('@')[1] || 'palabre.invalid';
  const mailDir = path.join(opts.dataDir, 'mail');
  let timer: NodeJS.Timeout | null = null;
  let purgeTimer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let flushQueued = false;

  /**
   * A transport for one drain, closed when the drain ends: a pool of a few connections while
   * there is mail to send, and no idle connection held to the SMTP server between drains.
   */
  const openTransport = () =>
    opts.smtpUrl
      ? nodemailer.createTransport({ url: opts.smtpUrl, pool: true, maxConnections: CONNECTIONS, maxMessages: MESSAGES_PER_CONNECTION })
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });

  /** Hands one message over; never throws: gives the error instead, for the batch's write. */
  async function deliver(transport: Transporter, row: Row): Promise<Error | null> {
    try {
      const headers = row.headers ? (JSON.parse(row.headers) as Record<string, string>) : undefined;
      const info = await transport.sendMail({
        from: opts.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        headers,
        // One Message-ID per outbox row, the same on every attempt: a message sent again after a
        // crash (delivery is at least once) is recognised as the same one. Given here, with the
        // envelope, nodemailer neither draws random bytes nor parses the addresses again for it.
        messageId: `<${row.id}.${Date.parse(row.created_at).toString(36)}@${domain}>`,
        envelope: { from: fromAddress, to: row.to_address },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      if (!opts.smtpUrl) {
        fs.mkdirSync(mailDir, { recursive: true });
        const file = path.join(mailDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${row.id}.eml`);
        fs.writeFileSync(file, (info as unknown as { message: Buffer }).message);
        opts.log.info({ mail: row.id, file }, 'no SMTP_URL: email written to a file');
      }
      return null;
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /**
   * One write for a whole batch: the sent rows in one UPDATE, each failure with its own attempt
   * count and next try (backoff), then the log lines once committed. A message that fails its
   * last attempt is abandoned (its next try a century away, purged after the retention period)
   * and reported at error level, by outbox id, with last_error kept for the administrator.
   */
  function record(rows: Row[], errors: (Error | null)[]): number {
    const now = Date.now();
    const sentIds = rows.filter((r, i) => !errors[i] && !r.secret).map((r) => r.id);
    const sentSecrets = rows.filter((r, i) => !errors[i] && r.secret).map((r) => r.id);
    const failed = rows.flatMap((row, i) => (errors[i] ? [{ row, err: errors[i]!, attempts: row.attempts + 1 }] : []));
    write(
      db,
      (tx) => {
        if (sentIds.length) {
          tx.run(db.updateTable('mail_outbox').set((eb) => ({ sent_at: new Date(now).toISOString(), attempts: eb('attempts', '+', 1), last_error: null })).where('id', 'in', sentIds));
        }
        if (sentSecrets.length) tx.run(db.deleteFrom('mail_outbox').where('id', 'in', sentSecrets));
        for (const { row, err, attempts } of failed) {
          const next = new Date(now + (attempts >= MAX_ATTEMPTS ? 100 * 365 * 24 * 3600_000 : backoffMs(attempts))).toISOString();
          tx.run(db.updateTable('mail_outbox').set({ attempts, next_attempt_at: next, last_error: err.message.slice(0, 500) }).where('id', '=', row.id));
        }
      },
      QUIET,
    );
    for (const { row, err, attempts } of failed) {
      const reason = withoutAddresses(err.message);
      if (attempts >= MAX_ATTEMPTS) opts.log.error({ mail: row.id, attempts, err: reason }, 'email abandoned after its last attempt');
      else opts.log.warn({ mail: row.id, attempts, err: reason }, 'email not sent; will retry');
    }
    return sentIds.length + sentSecrets.length;
  }

  /**
   * Sends every due row, a batch at a time, the messages of a batch in parallel over the pool.
   * A row is marked sent after its batch, so a crash in between sends that batch again on the
   * next start: delivery is at least once, never lost.
   */
  async function drain(): Promise<number> {
    let sent = 0;
    let transport: Transporter | null = null;
    try {
      for (;;) {
        // In due order, which the index (sent_at, next_attempt_at) gives without sorting the queue.
        const due = readSync(db).all(
          db
            .selectFrom('mail_outbox')
            .select(['id', 'to_address', 'subject', 'text_body', 'attempts', 'headers', 'created_at', 'secret'])
            .where('sent_at', 'is', null)
            .where('next_attempt_at', '<=', new Date().toISOString())
            .orderBy('next_attempt_at')
            .orderBy('id')
            .limit(sql.lit(BATCH)),
        );
        if (due.length === 0) return sent;
        transport ??= openTransport();
        const delivered = record(due, await Promise.all(due.map((row) => deliver(transport!, row))));
        sent += delivered;
        // A batch that failed whole means the server is down: the next tick tries again.
        if (delivered === 0) return sent;
      }
    } finally {
      transport?.close();
    }
  }

  const mailer: Mailer = {
    enqueue(tx, message) {
      const now = new Date().toISOString();
      const due = message.notBefore ? message.notBefore.toISOString() : now;
      const headers = message.headers ? JSON.stringify(message.headers) : null;
      tx.run(db.insertInto('mail_outbox').values({ to_address: message.to, subject: message.subject, text_body: message.text, headers, next_attempt_at: due, created_at: now, campaign_id: message.campaignId ?? null, secret: message.secret ? 1 : 0 }));
      // Send soon after the caller's transaction commits: one flush for all the messages of that
      // transaction (a campaign enqueues thousands), none for messages due later (the timer's).
      if (timer && due <= now && !flushQueued) {
        flushQueued = true;
        setImmediate(() => {
          flushQueued = false;
          // Stopped meanwhile (the app closing): the message waits in the outbox for the next start.
          if (timer) void mailer.flush();
        });
      }
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
      // A tick during a long drain (a campaign) adds nothing: that drain reads the due rows again.
      timer = setInterval(() => {
        if (!running) void mailer.flush();
      }, 5000);
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
      // Each drain closes its own connections when it ends.
      await running?.catch(() => 0);
    },
  };
  return mailer;
}
