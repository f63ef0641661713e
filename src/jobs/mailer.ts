// Sends e-mail through SMTP (nodemailer, SMTP_URL); without SMTP_URL it logs each e-mail it would have sent, so a
// fresh clone shows what would go out without a mail server.
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

interface Log {
  info(object: object, message: string): void;
}

export function createMailer(options: { smtpUrl?: string; from: string }, log: Log): Mailer {
  if (!options.smtpUrl) {
    return {
      send: async (mail) =>
        log.info({ mail }, `e-mail not sent (no SMTP_URL): "${mail.subject}" to ${mail.to}`),
      close: () => undefined,
    };
  }
  const transport = nodemailer.createTransport(options.smtpUrl);
  return {
    send: async (mail) => {
      await transport.sendMail({ from: options.from, ...mail });
    },
    close: () => transport.close(),
  };
}
