import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { annualReviews, cases, children, educationSettings, planVersions, users } from '../../db/schema';
import { academicYearOf, cycleStartForDueBy, reviewNotStarted, termOf, upcomingTransfer, type ReviewFacts } from '~/domain/annual-review';
import { addDays, compareDates, todayInLondon, type IsoDate } from '~/domain/timescales';
import { storedDueOf } from '~/features/reviews/index.server';
import { demoAmendedPlan } from './demo-plans';

/**
 * The demo's annual reviews (issue 14, item 7), every date from the pure module relative to the
 * seed day, so the lists at /reviews, the transfers table and the reminders have something to
 * show on any day the demo is started:
 * - Maisie Clarke, Year 6 at Northfield Primary School: her transfer review to secondary school,
 *   the meeting arranged before 14 February (the day before 15 February), Northfield High
 *   School consulted;
 * - Liam Wood, Year 11 at Northfield High School: his transfer review to post-16, held ten days
 *   ago, its report in, Northfield College consulted;
 * - Yusuf Begum: a review 20 days overdue, no meeting arranged;
 * - Jack Grant: a review held five weeks ago, the council's decision to amend sent with the
 *   proposed amendments eight days ago, open for the family's comments (a proposed version of the
 *   plan is on the case);
 * - Niamh Murphy, Arjun Desai and Ella Scott: ordinary reviews due later this term;
 * - every other demo case with a plan in force (Kacper, Sami) gets its current review, its 12
 *   months from the plan's issue (for an amended plan, the review meeting 8 weeks before it), and
 *   Sami's transfer to post-16 as his date of birth implies.
 * - Chloe Ali, 17, in Year 12 at Northfield College: a young person with her own account
 *   (youngperson1), her mother (parent15) keeping access with her agreement; her review meeting
 *   held ten days ago and its report in, the council's decision still to make (no other journey
 *   but the amendment journey in tests/e2e/review-amendments.spec.ts changes it).
 * The families are parent8 to parent15; their cases are Tom Okafor's (caseworker2).
 */

type Scenario = 'transferArranged' | 'transferHeld' | 'overdue' | 'amendmentsOut' | 'dueThisTerm' | 'held';

type ReviewFamily = {
  email: string;
  name: string;
  children: {
    first: string;
    last: string;
    age: number;
    bornOn: (today: Date) => string;
    school: string;
    requestDaysAgo: number;
    stage: 'plan_maintained';
    team: 'north';
    caseworker: string;
    /** A young person with their own account: its email and name, and whether the parent keeps access with their agreement. */
    ownAccount?: { email: string; name: string; parentKeepsAccess: boolean };
  }[];
};

/** A date of birth in the middle of the cohort that is in `year` on the seed day (England's year groups). */
const inYear = (year: number) => (today: Date) => `${academicYearOf(todayInLondon(today)) - (year + 5)}-11-15`;

const scenarios = new Map<string, { scenario: Scenario; order: number }>();

function family(
  email: string,
  name: string,
  first: string,
  last: string,
  year: number,
  school: string,
  scenario: Scenario,
  order = 0,
  ownAccount?: ReviewFamily['children'][number]['ownAccount'],
): ReviewFamily {
  scenarios.set(`${first} ${last}`, { scenario, order });
  return {
    email,
    name,
    children: [{ first, last, age: year + 5, bornOn: inYear(year), school, requestDaysAgo: 900, stage: 'plan_maintained', team: 'north', caseworker: 'caseworker2@example.com', ownAccount }],
  };
}

const PRIMARY = 'Northfield Primary School';
const HIGH = 'Northfield High School';

/** Added to the demo's families by seedDemoData, which makes their accounts, cases and plans. */
export const demoReviewFamilies: ReviewFamily[] = [
  family('parent8@example.com', 'Emma Clarke', 'Maisie', 'Clarke', 6, PRIMARY, 'transferArranged'),
  family('parent9@example.com', 'Gary Wood', 'Liam', 'Wood', 11, HIGH, 'transferHeld'),
  family('parent10@example.com', 'Fatima Begum', 'Yusuf', 'Begum', 4, PRIMARY, 'overdue'),
  family('parent11@example.com', 'Olivia Grant', 'Jack', 'Grant', 8, HIGH, 'amendmentsOut'),
  family('parent12@example.com', 'Sean Murphy', 'Niamh', 'Murphy', 3, PRIMARY, 'dueThisTerm', 0),
  family('parent13@example.com', 'Priya Desai', 'Arjun', 'Desai', 9, HIGH, 'dueThisTerm', 1),
  family('parent14@example.com', 'Hannah Scott', 'Ella', 'Scott', 5, PRIMARY, 'dueThisTerm', 2),
  family('parent15@example.com', 'Nasreen Ali', 'Chloe', 'Ali', 12, 'Northfield College', 'held', 0, {
    email: 'youngperson1@example.com',
    name: 'Chloe Ali',
    parentKeepsAccess: true,
  }),
];

const earliest = (a: IsoDate, b: IsoDate) => (compareDates(a, b) <= 0 ? a : b);

/** Each demo case with a plan in force gets its review under way: the scenarios above, or its current one. */
export async function seedDemoReviews(tx: Transaction, laId: string, now: Date): Promise<void> {
  const today = todayInLondon(now);
  const settings = new Map((await tx.select().from(educationSettings).where(eq(educationSettings.laId, laId))).map((s) => [s.name, s.id]));
  const staffRows = await tx.select({ id: users.id, email: users.email }).from(users).where(and(eq(users.laId, laId), isNotNull(users.email)));
  const staff = new Map(staffRows.map((u) => [u.email, u.id]));
  const withPlans = await tx
    .select({ caseId: cases.id, caseworkerId: cases.caseworkerId, first: children.firstName, last: children.lastName, dateOfBirth: children.dateOfBirth })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .where(and(eq(cases.laId, laId), inArray(cases.stage, ['final_plan_issued', 'plan_maintained'])));

  for (const row of withPlans) {
    const plans = await tx.select().from(planVersions).where(eq(planVersions.caseId, row.caseId)).orderBy(desc(planVersions.number));
    const inForce = plans.find((p) => p.kind !== 'draft' && p.issuedOn);
    if (!inForce?.issuedOn) continue;
    const found = scenarios.get(`${row.first} ${row.last}`);
    const transfer = upcomingTransfer(row.dateOfBirth, today);
    const transferFacts = transfer ? { kind: transfer.kind, transferDate: transfer.transferDate } : null;
    let facts: ReviewFacts;
    let extra: Partial<typeof annualReviews.$inferInsert> = {};
    if (!found) {
      // The plan's issue, or the review meeting that led to an amended plan (8 weeks before it).
      facts = { ...reviewNotStarted(inForce.kind === 'amended' ? addDays(inForce.issuedOn, -56) : inForce.issuedOn), transfer: transferFacts };
    } else if (found.scenario === 'transferArranged' && transfer) {
      const meetingDate = earliest(addDays(today, 21), addDays(transfer.lastDay, -7));
      facts = { ...reviewNotStarted(cycleStartForDueBy(addDays(transfer.lastDay, 60))), transfer: transferFacts, meetingDate, noticeSentOn: earliest(today, addDays(meetingDate, -14)) };
      extra = { consultedSettingId: settings.get(HIGH) ?? null, meetingDetails: 'At Northfield Primary School, in the SENCO’s office, 2pm', arrangedBy: staff.get('senco@example.com') ?? null };
    } else if (found.scenario === 'transferHeld' && transfer) {
      const meetingDate = addDays(today, -10);
      facts = {
        ...reviewNotStarted(cycleStartForDueBy(addDays(transfer.lastDay, 30))),
        transfer: transferFacts,
        meetingDate,
        noticeSentOn: addDays(meetingDate, -16),
        adviceCirculatedOn: addDays(meetingDate, -15),
        reportReceivedOn: addDays(meetingDate, 6),
      };
      extra = {
        consultedSettingId: settings.get('Northfield College') ?? null,
        meetingDetails: 'At Northfield High School, 10am',
        arrangedBy: staff.get('senco.high@example.com') ?? null,
        reportRecommendations: 'Liam would like to study animal care at Northfield College. The review recommends naming the college from September, with the same speech and language therapy.',
        reportBy: staff.get('senco.high@example.com') ?? null,
      };
    } else if (found.scenario === 'held') {
      // Held ten days ago at her college, its report in: the council's decision is next.
      const meetingDate = addDays(today, -10);
      facts = {
        ...reviewNotStarted(cycleStartForDueBy(addDays(today, 20))),
        transfer: transferFacts,
        meetingDate,
        noticeSentOn: addDays(meetingDate, -15),
        adviceCirculatedOn: addDays(meetingDate, -15),
        reportReceivedOn: addDays(meetingDate, 3),
      };
      extra = {
        meetingDetails: 'At Northfield College, 11am',
        arrangedBy: row.caseworkerId,
        reportRecommendations: `${row.first} has settled well at college. The review recommends a new outcome for travelling to college on her own.`,
        reportBy: row.caseworkerId,
      };
    } else if (found.scenario === 'overdue') {
      facts = { ...reviewNotStarted(cycleStartForDueBy(addDays(today, -20))), transfer: transferFacts };
    } else if (found.scenario === 'amendmentsOut') {
      const meetingDate = addDays(today, -35);
      const decidedOn = addDays(meetingDate, 27);
      facts = {
        ...reviewNotStarted(cycleStartForDueBy(addDays(today, -30))),
        transfer: transferFacts,
        meetingDate,
        noticeSentOn: addDays(meetingDate, -15),
        adviceCirculatedOn: addDays(meetingDate, -15),
        reportReceivedOn: addDays(meetingDate, 7),
        decision: 'amend',
        decisionOn: decidedOn,
        amendmentsSentOn: decidedOn,
      };
      const [proposed] = await tx
        .insert(planVersions)
        .values({
          caseId: row.caseId,
          number: plans[0].number + 1,
          kind: 'draft',
          content: demoAmendedPlan({ first: row.first, school: HIGH }, '131002'),
          issuedOn: decidedOn,
          issuedBy: row.caseworkerId,
          createdBy: row.caseworkerId!,
          createdAt: new Date(`${decidedOn}T09:00:00Z`),
        })
        .returning();
      extra = {
        meetingDetails: 'At Northfield High School, 3.30pm',
        reportRecommendations: 'Jack has met his reading outcome. The review recommends a new writing outcome and more time with the speech and language therapist.',
        decisionReasons: 'The review found that Jack’s needs have changed: we propose a new writing outcome and longer therapy sessions.',
        decidedBy: row.caseworkerId,
        proposedPlanVersionId: proposed.id,
      };
    } else {
      // Due later this term, a week apart (all on the last day if the term is nearly over).
      const term = termOf(today);
      facts = { ...reviewNotStarted(cycleStartForDueBy(earliest(addDays(today, 7 + 7 * (found?.order ?? 0)), term.end))), transfer: transferFacts };
    }
    await tx.insert(annualReviews).values({
      laId,
      caseId: row.caseId,
      number: 1,
      cycleStart: facts.cycleStart,
      transferKind: facts.transfer?.kind ?? null,
      transferDate: facts.transfer?.transferDate ?? null,
      meetingDate: facts.meetingDate,
      noticeSentOn: facts.noticeSentOn,
      adviceCirculatedOn: facts.adviceCirculatedOn,
      reportReceivedOn: facts.reportReceivedOn,
      decision: facts.decision,
      decisionOn: facts.decisionOn,
      amendmentsSentOn: facts.amendmentsSentOn,
      finalIssuedOn: facts.finalIssuedOn,
      ...extra,
      ...storedDueOf(facts, today),
    });
  }
}
