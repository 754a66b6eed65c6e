import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as accountAction } from '~/routes/account';
import { postMessage, sendFamilyMessageDigests } from '~/features/messaging/index.server';
import { grantConsent } from '~/features/advocates/index.server';
import { addDays, todayInLondon } from '~/domain/timescales';
import { adviceOrganisations, advocateConsents, children, localAuthorities, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Families and advocates who chose the morning digest hear of the council's messages once a
 * day, through the real outbox and SMTP receiver: counted per case, from the council, naming the
 * child in the body only, never the messages; and only if they may read the thread that morning.
 */

let db: Database;
let mail: MailSink;
let laId: string, teamId: string, councilName: string;
let caseworker: User;
const origin = 'http://digest.test';

const post = (path: string, form: Record<string, string>, user: User) =>
  settle(async () => accountAction({ request: await requestAs(user, path, { form }), params: {}, context: {} } as never));

/** Starts a daily reader's digest from a moment just before the messages under test. */
async function digestFrom(user: User, since: Date) {
  await db.update(users).set({ digestSentThrough: since }).where(eq(users.id, user.id));
}

const councilWrites = (caseId: string, body: string) => postMessage(caseworker, caseId, laId, { body, substantive: true, formKey: crypto.randomUUID() });

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db, 'Digest Borough Council');
  laId = la.id;
  teamId = team.id;
  councilName = la.name;
  await db.update(localAuthorities).set({ publicBaseUrl: origin }).where(eq(localAuthorities.id, laId));
  caseworker = await makeUser(db, 'caseworker', { laId, teamId });
});

describe('choosing on the account page', () => {
  it('a parent may choose the daily digest; an unknown choice is refused beside the field and changes nothing', async () => {
    const parent = await makeUser(db, 'parent');
    const refused = await post('/account', { intent: 'message-emails', messageEmails: 'weekly' }, parent);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: { messageEmails: expect.any(String) } });
    expect((await db.select().from(users).where(eq(users.id, parent.id)))[0].messageEmails).toBe('immediate');

    const saved = await post('/account', { intent: 'message-emails', messageEmails: 'daily' }, parent);
    expect(saved.headers.get('Location')).toBe('/account?notice=messageEmailsChanged');
    const [stored] = await db.select().from(users).where(eq(users.id, parent.id));
    expect(stored.messageEmails).toBe('daily');
    // The first digest starts from the choice: messages already emailed one by one are not repeated.
    expect(stored.digestSentThrough).not.toBeNull();
  });

  it('a professional has no such choice: the post changes nothing', async () => {
    const professional = await makeUser(db, 'professional', { laId });
    await post('/account', { intent: 'message-emails', messageEmails: 'daily' }, professional);
    expect((await db.select().from(users).where(eq(users.id, professional.id)))[0].messageEmails).toBe('immediate');
  });
});

describe('the family’s morning digest', () => {
  it('a parent on the digest gets nothing at once, then one email counting the council’s messages, in their language, with no message text and no name in the subject', async () => {
    const english = await makeUser(db, 'parent', { messageEmails: 'daily' });
    const polish = await makeUser(db, 'parent', { messageEmails: 'daily', locale: 'pl' });
    const straightAway = await makeUser(db, 'parent');
    const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [english.id, polish.id, straightAway.id], caseworkerId: caseworker.id });
    await db.update(children).set({ firstName: 'Zofia' }).where(eq(children.id, child.id));
    const since = new Date(Date.now() - 60_000);
    await digestFrom(english, since);
    await digestFrom(polish, since);

    mail.clear();
    await councilWrites(caseRecord.id, 'The EP visit is booked for Tuesday.');
    await councilWrites(caseRecord.id, 'Please bring the school report.');
    // The parent on 'each time' still hears of each message straight away; the others nothing yet.
    await mail.waitFor(() => mail.messages.filter((m) => m.to.includes(straightAway.email)).length === 2);
    await mail.drained();
    expect(mail.messages.flatMap((m) => m.to)).not.toContain(english.email);
    expect(mail.messages.flatMap((m) => m.to)).not.toContain(polish.email);

    mail.clear();
    const morning = new Date();
    expect(await sendFamilyMessageDigests(morning)).toBeGreaterThanOrEqual(2);
    const inEnglish = await mail.waitFor((m) => m.to.includes(english.email));
    const inPolish = await mail.waitFor((m) => m.to.includes(polish.email));

    expect(inEnglish.subject).toBe('New messages from your council');
    expect(inEnglish.text).toContain(`${councilName} has sent you new messages`);
    expect(inEnglish.text).toContain('- about Zofia: 2 new messages');
    expect(inEnglish.text).toContain(`${origin}/cases/${caseRecord.id}/messages`);
    expect(inPolish.subject).toBe('Nowe wiadomości od samorządu');
    expect(inPolish.text).toContain('- w sprawie: Zofia – 2 nowe wiadomości');
    for (const digest of [inEnglish, inPolish]) {
      expect(digest.subject).not.toContain('Zofia');
      expect(digest.text).not.toContain('EP visit');
      expect(digest.text).not.toContain('school report');
      // One link, to the council's own address.
      expect(digest.text.match(/https?:\/\/\S+/g)).toEqual([`${origin}/cases/${caseRecord.id}/messages`]);
    }
    await mail.drained();
    expect(mail.messages.filter((m) => m.to.includes(straightAway.email))).toHaveLength(0);

    // Run again the same morning: nothing new, nothing sent.
    expect(await sendFamilyMessageDigests(new Date(morning.getTime() + 1000))).toBe(0);
  });

  it('a parent the young person has not shared the case with, and an advocate whose consent has ended, get no digest; the young person and an advocate with live consent do', async () => {
    const youngPerson = await makeUser(db, 'young_person', { messageEmails: 'daily' });
    const cutOff = await makeUser(db, 'parent', { messageEmails: 'daily' });
    const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [cutOff.id], caseworkerId: caseworker.id });
    await db.update(children).set({ dateOfBirth: '2006-03-01', youngPersonUserId: youngPerson.id }).where(eq(children.id, child.id));
    const [grown] = await db.select().from(children).where(eq(children.id, child.id));

    const advocateFor = async (name: string): Promise<User> => {
      const [org] = await db.insert(adviceOrganisations).values({ laId, name }).returning();
      const advocate = await makeUser(db, 'advocate', { adviceOrgId: org.id });
      const outcome = await grantConsent(youngPerson, grown, { adviceOrgId: org.id, advocateEmail: advocate.email, scope: 'act', expiresOn: addDays(todayInLondon(), 90), formKey: crypto.randomUUID() });
      expect(outcome.ok).toBe(true);
      await db.update(users).set({ messageEmails: 'daily' }).where(eq(users.id, advocate.id));
      return advocate;
    };
    const live = await advocateFor('Live SENDIASS');
    const expired = await advocateFor('Expired SENDIASS');

    const since = new Date(Date.now() - 60_000);
    for (const reader of [youngPerson, cutOff, live, expired]) await digestFrom(reader, since);
    await councilWrites(caseRecord.id, 'Your assessment has been agreed.');
    // The consent ends after the message was sent and before the morning.
    await db.update(advocateConsents).set({ expiresOn: addDays(todayInLondon(), -1) }).where(eq(advocateConsents.advocateUserId, expired.id));
    await mail.drained();

    mail.clear();
    await sendFamilyMessageDigests(new Date());
    await mail.waitFor((m) => m.to.includes(youngPerson.email));
    await mail.waitFor((m) => m.to.includes(live.email));
    await mail.drained();
    const recipients = mail.messages.flatMap((m) => m.to);
    expect(recipients).not.toContain(cutOff.email);
    expect(recipients).not.toContain(expired.email);
  });
});
