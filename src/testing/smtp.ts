// A real SMTP listener on loopback for tests: every message it receives is kept with its envelope recipients,
// and a mailer pointed at it sends through real SMTP.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '../jobs/mailer.ts';

export interface Received {
  to: string[];
  raw: string;
}

export interface SmtpListener {
  received: Received[];
  mailer: Mailer;
  /** For a server in another process: its SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

export async function smtpListener(): Promise<SmtpListener> {
  const received: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  const mailer = createMailer(
    { smtpUrl: url, from: 'performance@anytown.example' },
    { info: () => undefined },
  );
  return {
    received,
    mailer,
    url,
    close: async () => {
      mailer.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

export const subjectOf = (m: Received): string => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? '';
