import { eq } from 'drizzle-orm';
import { hash } from '@node-rs/argon2';
import type { Database, Transaction } from '../../db/client';
import {
  educationSettings,
  adviceRequests,
  assessmentRequests,
  type AdviceKind,
  adviceOrganisations,
  interpreters,
  areaTeams,
  caseEvents,
  cases,
  childParents,
  children,
  localAuthorities,
  messages,
  planVersions,
  retentionDue as retentionDueList,
  retentionHolds,
  users,
  type CaseStage,
  type PlanVersionKind,
  type ProfessionalKind,
  type Role,
} from '../../db/schema';
import { applyCommand, type WorkflowCommand } from '~/domain/case-workflow';
import { caseEvent } from '~/domain/case-events';
import { adviceDueBy } from '~/domain/advice';
import { addDays, todayInLondon } from '~/domain/timescales';
import { DEFAULT_RETENTION, retentionDue } from '~/domain/retention';
import { secondFactorRequired } from '~/auth/second-factor.server';
import type { PlanContent } from '~/domain/plan-content';
import type { SettingPhase, SettingRole, SettingType } from '~/domain/vocabulary';
import { seedDemoSen2 } from './demo-sen2';
import { demoAmendedPlan, demoDraftPlan, demoFinalPlan, type DemoChild } from './demo-plans';
import { demoReviewFamilies, seedDemoReviews } from './demo-reviews';
import { seedDemoComplaints } from './demo-complaints';
import { seedDemoFeedback } from './demo-feedback';
import { seedDemoAppeals } from './demo-appeals';
import { refreshStoredDates } from '../features/statutory-dates/index.server';
import { storeReplyWaits } from '../features/messaging/index.server';

/**
 * Demo data for a fictional council: three area teams, 5 caseworkers, a manager, an admin,
 * 7 named families with 9 children at different stages, a SENDIASS with 2 advocates and
 * 3 professionals, and 60 more open cases in the East team (`EXTRA_CASES`) so the lists page. Every account's password is DEMO_PASSWORD (listed in the README).
 * Dates are relative to the day the seed runs, so cases are always at believable points.
 */
export const DEMO_PASSWORD = 'Demo-password-1';
/**
 * The authenticator-app key of every demo account that must use a second factor (staff and
 * professionals, ADR 0015), published in the README beside the password: add it to an
 * authenticator app (or compute codes from it, as the browser tests do) to sign in as them.
 */
export const DEMO_TOTP_SECRET = 'EHCPDEMOEHCPDEMOEHCPDEMOEHCPDEMO';
export const DEMO_LA_CODE = 'NFB';

const DAY = 24 * 60 * 60 * 1000;

function isoDaysAgo(days: number, today: Date) {
  return new Date(today.getTime() - days * DAY).toISOString().slice(0, 10);
}

/**
 * Born on 1 December so that the 16th birthday falls in the school year of `today` (1 September
 * to 31 August): the child becomes a young person on the Saturday after the last Friday in June
 * at the end of this school year (app/domain/timescales.ts youngPersonFrom).
 */
export function sixteenThisSchoolYear(today: Date) {
  const schoolYearStarts = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  return `${schoolYearStarts - 16}-12-01`;
}

function dateOfBirthForAge(years: number, extraDays: number, today: Date) {
  const d = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate()));
  return new Date(d.getTime() - extraDays * DAY).toISOString().slice(0, 10);
}

type Person = { email: string; name: string; role: Role; team?: 'north' | 'south' | 'east'; kind?: ProfessionalKind; phone?: string; advocate?: boolean };

const staffAndPartners: Person[] = [
  { email: 'caseworker1@example.com', name: 'Priya Shah', role: 'caseworker', team: 'north', phone: '01632 960101' },
  { email: 'caseworker2@example.com', name: 'Tom Okafor', role: 'caseworker', team: 'north', phone: '01632 960102' },
  { email: 'caseworker3@example.com', name: 'Grace Williams', role: 'caseworker', team: 'south', phone: '01632 960103' },
  { email: 'caseworker4@example.com', name: 'Daniel Kowalski', role: 'caseworker', team: 'south', phone: '01632 960104' },
  // Holds the demo's caseload of ~50 (EXTRA_CASES) in the East team: enough to page through.
  { email: 'caseworker5@example.com', name: 'Ben Adeleke', role: 'caseworker', team: 'east', phone: '01632 960105' },
  { email: 'manager@example.com', name: 'Helen Brooks', role: 'manager', phone: '01632 960110' },
  { email: 'admin@example.com', name: 'Sam Patel', role: 'la_admin' },
  { email: 'ep@example.com', name: 'Dr Ruth Adeyemi', role: 'professional', kind: 'educational_psychologist' },
  { email: 'health@example.com', name: 'Dr Ian Murray', role: 'professional', kind: 'health' },
  { email: 'socialcare@example.com', name: 'Leah Evans', role: 'professional', kind: 'social_care' },
  { email: 'advocate1@example.com', name: 'Maya Green', role: 'advocate', advocate: true },
  { email: 'advocate2@example.com', name: 'Josh Turner', role: 'advocate', advocate: true },
];

/**
 * Schools, colleges and early-years settings (issue 14), each with its own staff: the primary
 * school's lead manages its accounts; its SENCO runs its reviews. Demo children whose plan names
 * one of these (by their school's name) are on its roll.
 */
const demoSettings: { name: string; urn?: string; ukprn?: string; type: SettingType; phase: SettingPhase; staff: { email: string; name: string; settingRole: SettingRole }[] }[] = [
  {
    name: 'Northfield Primary School',
    urn: '131001',
    type: 'school',
    phase: 'primary',
    staff: [
      { email: 'schoollead@example.com', name: 'Karen Hughes', settingRole: 'lead' },
      { email: 'senco@example.com', name: 'Sophie Turner', settingRole: 'senco' },
    ],
  },
  {
    name: 'Northfield High School',
    urn: '131002',
    type: 'school',
    phase: 'secondary',
    staff: [{ email: 'senco.high@example.com', name: 'Mark Ellis', settingRole: 'lead' }],
  },
  { name: 'Northfield College', ukprn: '10004567', type: 'college', phase: 'post16', staff: [] },
  { name: 'Little Acorns Nursery', urn: 'EY411001', type: 'early_years', phase: 'early_years', staff: [] },
];

type DemoSeedChild = {
  first: string;
  last: string;
  age: number;
  /** A date of birth worked out from the seed date, when the age alone is not precise enough. */
  bornOn?: (today: Date) => string;
  school: string;
  /** Days since the request was received, or no case yet. */
  requestDaysAgo?: number;
  stage?: CaseStage;
  team?: 'north' | 'south';
  caseworker?: string;
  /** A message from the parent, this many days ago, that nobody has answered. */
  unansweredMessage?: { daysAgo: number; body: string };
  /** Requests for advice already sent: to whom, what kind, how many days ago (an overdue one shows the flag). */
  advice?: { professional: string; kind: AdviceKind; daysAgo: number }[];
  /** The plan was amended after an annual review, this many days ago. */
  amendedDaysAgo?: number;
  /** A young person (over compulsory school age) with their own account; the parent keeps access if they agreed (ADR 0021). */
  ownAccount?: { email: string; name: string; parentKeepsAccess: boolean };
};

type DemoFamily = { email: string; name: string; locale?: 'en' | 'pl'; children: DemoSeedChild[] };

const families: DemoFamily[] = [
  {
    email: 'parent1@example.com',
    name: 'Sarah Jones',
    children: [
      { first: 'Alfie', last: 'Jones', age: 8, school: 'Northfield Primary School', requestDaysAgo: 20, stage: 'request_received', team: 'north', caseworker: 'caseworker1@example.com' },
      {
        first: 'Ruby',
        last: 'Jones',
        age: 5,
        school: 'Little Acorns Nursery',
        requestDaysAgo: 70,
        stage: 'advice_gathering',
        team: 'north',
        caseworker: 'caseworker1@example.com',
        // Two weeks without a reply: past both service standards, so the inbox flags it.
        unansweredMessage: { daysAgo: 14, body: 'Has the speech and language therapist been asked for advice yet? Ruby’s nursery has not heard anything.' },
      },
    ],
  },
  {
    email: 'parent2@example.com',
    name: 'Mohammed Khan',
    children: [
      { first: 'Zara', last: 'Khan', age: 11, school: 'Hillside Academy', requestDaysAgo: 115, stage: 'draft_plan_issued', team: 'north', caseworker: 'caseworker2@example.com' },
    ],
  },
  {
    email: 'parent3@example.com',
    name: 'Agnieszka Nowak',
    locale: 'pl',
    children: [
      { first: 'Kacper', last: 'Nowak', age: 17, school: 'Northfield College', requestDaysAgo: 400, stage: 'plan_maintained', team: 'south', caseworker: 'caseworker4@example.com' },
      {
        first: 'Lena',
        last: 'Nowak',
        age: 9,
        school: 'St Mary’s Primary School',
        requestDaysAgo: 50,
        stage: 'advice_gathering',
        team: 'south',
        caseworker: 'caseworker3@example.com',
        // Asked after the decision to assess (15 days ago): health by letter the day after, the EP later.
        advice: [
          { professional: 'health@example.com', kind: 'health', daysAgo: 14 },
          { professional: 'ep@example.com', kind: 'educational_psychologist', daysAgo: 10 },
        ],
      },
    ],
  },
  {
    email: 'parent4@example.com',
    name: 'Chloe Taylor',
    children: [
      { first: 'Oscar', last: 'Taylor', age: 7, school: 'Brookside Primary School', requestDaysAgo: 45, stage: 'assessment_refused', team: 'south', caseworker: 'caseworker3@example.com' },
    ],
  },
  {
    email: 'parent5@example.com',
    name: 'David Brown',
    children: [{ first: 'Ellie', last: 'Brown', age: 4, school: 'Sunflower Pre-school' }],
  },
  {
    email: 'parent6@example.com',
    name: 'Amara Okoye',
    children: [
      // Received seven weeks ago with no decision yet: its 6-week decision date has passed.
      { first: 'Tobi', last: 'Okoye', age: 13, school: 'Northfield High School', requestDaysAgo: 49, stage: 'request_received', team: 'north', caseworker: 'caseworker2@example.com' },
    ],
  },
  {
    email: 'parent7@example.com',
    name: 'Nadia Hussain',
    children: [
      // Turns 16 in this school year: the case passes to him the day after compulsory school age ends.
      { first: 'Sami', last: 'Hussain', age: 15, bornOn: sixteenThisSchoolYear, school: 'Northfield High School', requestDaysAgo: 300, stage: 'plan_maintained', team: 'north', caseworker: 'caseworker2@example.com', amendedDaysAgo: 30 },
    ],
  },
  // Children whose annual reviews the lists at /reviews show (app/demo/demo-reviews.ts).
  ...demoReviewFamilies,
];

export async function seedDemoData(db: Database, today = new Date()): Promise<{ seeded: boolean }> {
  const existing = await db.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(localAuthorities.code, DEMO_LA_CODE));
  if (existing.length > 0) return { seeded: false };

  // One hash for every demo account: seeding stays quick, and the password is public anyway.
  const passwordHash = await hash(DEMO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const verifiedAt = today;

  await db.transaction(async (tx) => {
    const [la] = await tx
      .insert(localAuthorities)
      // Its emails come from its SEND team (ADR 0023); its address is left to the deployment's
      // (PUBLIC_BASE_URL or http://localhost:PORT), wherever the demo runs.
      .values({
        name: 'Northfield Borough Council',
        code: DEMO_LA_CODE,
        contactEmail: 'send@northfield.example',
        contactPhone: '01632 960000',
        emailFromName: 'Northfield SEND team',
        emailFromAddress: 'send@northfield.example',
        // Its own feedback page and colour show in the phase banner and under the header (issue 15).
        feedbackUrl: 'https://www.northfield.example/send/portal-feedback',
        brandColour: '#00703c',
        contactHours: 'Monday to Friday, 9am to 5pm',
        sendiassName: 'Northfield SENDIASS',
        sendiassPhone: '01632 960123',
        sendiassEmail: 'sendiass@northfield.example.org',
        sendiassUrl: 'https://sendiass.northfield.example.org',
        localOfferUrl: 'https://localoffer.northfield.example.org',
      })
      .returning();
    const [north, south, east] = await tx
      .insert(areaTeams)
      .values([
        { laId: la.id, name: 'North area team' },
        { laId: la.id, name: 'South area team' },
        { laId: la.id, name: 'East area team' },
      ])
      .returning();
    const teams = { north, south, east };
    const [sendiass] = await tx.insert(adviceOrganisations).values({ laId: la.id, name: 'Northfield SENDIASS' }).returning();
    // The council's interpreters, independent of the families, for caseworkers to book.
    await tx.insert(interpreters).values(
      [
        { name: 'Zainab Ali', languages: ['Urdu', 'Punjabi (Pothwari)'], gender: 'female' as const, email: 'z.ali@interpreting.example' },
        { name: 'Imran Siddiqui', languages: ['Urdu', 'Punjabi'], gender: 'male' as const, phone: '01632 960 101' },
        { name: 'Amira Haddad', languages: ['Arabic'], gender: 'female' as const, email: 'a.haddad@interpreting.example' },
        { name: 'Ana Popescu', languages: ['Romanian'], gender: 'female' as const, email: 'a.popescu@interpreting.example' },
        { name: 'Tomasz Wiśniewski', languages: ['Polish'], gender: 'male' as const, phone: '01632 960 102' },
      ].map((interpreter, i) => ({ laId: la.id, formKey: `demo-interpreter-${i}`, ...interpreter })),
    );

    const staffRows = await tx
      .insert(users)
      .values(
        staffAndPartners.map((p) => ({
          email: p.email,
          name: p.name,
          role: p.role,
          passwordHash,
          emailVerifiedAt: verifiedAt,
          laId: p.role === 'advocate' ? null : la.id,
          teamId: p.team ? teams[p.team].id : null,
          adviceOrgId: p.advocate ? sendiass.id : null,
          professionalKind: p.kind ?? null,
          phone: p.phone ?? null,
          ...(secondFactorRequired(p) ? { mfaSecret: DEMO_TOTP_SECRET, mfaEnabledAt: verifiedAt } : {}),
        })),
      )
      .returning();
    const byEmail = new Map(staffRows.map((u) => [u.email, u]));
    const settingRows = await tx
      .insert(educationSettings)
      .values(demoSettings.map(({ staff: _staff, ...setting }) => ({ laId: la.id, ...setting })))
      .returning();
    const settingByName = new Map(settingRows.map((row) => [row.name, row]));
    await tx.insert(users).values(
      demoSettings.flatMap((setting) =>
        setting.staff.map((person) => ({
          ...person,
          role: 'setting_staff' as const,
          passwordHash,
          emailVerifiedAt: verifiedAt,
          laId: la.id,
          settingId: settingByName.get(setting.name)!.id,
          mfaSecret: DEMO_TOTP_SECRET,
          mfaEnabledAt: verifiedAt,
        })),
      ),
    );

    let sequence = 0;
    for (const family of families) {
      const [parent] = await tx
        .insert(users)
        .values({ email: family.email, name: family.name, role: 'parent', passwordHash, emailVerifiedAt: verifiedAt, locale: family.locale ?? 'en' })
        .returning();
      for (const c of family.children) {
        const [child] = await tx
          .insert(children)
          .values({ laId: la.id, firstName: c.first, lastName: c.last, dateOfBirth: c.bornOn ? c.bornOn(today) : dateOfBirthForAge(c.age, 40, today), school: c.school })
          .returning();
        await tx.insert(childParents).values({ childId: child.id, userId: parent.id });
        if (c.ownAccount) {
          const [youngPerson] = await tx
            .insert(users)
            .values({ email: c.ownAccount.email, name: c.ownAccount.name, role: 'young_person', passwordHash, emailVerifiedAt: verifiedAt, locale: 'en' })
            .returning();
          await tx
            .update(children)
            .set({ youngPersonUserId: youngPerson.id, parentAccessAgreedAt: c.ownAccount.parentKeepsAccess ? verifiedAt : null })
            .where(eq(children.id, child.id));
        }
        if (c.requestDaysAgo === undefined || !c.stage || !c.team) continue;
        sequence += 1;
        const requestReceived = isoDaysAgo(c.requestDaysAgo, today);
        const [record] = await tx
          .insert(cases)
          .values({
            reference: `${DEMO_LA_CODE}-${requestReceived.slice(0, 4)}-${String(sequence).padStart(5, '0')}`,
            childId: child.id,
            laId: la.id,
            teamId: teams[c.team].id,
            caseworkerId: c.caseworker ? byEmail.get(c.caseworker)!.id : null,
            stage: c.stage,
            requestReceived,
            // A plan in force names the child's school: its staff see the case (issue 14).
            namedSettingId: c.stage === 'plan_maintained' || c.stage === 'final_plan_issued' ? (settingByName.get(c.school)?.id ?? null) : null,
          })
          .returning();
        await tx.insert(caseEvents).values({
          caseId: record.id,
          actorId: parent.id,
          occurredAt: new Date(`${requestReceived}T10:00:00Z`),
          ...caseEvent('request_received', { receivedVia: 'online', receivedOn: requestReceived }),
        });
        const caseworker = c.caseworker ? byEmail.get(c.caseworker)! : byEmail.get('caseworker1@example.com')!;
        await replayHistory(tx, record.id, requestReceived, c.stage, caseworker.id, { first: c.first, school: c.school ?? '' }, c.amendedDaysAgo === undefined ? null : isoDaysAgo(c.amendedDaysAgo, today));
        if (c.unansweredMessage) {
          const sentAt = new Date(`${isoDaysAgo(c.unansweredMessage.daysAgo, today)}T10:00:00Z`);
          await tx.insert(messages).values({ caseId: record.id, senderId: parent.id, side: 'family', body: c.unansweredMessage.body, formKey: crypto.randomUUID(), createdAt: sentAt });
          await tx.update(cases).set({ awaitingReplySince: sentAt }).where(eq(cases.id, record.id));
        }
        for (const advice of c.advice ?? []) {
          const requestedOn = isoDaysAgo(advice.daysAgo, today);
          const professional = byEmail.get(advice.professional)!;
          await tx.insert(adviceRequests).values({
            caseId: record.id,
            laId: record.laId,
            professionalId: professional.id,
            kind: advice.kind,
            requestedBy: caseworker.id,
            requestedOn,
            dueBy: adviceDueBy(requestedOn),
            formKey: `demo-${record.id}-${advice.kind}`,
          });
          await tx.insert(caseEvents).values({
            caseId: record.id,
            actorId: caseworker.id,
            occurredAt: new Date(`${requestedOn}T12:00:00Z`),
            ...caseEvent('advice_requested', { adviceKind: advice.kind, professionalName: professional.name, requestedOn, dueBy: adviceDueBy(requestedOn) }),
          });
        }
      }
    }
    // Every case with a plan in force has its review under way.
    await seedDemoReviews(tx, la.id, today);
    await seedDemoComplaints(tx, la.id, today);
    await seedExtraCases(tx, { laId: la.id, teamId: east.id, caseworkerId: byEmail.get('caseworker5@example.com')!.id, firstSequence: sequence + 1 }, today);
    await seedDemoAppeals(tx, { laId: la.id, eastTeamId: east.id, caseworkerId: byEmail.get('caseworker5@example.com')!.id }, today);
    await seedRetentionExamples(tx, { laId: la.id, teamId: north.id, caseworkerId: byEmail.get('caseworker1@example.com')!.id, managerId: byEmail.get('manager@example.com')!.id, firstSequence: sequence + EXTRA_CASES + 1 }, today);
    // Last: the SEN2 return's details for every case above (ADR 0053).
    await seedDemoSen2(tx, la.id);
    // Last: the surveys every case's history has reached, and the families' answers (app/demo/demo-feedback.ts).
    await seedDemoFeedback(tx, la.id, today, passwordHash);
  });
  // The histories above are written as events and messages: the lists' stored dates and the
  // threads' waits are derived from them (ADR 0056, 0057).
  await refreshStoredDates(today, db);
  await storeReplyWaits(db);
  return { seeded: true };
}

/**
 * The busy East team: 60 open cases (1 in 8 unallocated, 1 in 12 needing an interpreter, every
 * other one with a family message awaiting reply), so the caseload, the council's list and the
 * inbox all have more than a page. Deterministic: the same names, stages and dates (relative to
 * the seed day) every time. Their own team and caseworker, so the named demo cases stay where
 * the README and the browser tests find them, and a new request still goes to North or South
 * (the team with the fewest open cases takes it). Their families have no password (but the first, Rachel Ahmed,
 * whose open survey app/demo/demo-feedback.ts gives her one): they have not signed up. Inserted in a handful of statements, so seeding stays quick.
 */
export const EXTRA_CASES = 60;
const EXTRA_FIRST = ['Amelia', 'Noah', 'Isla', 'Leo', 'Freya', 'Arthur', 'Ivy', 'Hugo', 'Poppy', 'Finn', 'Daisy', 'Theo'];
const EXTRA_LAST = ['Ahmed', 'Baker', 'Clarke', 'Davies', 'Fletcher', 'Harris', 'Ibrahim', 'Lewis', 'Morgan', 'Quinn', 'Roberts', 'Singh', 'Walker'];
const EXTRA_PARENT = ['Rachel', 'Imran', 'Joanne', 'Marek', 'Lucy', 'Femi', 'Hannah', 'Carlos', 'Aisha', 'Owen', 'Sofia', 'Gareth'];
const EXTRA_LANGUAGES = ['Polish', 'Urdu', 'Romanian', 'Arabic', 'Somali'];
// Stages reached through decisions alone (no plan document needed), each with the least age it needs.
const EXTRA_STAGES: { stage: CaseStage; atLeastDays: number }[] = [
  { stage: 'request_received', atLeastDays: 0 },
  { stage: 'advice_gathering', atLeastDays: 36 },
  { stage: 'assessment_refused', atLeastDays: 39 },
  { stage: 'plan_agreed', atLeastDays: 96 },
];

async function seedExtraCases(tx: Transaction, at: { laId: string; teamId: string; caseworkerId: string; firstSequence: number }, today: Date) {
  const plan = Array.from({ length: EXTRA_CASES }, (_, i) => {
    // A pair of names no two cases share (7 and 13 are coprime), none a named demo child's.
    const first = EXTRA_FIRST[i % EXTRA_FIRST.length];
    const last = EXTRA_LAST[(i * 7) % EXTRA_LAST.length];
    const daysAgo = 3 + ((i * 37) % 180);
    const fitting = EXTRA_STAGES.filter((s) => daysAgo >= s.atLeastDays);
    return {
      first,
      last,
      parent: `${EXTRA_PARENT[(i * 5) % EXTRA_PARENT.length]} ${last}`,
      daysAgo,
      stage: fitting[i % fitting.length].stage,
      allocated: i % 8 !== 7,
      interpreter: i % 12 === 5 ? EXTRA_LANGUAGES[Math.floor(i / 12) % EXTRA_LANGUAGES.length] : null,
      // From yesterday to 16 days ago: some still in time, most overdue.
      waitingDaysAgo: i % 2 === 0 ? 1 + ((i * 3) % 16) : null,
      // Every fourth case decided a few days after its 6 weeks, so the scrutiny report's decisions
      // figure is red on the demo (ADR 0054) and a manager can follow it to these cases.
      lateDecision: i % 4 === 1 && daysAgo >= LATE_DECISION_DAY,
    };
  });
  const parents = await tx
    .insert(users)
    .values(plan.map((c, i) => ({ email: `family${String(i + 1).padStart(2, '0')}.east@example.com`, name: c.parent, role: 'parent' as const })))
    .returning({ id: users.id });
  const kids = await tx
    .insert(children)
    .values(plan.map((c, i) => ({ laId: at.laId, firstName: c.first, lastName: c.last, dateOfBirth: dateOfBirthForAge(3 + (i % 14), (i * 29) % 300, today), school: 'Eastgate Primary School' })))
    .returning({ id: children.id });
  await tx.insert(childParents).values(kids.map((kid, i) => ({ childId: kid.id, userId: parents[i].id })));
  const made = await tx
    .insert(cases)
    .values(
      plan.map((c, i) => {
        const requestReceived = isoDaysAgo(c.daysAgo, today);
        return {
          reference: `${DEMO_LA_CODE}-${requestReceived.slice(0, 4)}-${String(at.firstSequence + i).padStart(5, '0')}`,
          childId: kids[i].id,
          laId: at.laId,
          teamId: at.teamId,
          caseworkerId: c.allocated ? at.caseworkerId : null,
          stage: c.stage,
          requestReceived,
          awaitingReplySince: c.waitingDaysAgo === null ? null : new Date(`${isoDaysAgo(c.waitingDaysAgo, today)}T09:30:00Z`),
        };
      }),
    )
    .returning({ id: cases.id, requestReceived: cases.requestReceived });
  const events = made.flatMap((record, i) => [
    { caseId: record.id, actorId: parents[i].id, occurredAt: new Date(`${record.requestReceived}T10:00:00Z`), ...caseEvent('request_received', { receivedVia: 'online', receivedOn: record.requestReceived }) },
    ...decisionsTo(plan[i].stage, record.requestReceived, plan[i].lateDecision).map((e) => ({ caseId: record.id, actorId: at.caseworkerId, ...e })),
  ]);
  await tx.insert(caseEvents).values(events);
  const interpreted = plan.flatMap((c, i) => (c.interpreter ? [{ childId: kids[i].id, createdBy: parents[i].id, status: 'submitted' as const, caseId: made[i].id, answers: { communication: { interpreter: 'yes', interpreterLanguage: c.interpreter } } }] : []));
  if (interpreted.length) await tx.insert(assessmentRequests).values(interpreted);
  const waiting = plan.flatMap((c, i) =>
    c.waitingDaysAgo === null
      ? []
      : [{ caseId: made[i].id, senderId: parents[i].id, side: 'family' as const, body: `Could you tell us what happens next with ${c.first}’s assessment, please?`, formKey: crypto.randomUUID(), createdAt: new Date(`${isoDaysAgo(c.waitingDaysAgo, today)}T09:30:00Z`) }],
  );
  await tx.insert(messages).values(waiting);
}

/** The events the workflow writes on the way to `target` by decisions alone (`historyTo`'s steps, no plan issued). */
function decisionsTo(target: CaseStage, requestReceived: string, lateDecision = false) {
  let stage: CaseStage = 'request_received';
  const rows = [];
  for (const step of historyTo[target] ?? []) {
    const date = addDays(requestReceived, step === assess && lateDecision ? LATE_DECISION_DAY : step.day);
    const command = step.command(date);
    const result = applyCommand({ stage, requestReceived, today: date, draftServedOn: null, plansOnRecord: { draft: false, final: false } }, command, { role: 'caseworker' });
    if (!result.ok) throw new Error(`Demo history to ${target} broke at ${command.type}: ${result.error}`);
    rows.push({ occurredAt: new Date(`${date}T11:00:00Z`), ...caseEvent(result.event.kind, { ...result.event.details, command: command.type }) });
    stage = result.to;
  }
  return rows;
}

/** Days after the request on which each demo step happened: believable, and inside the time limits. */
const historyTo: Partial<Record<CaseStage, { day: number; command: (date: string) => WorkflowCommand }[]>> = {};
/** A decision to assess made after the 6 weeks (42 days): some of the East team's, for the scrutiny report. */
const LATE_DECISION_DAY = 46;
const assess = { day: 35, command: (date: string): WorkflowCommand => ({ type: 'decide_to_assess', outcome: 'agreed', reasons: DEMO_REASONS.assess, decidedOn: date }) };
const issue = { day: 95, command: (date: string): WorkflowCommand => ({ type: 'decide_to_issue', outcome: 'issue', reasons: DEMO_REASONS.issue, decidedOn: date }) };
const draft = { day: 100, command: (date: string): WorkflowCommand => ({ type: 'issue_draft_plan', servedOn: date }) };
const final = { day: 135, command: (date: string): WorkflowCommand => ({ type: 'issue_final_plan', issuedOn: date }) };
const inPlace = { day: 140, command: (): WorkflowCommand => ({ type: 'plan_in_place' }) };
historyTo.advice_gathering = [assess];
historyTo.assessment_refused = [
  { day: 38, command: (date) => ({ type: 'decide_to_assess', outcome: 'refused', reasons: DEMO_REASONS.refuse, decidedOn: date }) },
];
historyTo.plan_agreed = [assess, issue];
historyTo.draft_plan_issued = [assess, issue, draft];
historyTo.final_plan_issued = [assess, issue, draft, final];
historyTo.plan_maintained = [assess, issue, draft, final, inPlace];

const DEMO_REASONS = {
  assess: 'The school’s reports and your views show needs that SEN support alone may not meet. We will ask for advice to find out what help is needed.',
  issue: 'The advice shows that your child needs help beyond what the school can provide from its own budget, so we will write an EHC plan.',
  refuse:
    'The school has not yet tried the support in its SEN support plan for a full term. We think the school can meet these needs for now, and we have asked it to review progress with you in 8 weeks.',
};

/** Walks a demo case to its stage through the real workflow, so its events are exactly what the portal records. */
async function replayHistory(tx: Transaction, caseId: string, requestReceived: string, target: CaseStage, actorId: string, child: DemoChild, amendedOn: string | null) {
  let stage: CaseStage = 'request_received';
  let draftServedOn: string | null = null;
  const plansOnRecord = { draft: false, final: false };
  // A demo URN for the named school: six digits, the same for a child every time the demo is seeded.
  const urn = String(100000 + (child.first.charCodeAt(0) * 7919 + child.first.length) % 900000);
  const issuePlan = async (number: number, kind: PlanVersionKind, content: PlanContent, issuedOn: string) => {
    await tx.insert(planVersions).values({ caseId, number, kind, content, issuedOn, issuedBy: actorId, createdBy: actorId, createdAt: new Date(`${issuedOn}T09:00:00Z`) });
  };
  for (const step of historyTo[target] ?? []) {
    const date = addDays(requestReceived, step.day);
    const command = step.command(date);
    if (command.type === 'issue_draft_plan') {
      await issuePlan(1, 'draft', demoDraftPlan(child), date);
      plansOnRecord.draft = true;
    }
    if (command.type === 'issue_final_plan') {
      await issuePlan(2, 'final', demoFinalPlan(child, urn), date);
      plansOnRecord.final = true;
    }
    const result = applyCommand({ stage, requestReceived, today: date, draftServedOn, plansOnRecord }, command, { role: 'caseworker' });
    if (!result.ok) throw new Error(`Demo history for ${caseId} broke at ${command.type}: ${result.error}`);
    await tx.insert(caseEvents).values({
      caseId,
      actorId,
      occurredAt: new Date(`${date}T11:00:00Z`),
      ...caseEvent(result.event.kind, { ...result.event.details, command: command.type }),
    });
    if (command.type === 'issue_draft_plan') draftServedOn = date;
    stage = result.to;
  }
  if (amendedOn && plansOnRecord.final) await issuePlan(3, 'amended', demoAmendedPlan(child, urn), amendedOn);
}

/**
 * Two cases closed long ago, so a manager can try retention (ADR 0037) at /retention: Jasmine's
 * plan ceased when she was 24 and she is now 33 (due since her 31st birthday, deletable), and
 * Reuben's request was withdrawn 8 years ago with no plan (due after 6 years) but is held by a
 * complaint. Their families never had accounts; no other journey touches them. The list is
 * written as the nightly job would write it, so it is there before the first night.
 */
async function seedRetentionExamples(tx: Transaction, at: { laId: string; teamId: string; caseworkerId: string; managerId: string; firstSequence: number }, today: Date) {
  const examples = [
    { first: 'Jasmine', last: 'Carter', bornOn: dateOfBirthForAge(33, 60, today), requestDaysAgo: 14 * 365, planDaysAgo: 13 * 365, closedDaysAgo: 9 * 365, held: false },
    { first: 'Reuben', last: 'Hale', bornOn: dateOfBirthForAge(20, 100, today), requestDaysAgo: 8 * 365 + 40, planDaysAgo: null, closedDaysAgo: 8 * 365, held: true },
  ];
  for (const [i, example] of examples.entries()) {
    const requestReceived = isoDaysAgo(example.requestDaysAgo, today);
    const closedOn = isoDaysAgo(example.closedDaysAgo, today);
    const [child] = await tx.insert(children).values({ laId: at.laId, firstName: example.first, lastName: example.last, dateOfBirth: example.bornOn }).returning();
    const [record] = await tx
      .insert(cases)
      .values({
        reference: `${DEMO_LA_CODE}-${requestReceived.slice(0, 4)}-${String(at.firstSequence + i).padStart(5, '0')}`,
        childId: child.id,
        laId: at.laId,
        teamId: at.teamId,
        caseworkerId: null,
        stage: example.planDaysAgo === null ? 'withdrawn' : 'ceased',
        requestReceived,
        receivedVia: 'letter',
        createdAt: new Date(`${requestReceived}T10:00:00Z`),
        updatedAt: new Date(`${closedOn}T11:00:00Z`),
      })
      .returning();
    const events = [
      { occurredAt: new Date(`${requestReceived}T10:00:00Z`), ...caseEvent('request_received', { receivedVia: 'letter', receivedOn: requestReceived }) },
      ...(example.planDaysAgo === null
        ? [{ occurredAt: new Date(`${closedOn}T11:00:00Z`), ...caseEvent('request_withdrawn', { reasons: 'The family moved away.', command: 'withdraw' }) }]
        : [
            { occurredAt: new Date(`${isoDaysAgo(example.planDaysAgo, today)}T11:00:00Z`), ...caseEvent('final_plan_issued', { issuedOn: isoDaysAgo(example.planDaysAgo, today), command: 'issue_final_plan' }) },
            { occurredAt: new Date(`${closedOn}T11:00:00Z`), ...caseEvent('plan_ceased', { reasons: 'She started work and no longer needs the plan.', command: 'cease' }) },
          ]),
    ];
    await tx.insert(caseEvents).values(events.map((event) => ({ caseId: record.id, actorId: at.caseworkerId, ...event })));
    const due = retentionDue({ kind: 'case', dateOfBirth: example.bornOn, closedOn, hadPlan: example.planDaysAgo !== null, planEndedOn: example.planDaysAgo === null ? null : closedOn }, DEFAULT_RETENTION);
    if (due && due.dueOn <= todayInLondon(today)) await tx.insert(retentionDueList).values({ laId: at.laId, childId: child.id, caseId: record.id, rule: due.rule, dueOn: due.dueOn, listedAt: today });
    if (example.held) {
      await tx.insert(retentionHolds).values({ laId: at.laId, childId: child.id, reason: 'complaint', note: 'Complaint to the Local Government and Social Care Ombudsman under way.', placedBy: at.managerId, formKey: `demo-hold-${record.id}` });
    }
  }
}
