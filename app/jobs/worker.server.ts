import PgBoss from 'pg-boss';
import { pruneRateLimitEvents } from '../auth/throttle.server';
import { jobQueueConnection } from '../db.server';
import { EMAIL_RETRY_POLICY, type EmailRetryPolicy } from '../domain/email-retry';
import { deliverQueuedEmail, dueEmails, emailJobId, pruneSentEmails, setMailerWaker } from '../mail/outbox.server';
import { sendAdviceReminders } from '../features/advice/index.server';
import { sweepOrphanUploads } from '../features/documents/index.server';
import { refreshAllDueLists } from '../features/retention/index.server';
import { sendFamilyMessageDigests, sendMessageDigests, sweepBreaches } from '../features/messaging/index.server';
import { sendReviewReminders, sendTermNotices } from '../features/reviews/index.server';
import { refreshStoredDates } from '../features/statutory-dates/index.server';
import { logError } from '../observability/log.server';

/**
 * Background work, on pg-boss (ADR 0011): delivering the email outbox with retries and
 * backoff for 72 hours (ADR 0044), and nine schedules — the outbox relay (a safety net for emails whose wake-up was
 * lost), the service-standard breach sweep, the daily message digests (staff and families), advice reminders and
 * overdue notices, pruning old records of sent emails, sweeping uploaded files no document
 * row names (also the files of records retention deleted that could not be removed at once), and
 * the nightly list of records due for deletion (ADR 0037: listed for a manager, never deleted by the job),
 * the daily annual review notices to settings and reminders before each review deadline (ADR 0048), and the
 * daily refresh of cases' stored statutory dates (ADR 0056).
 *
 * The worker runs inside the web server's process or on its own (PROCESS_ROLE, ADR 0043), on
 * the same database: the PostgreSQL server through pg-boss's own small pool, or the embedded
 * PGlite through `executeSql`. Any number of workers share the work: pg-boss hands each job to
 * one of them, and an email is sent under a lock on its outbox row.
 */

export const queues = {
  sendEmail: 'send-email',
  relayOutbox: 'outbox-relay',
  sweepBreaches: 'breach-sweep',
  messageDigest: 'message-digest',
  adviceReminders: 'advice-reminders',
  pruneOutbox: 'outbox-prune',
  sweepUploads: 'upload-sweep',
  retentionList: 'retention-list',
  reviewNotices: 'review-notices',
  caseDates: 'case-dates',
} as const;

export interface WorkerOptions {
  /** When a failed email is tried again, and when it is given up (tests use seconds). */
  emailRetry?: EmailRetryPolicy;
  pollingIntervalSeconds?: number;
  /**
   * How often pg-boss looks for jobs whose worker died (SIGKILL, a lost machine) and hands them
   * out again: every 15 s by default; an email job expires after 60 s.
   */
  maintenanceIntervalSeconds?: number;
  /** Install the cron schedules (off in tests, which call the jobs' functions directly). */
  schedules?: boolean;
}

export interface Worker {
  boss: PgBoss;
  stop(): Promise<void>;
}

const globalForWorker = globalThis as unknown as { __ehcpWorker?: Worker };

export async function startWorker(options: WorkerOptions = {}): Promise<Worker> {
  if (globalForWorker.__ehcpWorker) return globalForWorker.__ehcpWorker;
  const connection = await jobQueueConnection();
  const boss = new PgBoss({
    ...connection,
    ...('connectionString' in connection ? { max: 3 } : {}),
    schema: 'pgboss',
    schedule: options.schedules ?? true,
    // Completed jobs are history only; the outbox row is the record of what was sent.
    archiveCompletedAfterSeconds: 60 * 60,
    deleteAfterDays: 7,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 15,
  });
  boss.on('error', (error) => logError('jobs.error', error));
  await boss.start();

  const emailRetry = options.emailRetry ?? EMAIL_RETRY_POLICY;
  // pg-boss's own retries are only for a worker that died or a database that failed mid-job: an
  // SMTP failure completes the job and queues the next attempt at its time (ADR 0044).
  await createQueueOnce(boss, queues.sendEmail, { name: queues.sendEmail, retryLimit: 10, retryDelay: 5, retryBackoff: true, expireInSeconds: 60 });
  // 'short': at most one scheduled relay waits at a time.
  await createQueueOnce(boss, queues.relayOutbox, { name: queues.relayOutbox, policy: 'short', retryLimit: 1 });
  await createQueueOnce(boss, queues.sweepBreaches, { name: queues.sweepBreaches, policy: 'short', retryLimit: 1 });
  await createQueueOnce(boss, queues.messageDigest, { name: queues.messageDigest, policy: 'short', retryLimit: 3, retryDelay: 300 });
  await createQueueOnce(boss, queues.adviceReminders, { name: queues.adviceReminders, policy: 'short', retryLimit: 3, retryDelay: 300 });
  await createQueueOnce(boss, queues.pruneOutbox, { name: queues.pruneOutbox, policy: 'short', retryLimit: 3, retryDelay: 300 });
  await createQueueOnce(boss, queues.sweepUploads, { name: queues.sweepUploads, policy: 'short', retryLimit: 3, retryDelay: 300 });
  await createQueueOnce(boss, queues.retentionList, { name: queues.retentionList, policy: 'short', retryLimit: 3, retryDelay: 300 });
  await createQueueOnce(boss, queues.reviewNotices, { name: queues.reviewNotices, policy: 'short', retryLimit: 3, retryDelay: 300 });
  await createQueueOnce(boss, queues.caseDates, { name: queues.caseDates, policy: 'short', retryLimit: 3, retryDelay: 300 });

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  const sender = await boss.work<{ outboxId: string }>(queues.sendEmail, { ...polling, batchSize: 5 }, async (jobs) => {
    // One failure affects only its own job; the rest of the batch completes.
    for (const job of jobs) {
      try {
        const delivery = await deliverQueuedEmail(job.data.outboxId, () => new Date(), emailRetry);
        if (delivery.outcome === 'failed' && delivery.retryAt) {
          const id = emailJobId(job.data.outboxId, delivery.failedAttempts);
          await boss.insert([{ id, name: queues.sendEmail, data: { outboxId: job.data.outboxId }, startAfter: delivery.retryAt }]);
        }
      } catch (error) {
        await boss.fail(queues.sendEmail, job.id, { message: String((error as Error).message ?? error) });
      }
    }
  });
  // Each attempt's job id comes from the row and its failed attempts: an attempt already queued
  // (by this relay on another server, or by the worker after a failure) is not queued again.
  const relay = async () => {
    const due = await dueEmails();
    if (due.length === 0) return;
    await boss.insert(due.map((email) => ({ id: emailJobId(email.id, email.attempts), name: queues.sendEmail, data: { outboxId: email.id } })));
    // Fetch now rather than at the next poll: a new email goes out at once.
    boss.notifyWorker(sender);
  };
  await boss.work(queues.relayOutbox, polling, relay);
  await boss.work(queues.sweepBreaches, polling, async () => {
    await sweepBreaches();
  });
  await boss.work(queues.messageDigest, polling, async () => {
    // Both at 07:00; each reader's digest is its own transaction, so a retry sends nothing twice.
    await sendMessageDigests();
    await sendFamilyMessageDigests();
  });
  await boss.work(queues.adviceReminders, polling, async () => {
    await sendAdviceReminders();
  });
  await boss.work(queues.pruneOutbox, polling, async () => {
    await pruneSentEmails();
    // The nightly prune also drops throttling events older than every limit's window (ADR 0016).
    await pruneRateLimitEvents();
  });
  await boss.work(queues.sweepUploads, polling, async () => {
    await sweepOrphanUploads();
  });
  await boss.work(queues.retentionList, polling, async () => {
    // Rebuilds each council's list under a lock on its row: run twice, or on two servers, the list is the same.
    await refreshAllDueLists();
  });
  await boss.work(queues.reviewNotices, polling, async () => {
    // Each term notice and reminder is claimed in the transaction that queues it (ADR 0048): a retry sends nothing twice.
    await sendTermNotices();
    await sendReviewReminders();
  });
  await boss.work(queues.caseDates, polling, async () => {
    // Each batch is its own transaction and the derivation is idempotent: run twice, the dates are the same (ADR 0056).
    await refreshStoredDates();
  });

  if (options.schedules ?? true) {
    await boss.schedule(queues.relayOutbox, '* * * * *');
    await boss.schedule(queues.sweepBreaches, '*/10 * * * *');
    await boss.schedule(queues.messageDigest, '0 7 * * *', undefined, { tz: 'Europe/London' });
    // Hourly: a reminder or overdue notice goes once (the request row records it), on the day it falls due.
    await boss.schedule(queues.adviceReminders, '15 * * * *', undefined, { tz: 'Europe/London' });
    await boss.schedule(queues.pruneOutbox, '30 3 * * *', undefined, { tz: 'Europe/London' });
    // Hourly: an uploaded file whose row never committed (a crash between the two) is removed once an hour old.
    await boss.schedule(queues.sweepUploads, '45 * * * *');
    // Nightly, after the 03:30 prune: what falls due today is listed for the managers' morning.
    await boss.schedule(queues.retentionList, '0 4 * * *', undefined, { tz: 'Europe/London' });
    // Daily, before the working day: settings' term notices (two weeks before each term) and reminders before each review deadline.
    await boss.schedule(queues.reviewNotices, '30 6 * * *', undefined, { tz: 'Europe/London' });
    // Just after midnight: a family's window that closed yesterday leaves the lists' next date.
    await boss.schedule(queues.caseDates, '5 0 * * *', undefined, { tz: 'Europe/London' });
    // And once at start: cases from before the stored dates, or seeded without them, are derived.
    await boss.send(queues.caseDates, {});
  }

  // A wake-up relays at once, in this process; the cron relay catches anything a wake-up missed.
  setMailerWaker(() => {
    relay().catch((error: unknown) => logError('jobs.relay-failed', error));
  });
  // Whatever was queued while no worker ran (a script, a crash) goes out now.
  await relay();

  const worker: Worker = {
    boss,
    async stop() {
      setMailerWaker(undefined);
      globalForWorker.__ehcpWorker = undefined;
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
  globalForWorker.__ehcpWorker = worker;
  return worker;
}

/**
 * pg-boss creates a queue (a row and a table partition) without a lock across processes: several
 * servers starting at once can deadlock (40P01) or collide (23505) on it. Each retries; the queue
 * is then there, created by one of them.
 */
async function createQueueOnce(boss: PgBoss, name: string, options: PgBoss.Queue) {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code !== '40P01' && code !== '23505' && code !== '42P07') || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

export async function stopWorker() {
  await globalForWorker.__ehcpWorker?.stop();
}
