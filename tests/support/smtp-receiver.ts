import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The SMTP receiver behind both test mail sinks: in-process for vitest (./mail-sink.ts) and the
 * e2e run's sink process (tests/e2e/support/smtp-sink.ts). Imports nothing of vitest or the app.
 */

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  /** Envelope sender (MAIL FROM). */
  from: string | undefined;
  subject: string;
  text: string;
  html: string | undefined;
  receivedAt: Date;
  parsed: ParsedMail;
}

export interface SmtpReceiver {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (port 0: a free one), no auth, no TLS; parses each message. */
export async function startSmtpReceiver(options: {
  port?: number;
  host?: string;
  onMail: (mail: ReceivedMail) => void | Promise<void>;
}): Promise<SmtpReceiver> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    // stop() should take effect at once, as a real outage would, not after 30 s of grace.
    closeTimeout: 100,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          await options.onMail({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html === false ? undefined : parsed.html,
            receivedAt: new Date(),
            parsed,
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on('error', (error) => console.error('[mail sink]', error));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

