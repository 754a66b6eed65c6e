import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { afterFailedEmailAttempt } from '~/domain/email-retry';
import { postMessage } from '~/features/messaging/index.server';
import { deliverQueuedEmail, dueEmails } from '~/mail/outbox.server';
import { loader as emailFailuresLoader } from '~/routes/admin.emails';
import type { Database } from '../../db/client';
import { outboxEmails, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { TEST_EMAIL_RETRY, useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 17, item 4: the SMTP server is down for a while, then back. The outbox keeps every email,
 * retries each with a growing wait (tests wait 0.5 s doubling to 2 s; a real server 30 s doubling
 * to an hour, for 72 hours: app/domain/email-retry.ts), shows the failing ones to the council's
 * admin, and once SMTP is back delivers each exactly once. An email still failing 72 hours after
 * it was written is given up, listed as such, and never tried again.
 */
let db: Database;
let mail: MailSink;
let laId: string;
let admin: User;
let caseworker: User;
let parent: User;
let caseId: string;
const MESSAGES = 12;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  await mail.stop();
  const { la, team } = await makeLa(db);
  laId = la.id;
  admin = await makeUser(db, 'la_admin', { laId });
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: team.id });
  parent = await makeUser(db, 'parent');
  caseId = (await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id })).caseRecord.id;
});

const unsent = () => db.select().from(outboxEmails).where(and(eq(outboxEmails.laId, laId), isNull(outboxEmails.sentAt)));
const failuresPage = async () => (await settle(async () => emailFailuresLoader({ request: await requestAs(admin, '/admin/emails'), params: {}, context: {} }))).json();

describe('the SMTP server is down, then back', () => {
  it('nothing is lost, the waits grow, the admin sees the failures, and each email is received exactly once when SMTP is back', { timeout: 60_000 }, async () => {
    for (let i = 0; i < MESSAGES; i++) {
      await postMessage(parent, caseId, laId, { body: `Question ${i}`, formKey: crypto.randomUUID(), substantive: false });
      await postMessage(caseworker, caseId, laId, { body: `Answer ${i}`, formKey: crypto.randomUUID(), substantive: true });
    }
    const queued = await unsent();
    expect(queued.length).toBeGreaterThanOrEqual(MESSAGES * 2);

    // The outage goes on: each email is tried again and again, the waits doubling (0.5, 1, 2, 2 s), never hammered.
    const deadline = Date.now() + 20_000;
    while ((await unsent()).some((row) => row.attempts < 3)) {
      if (Date.now() > deadline) throw new Error('emails were not retried');
      await new Promise((r) => setTimeout(r, 250));
    }
    const failing = await unsent();
    expect(failing).toHaveLength(queued.length);
    for (const row of failing) {
      // Three tries take at least 1.5 s; after that at most one every 2 s (plus the polling's slack).
      expect(row.attempts).toBeLessThanOrEqual(4 + Math.floor((Date.now() - row.createdAt.getTime()) / 2_000));
      expect(row.lastError).toBeTruthy();
      expect(row.gaveUpAt).toBeNull();
      expect(row.nextAttemptAt).not.toBeNull();
    }
    expect(mail.messages).toHaveLength(0);

    // The council's admin sees them, still being tried, with no family address shown.
    const page = await failuresPage();
    expect(page.total).toBe(queued.length);
    expect(page.givenUp).toBe(0);
    expect(page.failures.every((f: { nextAttemptAt: string | null; gaveUpAt: string | null }) => f.nextAttemptAt && !f.gaveUpAt)).toBe(true);
    const toParent = page.failures.filter((f: { recipientRole: string }) => f.recipientRole === 'parent');
    expect(toParent.length).toBeGreaterThan(0);
    expect(toParent.every((f: { address: string | null }) => f.address === null)).toBe(true);
    expect(page.failures.some((f: { address: string | null }) => f.address === caseworker.email)).toBe(true);
    expect(JSON.stringify(page)).not.toContain(parent.email);

    await mail.start();
    await mail.drained(20_000);
    // A moment for any stray second delivery to show itself.
    await new Promise((r) => setTimeout(r, 1_500));
    const ids = mail.messages.map((m) => m.parsed.messageId);
    expect(ids.sort()).toEqual(queued.map((q) => `<${q.id}@ehcp-portal>`).sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect((await failuresPage()).total).toBe(0);
  });

  it('an email still failing 72 hours after it was written is given up, listed as given up, and never tried again', { timeout: 30_000 }, async () => {
    await mail.stop();
    const writtenAt = new Date(Date.now() - 73 * 60 * 60 * 1000);
    const [row] = await db
      .insert(outboxEmails)
      .values({ laId, recipientId: caseworker.id, toAddress: caseworker.email, locale: 'en', template: 'passwordChanged', params: { name: caseworker.name }, createdAt: writtenAt, attempts: 80, nextAttemptAt: new Date(Date.now() - 1000) })
      .returning();
    // The worker may be trying it too: either way it ends given up.
    const outcome = await deliverQueuedEmail(row.id, () => new Date(), TEST_EMAIL_RETRY);
    expect(['failed', 'given_up']).toContain(outcome.outcome);
    const [after] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, row.id));
    expect(after.gaveUpAt).not.toBeNull();
    expect(after.sentAt).toBeNull();
    expect(afterFailedEmailAttempt(writtenAt, after.attempts, new Date())).toEqual({ giveUp: true });
    expect((await dueEmails()).map((d) => d.id)).not.toContain(row.id);

    const page = await failuresPage();
    expect(page.givenUp).toBe(1);
    expect(page.failures[page.failures.length - 1]).toMatchObject({ id: row.id, address: caseworker.email, nextAttemptAt: null });

    // SMTP back: still never sent.
    await mail.start();
    expect(await deliverQueuedEmail(row.id)).toEqual({ outcome: 'given_up' });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(mail.messages.filter((m) => m.parsed.messageId === `<${row.id}@ehcp-portal>`)).toHaveLength(0);
  });
});
