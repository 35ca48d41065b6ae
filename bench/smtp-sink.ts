// A local SMTP server for the outbox row of `npm run bench`: it accepts every message, reads
// and drops its data, and counts what arrived (no parsing: the bench measures the sender).
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  /** Messages fully received so far. */
  received(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // The sender's pool keeps up to a few connections open; the default (unlimited) is fine, but
    // a bound makes a runaway sender visible as refused connections.
    maxClients: 50,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
