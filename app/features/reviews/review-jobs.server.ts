import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { annualReviews, cases, children, educationSettings, reviewRemindersSent, settingTermNotices, users, type User } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { getDb } from '~/db.server';
import { reviewRemindersDue, termNameKeys, termNoticeDate, termOf, type ReviewReminder, type ReviewStepName, type SchoolTerm } from '~/domain/annual-review';
import { addDays, compareDates, todayInLondon, type IsoDate } from '~/domain/timescales';
import { linkTo } from '~/domain/council';
import { personName } from '~/domain/names';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { familyAudience } from '../family/index.server';
import { reviewFactsOf } from './review-due.server';

/**
 * The job worker's two daily review jobs (issue 14, item 6; ADR 0048), both safe to run any number
 * of times, on any number of servers:
 * - `sendTermNotices`: from two weeks before a term (`termNoticeDate`, CoP 9.172) until it starts,
 *   each setting's lead and SENCO are emailed the reviews of its children whose meeting falls due
 *   in that term, once per setting per term (`setting_term_notices`, claimed in the transaction
 *   that queues the emails).
 * - `sendReviewReminders`: each step's owner is reminded before its deadline, once for each
 *   `step:date` key (`reviewRemindersDue`; a moved date reminds again). The meeting and its
 *   notice, advice and report go to whoever convenes the meeting (the named setting's SENCO and
 *   lead, or the caseworker when the child has no setting), the council's decision and final plan
 *   to the caseworker, the family's window to comment to the family, each in their own language.
 */

/** A setting's people who hear of its reviews. */
const CONVENING_ROLES = ['lead', 'senco'] as const;

const termKey = (term: SchoolTerm) => `${term.academicYear}-${term.name}`;

/** The term whose notice is due today, if any: from its notice date until the day before it starts. */
export function termToNotify(today: IsoDate): SchoolTerm | null {
  const next = termOf(addDays(today, 14));
  if (compareDates(next.start, today) <= 0) return null;
  return compareDates(termNoticeDate(next), today) <= 0 ? next : null;
}

async function settingStaff(executor: Database | Transaction, settingId: string): Promise<User[]> {
  return executor
    .select()
    .from(users)
    .where(and(eq(users.settingId, settingId), eq(users.role, 'setting_staff'), inArray(users.settingRole, [...CONVENING_ROLES]), isNull(users.deactivatedAt)))
    .orderBy(asc(users.name));
}

/** Emails each setting the reviews falling in the coming term, once per setting per term. */
export async function sendTermNotices(now = new Date()): Promise<{ settings: number; emails: number }> {
  const db = await getDb();
  const today = todayInLondon(now);
  const term = termToNotify(today);
  if (!term) return { settings: 0, emails: 0 };
  const key = termKey(term);
  const due = await db
    .select({ settingId: cases.namedSettingId, laId: annualReviews.laId, caseId: cases.id, meetingDueOn: annualReviews.meetingDueOn, first: children.firstName, last: children.lastName })
    .from(annualReviews)
    .innerJoin(cases, eq(cases.id, annualReviews.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .where(and(isNull(annualReviews.completedOn), isNotNull(cases.namedSettingId), gte(annualReviews.meetingDueOn, term.start), lte(annualReviews.meetingDueOn, term.end)))
    .orderBy(asc(annualReviews.meetingDueOn), asc(children.lastName), asc(children.firstName));
  const bySetting = new Map<string, typeof due>();
  for (const row of due) bySetting.set(row.settingId!, [...(bySetting.get(row.settingId!) ?? []), row]);
  let settings = 0;
  let emails = 0;
  for (const [settingId, reviews] of bySetting) {
    const queued = await db.transaction(async (tx) => {
      const [claimed] = await tx.insert(settingTermNotices).values({ settingId, term: key }).onConflictDoNothing().returning();
      if (!claimed) return 0;
      const [setting] = await tx.select({ laId: educationSettings.laId }).from(educationSettings).where(eq(educationSettings.id, settingId));
      // A setting's children are its own council's; never another council's cases.
      const own = reviews.filter((r) => r.laId === setting?.laId);
      if (!setting || own.length === 0) return 0;
      const council = await councilContext(setting.laId, tx);
      const staff = await settingStaff(tx, settingId);
      for (const person of staff) {
        const t = getFixedT(person.locale);
        await queueEmail(tx, council, 'reviewTermNotice', person, {
          name: person.name,
          count: String(own.length),
          term: String(t(termNameKeys[term.name])),
          termStart: formatDate(term.start, person.locale),
          reviews: own.map((r) => `- ${String(t('reviewJobsMail.termNotice.item', { child: personName({ firstName: r.first, lastName: r.last }), dueBy: formatDate(r.meetingDueOn!, person.locale) }))}`).join('\n'),
          link: linkTo(council, '/'),
        });
      }
      return staff.length;
    });
    if (queued > 0) {
      settings += 1;
      emails += queued;
    }
  }
  if (emails > 0) wakeMailer();
  return { settings, emails };
}

const stepKeys = {
  meeting: 'reviewJobsMail.step.meeting',
  notice: 'reviewJobsMail.step.notice',
  advice: 'reviewJobsMail.step.advice',
  report: 'reviewJobsMail.step.report',
  decision: 'reviewJobsMail.step.decision',
  comments: 'reviewJobsMail.step.comments',
  finalPlan: 'reviewJobsMail.step.finalPlan',
} as const satisfies Record<ReviewStepName, string>;

const actionKeys = {
  meeting: 'reviewJobsMail.action.meeting',
  notice: 'reviewJobsMail.action.notice',
  advice: 'reviewJobsMail.action.advice',
  report: 'reviewJobsMail.action.report',
  decision: 'reviewJobsMail.action.decision',
  comments: 'reviewJobsMail.action.comments',
  finalPlan: 'reviewJobsMail.action.finalPlan',
} as const satisfies Record<ReviewStepName, string>;

/** Who a reminder goes to: the convenor, the council's caseworker (or its managers while there is none), or the family. */
async function recipientsOf(tx: Transaction, reminder: ReviewReminder, context: { laId: string; childId: string; caseworkerId: string | null; namedSettingId: string | null }, today: IsoDate): Promise<User[]> {
  if (reminder.to === 'family') return familyAudience(tx, context.childId, 'read:case', today).then((people) => people.filter((p) => p.role !== 'advocate'));
  if (reminder.to === 'convenor' && context.namedSettingId) {
    const staff = await settingStaff(tx, context.namedSettingId);
    if (staff.length > 0) return staff;
  }
  if (context.caseworkerId) return tx.select().from(users).where(and(eq(users.id, context.caseworkerId), isNull(users.deactivatedAt)));
  return tx.select().from(users).where(and(eq(users.laId, context.laId), eq(users.role, 'manager'), isNull(users.deactivatedAt)));
}

/** Reminds each step's owner before its deadline, once for each step and date. */
export async function sendReviewReminders(now = new Date()): Promise<{ reminders: number; emails: number }> {
  const db = await getDb();
  const today = todayInLondon(now);
  // Reminders start 5 working days before a date (never more than 9 calendar days, with bank
  // holidays); the family's window is 15 days from the amendment notice.
  const open = await db
    .select({ review: annualReviews, childId: cases.childId, caseworkerId: cases.caseworkerId, namedSettingId: cases.namedSettingId, child: { firstName: children.firstName, lastName: children.lastName } })
    .from(annualReviews)
    .innerJoin(cases, eq(cases.id, annualReviews.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .where(and(isNull(annualReviews.completedOn), or(lte(annualReviews.nextDueOn, addDays(today, 14)), gte(annualReviews.amendmentsSentOn, addDays(today, -20)))));
  const sentRows = open.length
    ? await db.select().from(reviewRemindersSent).where(inArray(reviewRemindersSent.reviewId, open.map((r) => r.review.id)))
    : [];
  let reminders = 0;
  let emails = 0;
  for (const row of open) {
    const sent = new Set(sentRows.filter((s) => s.reviewId === row.review.id).map((s) => s.key));
    for (const reminder of reviewRemindersDue(reviewFactsOf(row.review), today, sent)) {
      const queued = await db.transaction(async (tx) => {
        const [claimed] = await tx.insert(reviewRemindersSent).values({ reviewId: row.review.id, key: reminder.key }).onConflictDoNothing().returning();
        if (!claimed) return null;
        const council = await councilContext(row.review.laId, tx);
        const people = await recipientsOf(tx, reminder, { laId: row.review.laId, childId: row.childId, caseworkerId: row.caseworkerId, namedSettingId: row.namedSettingId }, today);
        const link = linkTo(council, `/cases/${row.review.caseId}/reviews`);
        for (const person of people) {
          const t = getFixedT(person.locale);
          const common = { name: person.name, childName: personName(row.child, 'given'), dueBy: formatDate(reminder.dueBy, person.locale), link };
          if (reminder.to === 'family') await queueEmail(tx, council, 'reviewReminderFamily', person, common);
          else await queueEmail(tx, council, 'reviewReminder', person, { ...common, step: String(t(stepKeys[reminder.step])), action: String(t(actionKeys[reminder.step])) });
        }
        return people.length;
      });
      if (queued !== null) {
        reminders += 1;
        emails += queued;
      }
    }
  }
  if (emails > 0) wakeMailer();
  return { reminders, emails };
}
