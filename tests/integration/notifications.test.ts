import { eq, inArray, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as messagesAction, loader as messagesLoader } from '~/routes/cases.$caseId.messages';
import { postMessage, sendMessageDigests, sweepBreaches } from '~/features/messaging/index.server';
import { pruneSentEmails, wakeMailer } from '~/mail/outbox.server';
import { grantConsent } from '~/features/advocates/index.server';
import { addDays, todayInLondon } from '~/domain/timescales';
import { adviceOrganisations, areaTeams, children, localAuthorities, messages, outboxEmails, serviceStandardBreaches, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let mail: MailSink;
let parent: User, polishParent: User, caseworker: User, teammate: User, digestReader: User;
let caseId: string, laId: string, teamId: string;
/** The council's own address (ADR 0023): every link in its emails starts with it. */
const origin = 'http://portal.test';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db);
  laId = la.id;
  teamId = team.id;
  await db.update(localAuthorities).set({ publicBaseUrl: origin }).where(eq(localAuthorities.id, laId));
  parent = await makeUser(db, 'parent');
  polishParent = await makeUser(db, 'parent', { locale: 'pl' });
  caseworker = await makeUser(db, 'caseworker', { laId, teamId });
  teammate = await makeUser(db, 'caseworker', { laId, teamId });
  digestReader = await makeUser(db, 'caseworker', { laId, teamId, messageEmails: 'daily' });
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id, polishParent.id], caseworkerId: caseworker.id }));
});


async function until(condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('message notifications', () => {
  it('a council reply emails each family member in their own language, saying who wrote about which child, without the message', async () => {
    mail.clear();
    await postMessage(teammate, caseId, laId, { body: 'The EP visit is booked for Tuesday.', substantive: true, formKey: crypto.randomUUID() });
    const english = await mail.waitFor((m) => m.to.includes(parent.email));
    const polish = await mail.waitFor((m) => m.to.includes(polishParent.email));
    expect(english.subject).toMatch(/^New message about /);
    expect(english.text).toContain(`${teammate.name} has sent you a message`);
    expect(english.text).toContain(`${origin}/cases/${caseId}/messages`);
    expect(english.text).not.toContain('EP visit');
    expect(polish.subject).toMatch(/^Nowa wiadomość/);
    expect(polish.text).not.toContain('EP visit');
  });

  it('a family message emails the caseworker straight away; while they are away, the team members who are in', async () => {
    mail.clear();
    await postMessage(parent, caseId, laId, { body: 'Thank you', substantive: false, formKey: crypto.randomUUID() });
    const toCaseworker = await mail.waitFor((m) => m.to.includes(caseworker.email));
    expect(toCaseworker.text).not.toContain('Thank you');
    await db.update(users).set({ absent: true }).where(eq(users.id, caseworker.id));
    mail.clear();
    await postMessage(parent, caseId, laId, { body: 'One more thing', substantive: false, formKey: crypto.randomUUID() });
    await mail.waitFor((m) => m.to.includes(teammate.email));
    await mail.drained();
    const recipients = mail.messages.flatMap((m) => m.to);
    expect(recipients).not.toContain(caseworker.email);
    // Chose the morning digest: nothing now.
    expect(recipients).not.toContain(digestReader.email);
    await db.update(users).set({ absent: false }).where(eq(users.id, caseworker.id));
  });

  it('a council message also reaches an advocate acting with the family’s consent, and no other advocate', async () => {
    const [org] = await db.insert(adviceOrganisations).values({ laId, name: 'Test SENDIASS' }).returning();
    const advocate = await makeUser(db, 'advocate', { adviceOrgId: org.id });
    const colleague = await makeUser(db, 'advocate', { adviceOrgId: org.id });
    const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: caseworker.id });
    await grantConsent(parent, child, { adviceOrgId: org.id, advocateEmail: advocate.email, scope: 'act', expiresOn: addDays(todayInLondon(), 90), formKey: crypto.randomUUID() });
    await mail.drained();
    mail.clear();
    await postMessage(caseworker, caseRecord.id, laId, { body: 'Update', substantive: true, formKey: crypto.randomUUID() });
    await mail.waitFor((m) => m.to.includes(advocate.email) && m.subject.startsWith('New message about'));
    await mail.drained();
    const recipients = mail.messages.flatMap((m) => m.to);
    expect(recipients).toContain(parent.email);
    expect(recipients).not.toContain(colleague.email);
  });

  it('a young person who has not shared their case: the council emails them, not their parents, until they agree', async () => {
    const youngPerson = await makeUser(db, 'young_person');
    const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: caseworker.id });
    await db.update(children).set({ dateOfBirth: '2006-03-01', youngPersonUserId: youngPerson.id }).where(eq(children.id, child.id));
    const councilWrites = async () => {
      mail.clear();
      await postMessage(caseworker, caseRecord.id, laId, { body: 'Update', substantive: true, formKey: crypto.randomUUID() });
      await mail.waitFor((m) => m.to.includes(youngPerson.email));
      await mail.drained();
      return mail.messages.flatMap((m) => m.to);
    };
    expect(await councilWrites()).not.toContain(parent.email);
    await db.update(children).set({ parentAccessAgreedAt: new Date() }).where(eq(children.id, child.id));
    expect(await councilWrites()).toContain(parent.email);
  });

  it('the daily digest counts new family messages on the reader’s own and absent teammates’ cases, once', async () => {
    const own = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: digestReader.id });
    const since = new Date('2026-11-18T07:00:00Z');
    await db.update(users).set({ digestSentThrough: since }).where(eq(users.id, digestReader.id));
    await postMessage(parent, own.caseRecord.id, laId, { body: 'a', substantive: false, formKey: crypto.randomUUID() }, new Date('2026-11-18T10:00:00Z'));
    await postMessage(parent, own.caseRecord.id, laId, { body: 'b', substantive: false, formKey: crypto.randomUUID() }, new Date('2026-11-18T11:00:00Z'));
    mail.clear();
    expect(await sendMessageDigests(new Date('2026-11-19T07:00:00Z'))).toBe(1);
    const digest = await mail.waitFor((m) => m.to.includes(digestReader.email));
    expect(digest.subject).toBe('2 new messages from families');
    expect(digest.text).toContain(`(${own.caseRecord.reference}): 2`);
    // Run again for the same morning: nothing new, nothing sent.
    expect(await sendMessageDigests(new Date('2026-11-19T07:00:01Z'))).toBe(0);
  });
});

describe('the outbox while SMTP is down', () => {
  it('20 messages sent while the SMTP server is down are all emailed once it is back, each exactly once', async () => {
    const quiet = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: teammate.id });
    await mail.drained();
    mail.clear();
    await mail.stop();
    for (let i = 1; i <= 20; i++) {
      await postMessage(parent, quiet.caseRecord.id, laId, { body: `Message ${i}`, substantive: false, formKey: crypto.randomUUID() });
    }
    const queued = await db.select().from(outboxEmails).where(isNull(outboxEmails.sentAt));
    expect(queued).toHaveLength(20);
    // Every email has been tried and refused at least once before the server comes back.
    await until(async () => (await db.select().from(outboxEmails).where(isNull(outboxEmails.sentAt))).every((row) => row.attempts >= 1));
    expect(mail.messages).toHaveLength(0);

    await mail.start();
    await mail.drained(30_000);
    // Nudge the relay and give any stray retry time to show itself.
    wakeMailer();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const ids = mail.messages.map((m) => m.parsed.messageId);
    expect(mail.messages).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(new Set(ids)).toEqual(new Set(queued.map((row) => `<${row.id}@ehcp-portal>`)));
    expect(mail.messages.every((m) => m.to.includes(teammate.email))).toBe(true);
  }, 60_000);
});

describe('keeping the record of sent emails', () => {
  it('forgets emails sent more than 90 days ago, keeps newer ones, and never drops one not yet sent', async () => {
    // The real clock: the worker may send the unsent row meanwhile, which must not make it old.
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
    const row = (sentAt: Date | null, createdAt: Date) => ({ toAddress: 'someone@test.example', locale: 'en' as const, template: 'verifyEmail', params: {}, sentAt, createdAt });
    const [old, recent, unsent] = await db
      .insert(outboxEmails)
      .values([row(daysAgo(91), daysAgo(91)), row(daysAgo(89), daysAgo(89)), row(null, daysAgo(200))])
      .returning({ id: outboxEmails.id });
    expect(await pruneSentEmails(now)).toBeGreaterThanOrEqual(1);
    const left = new Set((await db.select({ id: outboxEmails.id }).from(outboxEmails)).map((r) => r.id));
    expect(left.has(old.id)).toBe(false);
    expect(left.has(recent.id)).toBe(true);
    expect(left.has(unsent.id)).toBe(true);
    await db.delete(outboxEmails).where(inArray(outboxEmails.id, [recent.id, unsent.id]));
  });
});

describe('a message typed after the session ran out', () => {
  it('is kept, offered back after signing in, and forgotten once sent', async () => {
    const formKey = crypto.randomUUID();
    const expired = await settle(async () =>
      messagesAction({
        request: await requestAs(null, `/cases/${caseId}/messages`, { form: { body: 'Written before lunch', formKey }, headers: { Origin: 'http://localhost' } }),
        params: { caseId },
        context: {},
      }),
    );
    expect(expired.status).toBe(302);
    expect(expired.headers.get('Location')).toBe(`/sign-in?returnTo=${encodeURIComponent(`/cases/${caseId}/messages`)}&notice=messageKept`);
    const cookie = expired.headers.get('Set-Cookie')!.split(';')[0];

    const page = await settle(async () => messagesLoader({ request: await requestAs(parent, `/cases/${caseId}/messages`, { headers: { Cookie: cookie } }), params: { caseId }, context: {} }));
    expect((await page.json()).held).toBe('Written before lunch');
    // Another browser (no cookie) is offered nothing.
    expect((await (await settle(async () => messagesLoader({ request: await requestAs(parent, `/cases/${caseId}/messages`), params: { caseId }, context: {} }))).json()).held).toBeNull();

    const sent = await settle(async () =>
      messagesAction({ request: await requestAs(parent, `/cases/${caseId}/messages`, { form: { body: 'Written before lunch', formKey }, headers: { Cookie: cookie } }), params: { caseId }, context: {} }),
    );
    expect(sent.status).toBe(302);
    expect(sent.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
    const after = await settle(async () => messagesLoader({ request: await requestAs(parent, `/cases/${caseId}/messages`, { headers: { Cookie: cookie } }), params: { caseId }, context: {} }));
    expect((await after.json()).held).toBeNull();
  });

  it('a post from another site is not kept (it could put words in someone’s message box)', async () => {
    const response = await settle(async () =>
      messagesAction({
        request: await requestAs(null, `/cases/${caseId}/messages`, { form: { body: 'Pay this invoice', formKey: crypto.randomUUID() }, headers: { Origin: 'https://evil.example' } }),
        params: { caseId },
        context: {},
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });
});

describe('attachments', () => {
  const sendWithFile = async (user: User, body: string, file: Blob, name: string, formKey = crypto.randomUUID()) => {
    const form = new FormData();
    form.set('body', body);
    form.set('formKey', formKey);
    form.set('attachment', file, name);
    return settle(async () => messagesAction({ request: await requestAs(user, `/cases/${caseId}/messages`, { multipart: form }), params: { caseId }, context: {} }));
  };

  it('a message can carry a document, shown with it in the thread; the same form twice stores one', async () => {
    const formKey = crypto.randomUUID();
    expect((await sendWithFile(parent, 'The school report', new Blob([PDF], { type: 'application/pdf' }), 'report.pdf', formKey)).status).toBe(302);
    expect((await sendWithFile(parent, 'The school report', new Blob([PDF], { type: 'application/pdf' }), 'report.pdf', formKey)).status).toBe(302);
    const { thread } = await (await settle(async () => messagesLoader({ request: await requestAs(caseworker, `/cases/${caseId}/messages`), params: { caseId }, context: {} }))).json();
    const sent = thread.filter((m: { body: string }) => m.body === 'The school report');
    expect(sent).toHaveLength(1);
    expect(sent[0].attachments).toEqual([expect.objectContaining({ name: 'report.pdf', sizeBytes: PDF.length })]);
  });

  it('a file that breaks the upload rules is refused beside the field, and the message text comes back', async () => {
    const response = await sendWithFile(parent, 'Here is the program', new Blob([Buffer.from('MZ\x90\x00 not a document')]), 'setup.exe');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.attachment).toMatch(/^errors\.upload\./);
    expect(body.values.body).toBe('Here is the program');
    expect(await db.select().from(messages).where(eq(messages.body, 'Here is the program'))).toHaveLength(0);
  });
});

describe('the breach sweep', () => {
  it('records a breach on a thread nobody has answered, once', async () => {
    const team = (await db.select().from(areaTeams).where(eq(areaTeams.id, teamId)))[0];
    const ignored = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: teammate.id });
    await postMessage(parent, ignored.caseRecord.id, laId, { body: 'Hello?', substantive: false, formKey: crypto.randomUUID() }, new Date('2026-05-20T09:00:00Z'));
    await sweepBreaches(new Date('2026-06-10T09:00:00Z'));
    await sweepBreaches(new Date('2026-06-11T09:00:00Z'));
    const recorded = await db.select().from(serviceStandardBreaches).where(eq(serviceStandardBreaches.caseId, ignored.caseRecord.id));
    expect(recorded.map((b) => b.standard).sort()).toEqual(['acknowledge', 'reply']);
  });
});
