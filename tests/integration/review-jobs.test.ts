import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sendReviewReminders, sendTermNotices, storeReviewDue, storedDueOf, termToNotify } from '~/features/reviews/index.server';
import { cycleStartForDueBy, reviewNotStarted, termNoticeDate, type ReviewFacts } from '~/domain/annual-review';
import { type IsoDate } from '~/domain/timescales';
import { annualReviews, cases, educationSettings, reviewRemindersSent, settingTermNotices, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * The daily review jobs on a fixed clock (ADR 0048): each setting's lead and SENCO hear of the
 * reviews falling in the coming term once per term, from two weeks before it; each step's owner
 * is reminded before its deadline once, and again when the date moves; emails go through the
 * outbox to the real SMTP receiver, in each person's language, naming no child in the subject.
 */
let db: Database;
let mail: MailSink;
let caseworker: User, lead: User, senco: User, teacher: User, otherLead: User, foreignLead: User, parent: User;
let laId: string, primaryId: string, otherId: string, foreignSettingId: string;
const council = 'Brookford Borough Council';

// Spring 2027 starts on 1 January; its notice is due from 18 December 2026.
const NOTICE_DAY = new Date('2026-12-18T07:30:00Z');

async function reviewFor(la: { laId: string; teamId: string }, settingId: string | null, f: ReviewFacts, today: IsoDate, options: { parentIds?: string[]; caseworkerId?: string } = {}) {
  const { caseRecord, child } = await makeChildWithCase(db, { laId: la.laId, teamId: la.teamId, parentIds: options.parentIds ?? [], caseworkerId: options.caseworkerId, stage: 'plan_maintained' });
  await db.update(cases).set({ namedSettingId: settingId }).where(eq(cases.id, caseRecord.id));
  const [review] = await db
    .insert(annualReviews)
    .values({ laId: la.laId, caseId: caseRecord.id, number: 1, cycleStart: f.cycleStart, meetingDate: f.meetingDate, noticeSentOn: f.noticeSentOn, reportReceivedOn: f.reportReceivedOn, decision: f.decision, decisionOn: f.decisionOn, amendmentsSentOn: f.amendmentsSentOn, ...storedDueOf(f, today) })
    .returning();
  return { review, child, caseRecord };
}

let teamId: string, foreignTeamId: string, foreignLaId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const made = await makeLa(db, council);
  laId = made.la.id;
  teamId = made.team.id;
  const foreign = await makeLa(db, 'Elsewhere Council');
  foreignLaId = foreign.la.id;
  foreignTeamId = foreign.team.id;
  [{ id: primaryId }, { id: otherId }] = await db
    .insert(educationSettings)
    .values([
      { laId, name: 'Brook Primary', urn: '138001', type: 'school', phase: 'primary' },
      { laId, name: 'Brook High', urn: '138002', type: 'school', phase: 'secondary' },
    ])
    .returning();
  [{ id: foreignSettingId }] = await db.insert(educationSettings).values({ laId: foreignLaId, name: 'Far Primary', urn: '138999', type: 'school', phase: 'primary' }).returning();
  caseworker = await makeUser(db, 'caseworker', { laId, teamId, name: 'Tom Okafor' });
  lead = await makeUser(db, 'setting_staff', { laId, settingId: primaryId, settingRole: 'lead', name: 'Karen Lead' });
  senco = await makeUser(db, 'setting_staff', { laId, settingId: primaryId, settingRole: 'senco', name: 'Sophie Senco', locale: 'pl' });
  teacher = await makeUser(db, 'setting_staff', { laId, settingId: primaryId, settingRole: 'staff', name: 'Terry Teacher' });
  otherLead = await makeUser(db, 'setting_staff', { laId, settingId: otherId, settingRole: 'lead', name: 'Olive High' });
  foreignLead = await makeUser(db, 'setting_staff', { laId: foreignLaId, settingId: foreignSettingId, settingRole: 'lead', name: 'Far Lead' });
  parent = await makeUser(db, 'parent', { name: 'Agnieszka Parent', locale: 'pl' });
});

describe('term notices to settings', () => {
  it('are due from two weeks before a term until it starts', () => {
    expect(termToNotify('2026-12-17')).toBeNull();
    expect(termToNotify('2026-12-18')).toMatchObject({ name: 'spring', start: '2027-01-01' });
    expect(termNoticeDate(termToNotify('2026-12-31')!)).toBe('2026-12-18');
    expect(termToNotify('2027-01-01')).toBeNull();
  });

  it('each setting’s lead and SENCO get the term’s reviews once; another council’s setting only its own', async () => {
    const today = '2026-12-18';
    const la = { laId, teamId };
    await reviewFor(la, primaryId, reviewNotStarted(cycleStartForDueBy('2027-02-10')), today);
    await reviewFor(la, primaryId, reviewNotStarted(cycleStartForDueBy('2027-03-01')), today);
    await reviewFor(la, primaryId, reviewNotStarted(cycleStartForDueBy('2026-12-20')), today); // this term's, not next
    await reviewFor(la, otherId, reviewNotStarted(cycleStartForDueBy('2027-01-15')), today);
    await reviewFor({ laId: foreignLaId, teamId: foreignTeamId }, foreignSettingId, reviewNotStarted(cycleStartForDueBy('2027-01-20')), today);

    expect(await sendTermNotices(new Date('2026-12-17T07:30:00Z'))).toEqual({ settings: 0, emails: 0 });
    expect(await sendTermNotices(NOTICE_DAY)).toEqual({ settings: 3, emails: 4 });
    expect(await sendTermNotices(NOTICE_DAY)).toEqual({ settings: 0, emails: 0 });
    expect(await sendTermNotices(new Date('2026-12-29T07:30:00Z'))).toEqual({ settings: 0, emails: 0 });
    await mail.drained();

    const toLead = await mail.waitFor((m) => m.to.includes(lead.email));
    expect(toLead.subject).toBe('Annual reviews due next term: 2');
    expect(toLead.text).toContain('2 annual reviews of EHC plans for children at your setting fall in the spring term, which starts on 1 January 2027.');
    expect(toLead.text).toContain('meeting by 10 February 2027');
    expect(toLead.text).toContain('meeting by 1 March 2027');
    expect(toLead.text).not.toContain('20 December 2026');
    expect(toLead.text).toContain(council);
    const toSenco = await mail.waitFor((m) => m.to.includes(senco.email));
    expect(toSenco.subject).toBe('Przeglądy roczne w następnym semestrze: 2');
    expect(mail.messages.filter((m) => m.to.includes(teacher.email))).toHaveLength(0);
    expect((await mail.waitFor((m) => m.to.includes(otherLead.email))).text).toContain('meeting by 15 January 2027');
    expect((await mail.waitFor((m) => m.to.includes(foreignLead.email))).text).toContain('Elsewhere Council');
    expect(mail.messages.filter((m) => m.to.includes(lead.email))).toHaveLength(1);
    expect(await db.select().from(settingTermNotices)).toHaveLength(3);
  });
});

describe('reminders before each deadline', () => {
  it('remind the setting of the meeting’s notice once, and again when the meeting moves', async () => {
    mail.clear();
    // Meeting on 21 January 2027: invitations due by 7 January; 5 working days before is 31 December.
    const today = '2027-01-04';
    const now = new Date('2027-01-04T06:30:00Z');
    const { review } = await reviewFor({ laId, teamId }, primaryId, reviewNotStarted(cycleStartForDueBy('2027-03-01'), { meetingDate: '2027-01-21' }), today, { caseworkerId: caseworker.id });
    const first = await sendReviewReminders(now);
    expect(first.reminders).toBeGreaterThanOrEqual(2); // notice and advice, both due 7 January
    await mail.drained();
    const toLead = await mail.waitFor((m) => m.to.includes(lead.email) && m.text.includes('inviting everyone to the meeting'));
    expect(toLead.subject).toBe('Reminder: an annual review step is due by 7 January 2027');
    expect(toLead.text).toContain('at least 2 weeks before the meeting');
    expect(toLead.text).toContain(`/cases/${review.caseId}/reviews`);
    expect(toLead.subject).not.toContain('Sam');
    const count = mail.messages.length;
    expect(await sendReviewReminders(now)).toEqual({ reminders: 0, emails: 0 });
    expect(await sendReviewReminders(new Date('2027-01-05T06:30:00Z'))).toEqual({ reminders: 0, emails: 0 });
    expect(mail.messages).toHaveLength(count);

    // The meeting moves to 22 January: the notice is now due by 8 January, and reminded again.
    await db.update(annualReviews).set({ meetingDate: '2027-01-22' }).where(eq(annualReviews.id, review.id));
    await storeReviewDue(db, review.id, '2027-01-05');
    const again = await sendReviewReminders(new Date('2027-01-05T06:30:00Z'));
    expect(again.reminders).toBe(2);
    await mail.drained();
    await mail.waitFor((m) => m.to.includes(lead.email) && m.subject.includes('8 January 2027'));
    const keys = (await db.select().from(reviewRemindersSent).where(eq(reviewRemindersSent.reviewId, review.id))).map((r) => r.key).sort();
    expect(keys).toEqual(['advice:2027-01-07', 'advice:2027-01-08', 'notice:2027-01-07', 'notice:2027-01-08']);
  });

  it('a child with no setting: the caseworker convenes and is reminded; the council’s decision goes to the caseworker', async () => {
    mail.clear();
    const today = '2027-01-04';
    // Held on 10 December: the decision is due by 7 January; the report came in.
    const { review } = await reviewFor({ laId, teamId }, null, reviewNotStarted(cycleStartForDueBy('2027-01-31'), { meetingDate: '2026-12-10', noticeSentOn: '2026-11-20', reportReceivedOn: '2026-12-18' }), today, { caseworkerId: caseworker.id });
    await db.update(annualReviews).set({ adviceCirculatedOn: '2026-11-20' }).where(eq(annualReviews.id, review.id));
    await sendReviewReminders(new Date('2027-01-04T06:30:00Z'));
    await mail.drained();
    const toCaseworker = await mail.waitFor((m) => m.to.includes(caseworker.email) && m.text.includes('the council’s decision'));
    expect(toCaseworker.subject).toBe('Reminder: an annual review step is due by 7 January 2027');
    expect(toCaseworker.text).toContain('decide whether to keep, amend or cease the plan');
  });

  it('the family is reminded of its window to comment on the proposed amendments, in its language', async () => {
    mail.clear();
    const today = '2027-01-11';
    // Amendment notice on 4 January: comments until 18 January (15 days beginning with the 4th).
    const { review } = await reviewFor(
      { laId, teamId },
      primaryId,
      reviewNotStarted(cycleStartForDueBy('2027-01-31'), { meetingDate: '2026-12-10', noticeSentOn: '2026-11-20', reportReceivedOn: '2026-12-18', decision: 'amend', decisionOn: '2027-01-04', amendmentsSentOn: '2027-01-04' }),
      today,
      { caseworkerId: caseworker.id, parentIds: [parent.id] },
    );
    await db.update(annualReviews).set({ adviceCirculatedOn: '2026-11-20' }).where(eq(annualReviews.id, review.id));
    await sendReviewReminders(new Date('2027-01-11T06:30:00Z'));
    await mail.drained();
    const toParent = await mail.waitFor((m) => m.to.includes(parent.email));
    expect(toParent.subject).toBe('Uwagi do proponowanych zmian można przesłać do 18 stycznia 2027');
    expect(toParent.parsed.headers.get('content-language')).toBe('pl');
    expect(await sendReviewReminders(new Date('2027-01-12T06:30:00Z'))).toMatchObject({ reminders: 0 });
  });
});
