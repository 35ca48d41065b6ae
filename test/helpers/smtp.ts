// A real SMTP server in the test process: the app sends to it over TCP, tests read what arrived.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** Each header's raw line by lower-case name, as it arrived (long lines stay folded). */
  headers: Record<string, string>;
}

export interface SmtpCapture {
  url: string;
  messages: ReceivedMail[];
  /** Resolves with the first message to `to` whose subject matches, waiting for it if needed. */
  waitFor(to: string, match?: RegExp, timeoutMs?: number): Promise<ReceivedMail>;
  /** Resolves with every message to `to` once at least `count` of them arrived. */
  waitForCount(to: string, count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtp(): Promise<SmtpCapture> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0]?.text : mail.to?.text;
          messages.push({ to: to ?? '', subject: mail.subject ?? '', text: mail.text ?? '', headers: Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line])) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitFor(to, match = /./, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => m.to.includes(to) && match.test(m.subject));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No email to ${to} matching ${match} (got ${messages.map((m) => `${m.to}: ${m.subject}`).join('; ') || 'none'})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async waitForCount(to, count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const got = messages.filter((m) => m.to.includes(to));
        if (got.length >= count) return got;
        if (Date.now() > deadline) throw new Error(`Expected ${count} emails to ${to}, got ${got.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link in an email's text that starts with `prefix` (e.g. the base URL + /confirm). */
export function linkIn(mail: ReceivedMail, pathPrefix: string): string {
  const links = mail.text.match(/https?:\/\/[^\s>]+/g) ?? [];
  const link = links.find((l) => new URL(l).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`No link to ${pathPrefix} in: ${mail.text}`);
  const url = new URL(link);
  return url.pathname + url.search;
}
