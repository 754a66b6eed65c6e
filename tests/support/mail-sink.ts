import { resetEnvCache } from '../../app/env.server';
import { startWorker, type WorkerOptions } from '../../app/jobs/worker.server';
import { unsentEmailIds } from '../../app/mail/outbox.server';
import { afterFile } from './per-file-cleanup';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './smtp-receiver';

export type { ReceivedMail };

/**
 * An in-process SMTP receiver for integration tests: what the app sends to `SMTP_URL` lands in
 * `messages`, delivered by the real job worker.
 *
 *   let mail: MailSink;
 *   beforeAll(async () => {
 *     mail = await useMailSink();
 *   });
 *   // ... act ...
 *   const message = await mail.waitFor((m) => m.to.includes('parent1@example.com'));
 *
 * `stop()` / `start()` take the receiver down and up again on the same port, to test delivery
 * while SMTP is unavailable. The sink is closed after the file's own `afterAll` hooks.
 */

export interface MailSink {
  /** Everything received since the sink started (or since `clear()`), oldest first. */
  readonly messages: ReceivedMail[];
  /** `smtp://127.0.0.1:<port>`, also put in `process.env.SMTP_URL`. */
  readonly url: string;
  /** The first message (already received or yet to come) matching `predicate`. */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Resolves once every queued email has been delivered (the outbox has nothing unsent). */
  drained(timeoutMs?: number): Promise<void>;
  /** Stops listening (connections are refused) until `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  clear(): void;
}

/**
 * Every email leaves through the outbox, so the sink also starts the job worker on the file's
 * database (call `useTestDatabase()` first), polling fast and retrying within seconds.
 */
/** Retries after 0.5 s, doubling to at most 2 s, given up after 10 minutes: an outage of seconds. */
export const TEST_EMAIL_RETRY = { firstDelayMs: 500, maxDelayMs: 2_000, giveUpAfterMs: 10 * 60 * 1000 };

export async function useMailSink(worker: WorkerOptions = {}): Promise<MailSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<(mail: ReceivedMail) => void>();
  const onMail = (mail: ReceivedMail) => {
    messages.push(mail);
    for (const notify of waiters) notify(mail);
  };

  let receiver: SmtpReceiver | undefined = await startSmtpReceiver({ onMail });
  const port = receiver.port;
  const url = `smtp://127.0.0.1:${port}`;
  process.env.SMTP_URL = url;
  resetEnvCache();

  const sink: MailSink = {
    messages,
    url,
    waitFor(predicate, timeoutMs = 5_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const notify = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(notify);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(notify);
          const seen = messages.map((m) => `  to ${m.to.join(', ')}: ${m.subject}`).join('\n') || '  (none)';
          reject(new Error(`No matching email within ${timeoutMs} ms. Received:\n${seen}`));
        }, timeoutMs);
        waiters.add(notify);
      });
    },
    async drained(timeoutMs = 10_000) {
      const started = Date.now();
      while ((await unsentEmailIds(1)).length > 0) {
        if (Date.now() - started > timeoutMs) throw new Error(`Emails still queued after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      const current = receiver;
      receiver = undefined;
      await current?.close();
    },
    async start() {
      if (receiver) return;
      receiver = await startSmtpReceiver({ port, onMail });
    },
    clear() {
      messages.length = 0;
    },
  };
  afterFile(() => sink.stop());
  const jobs = await startWorker({ pollingIntervalSeconds: 0.5, emailRetry: TEST_EMAIL_RETRY, schedules: false, ...worker });
  // Registered last, so it stops first: before the receiver and the database go away.
  afterFile(() => jobs.stop());
  return sink;
}
