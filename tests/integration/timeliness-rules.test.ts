import { beforeAll, describe, expect, it } from 'vitest';
import { timelinessReport } from '~/features/reporting/index.server';
import { calendarYear } from '~/domain/timeliness';
import type { CouncilStep } from '~/domain/stored-case-dates';
import { adviceRequests, caseStepDates, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * The timeliness report's counting rules (app/domain/timeliness.ts) as its SQL applies them to
 * the dates cases store (ADR 0056): each edge of the rules on a council of its own.
 */
let db: Database;
let parent: User, caseworker: User, professional: User;
const year = calendarYear(2026);
const noon = (day: string) => new Date(`${day}T12:00:00Z`);
type Step = { step: CouncilStep; dueOn: string; completedOn?: string; exceptionOn?: string };

/** A council whose cases store exactly these steps (one case each) and this advice; its report on `today`. */
async function councilWith(steps: Step[], advice: { dueBy: string; sentOn?: string; state: 'open' | 'submitted' | 'cancelled' }[] = [], today = '2026-12-07') {
  const { la, team } = await makeLa(db);
  for (const step of steps) {
    const { caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], requestReceived: '2025-06-02' });
    await db.insert(caseStepDates).values({ caseId: caseRecord.id, laId: la.id, step: step.step, dueOn: step.dueOn, completedOn: step.completedOn ?? null, exceptionOn: step.exceptionOn ?? null });
  }
  if (advice.length) {
    const { caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], requestReceived: '2025-06-02' });
    await db.insert(adviceRequests).values(
      advice.map((a) => ({
        caseId: caseRecord.id,
        laId: la.id,
        professionalId: professional.id,
        kind: 'health' as const,
        requestedBy: caseworker.id,
        requestedOn: '2025-06-10',
        dueBy: a.dueBy,
        state: a.state,
        submittedAt: a.sentOn ? noon(a.sentOn) : null,
        closedOn: a.sentOn ?? null,
        formKey: crypto.randomUUID(),
      })),
    );
  }
  return (await timelinessReport(la.id, year, noon(today))).total;
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  parent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker');
  professional = await makeUser(db, 'professional');
});

describe('timeliness of a council step', () => {
  it('counts steps done within the period, both ends included, on time when done by the due date', async () => {
    const total = await councilWith([
      { step: 'finalPlan', dueOn: '2026-03-01', completedOn: '2026-02-20' },
      { step: 'finalPlan', dueOn: '2026-03-01', completedOn: '2026-03-20' },
      { step: 'finalPlan', dueOn: '2026-12-31', completedOn: '2026-12-31' },
      { step: 'finalPlan', dueOn: '2026-01-10', completedOn: '2026-01-01' },
      { step: 'finalPlan', dueOn: '2026-01-10', completedOn: '2025-12-31' }, // the year before
      { step: 'finalPlan', dueOn: '2027-02-01' }, // not done
    ]);
    expect(total.finalPlans).toEqual({ total: 4, onTime: 3, exceptions: 0, percent: 75 });
  });

  it('leaves exception cases out of the rate, as SEN2 does, but only exceptions recorded by the day it was done', async () => {
    const total = await councilWith([
      { step: 'finalPlan', dueOn: '2026-03-01', completedOn: '2026-04-01', exceptionOn: '2026-02-10' },
      { step: 'finalPlan', dueOn: '2026-03-01', completedOn: '2026-04-01', exceptionOn: '2026-04-01' }, // the same day counts
      { step: 'finalPlan', dueOn: '2026-03-01', completedOn: '2026-04-01', exceptionOn: '2026-05-01' }, // recorded afterwards
      { step: 'decisionToAssess', dueOn: '2026-01-20', completedOn: '2026-01-18', exceptionOn: '2026-01-10' }, // another step
      { step: 'finalPlan', dueOn: '2026-03-01', completedOn: '2026-02-01' },
    ]);
    expect(total.finalPlans).toEqual({ total: 4, onTime: 1, exceptions: 2, percent: 50 });
    expect(total.decisions).toEqual({ total: 1, onTime: 0, exceptions: 1, percent: null });
  });

  it('has no rate when nothing is left to count', async () => {
    const total = await councilWith([]);
    expect(total.decisions).toEqual({ total: 0, onTime: 0, exceptions: 0, percent: null });
  });
});

describe('what is past its time limit today', () => {
  it('counts steps not done past their date with no exception recorded by today, and open advice past its date', async () => {
    const total = await councilWith(
      [
        { step: 'finalPlan', dueOn: '2026-05-01' }, // missed
        { step: 'finalPlan', dueOn: '2026-05-01', exceptionOn: '2026-04-01' }, // exception
        { step: 'finalPlan', dueOn: '2026-05-01', exceptionOn: '2026-06-03' }, // exception recorded for a later day: still missed today
        { step: 'finalPlan', dueOn: '2026-06-02' }, // due today
        { step: 'decisionToAssess', dueOn: '2026-06-01' }, // missed
        { step: 'annualReview', dueOn: '2026-01-01' }, // not a figure of this report
      ],
      [
        { dueBy: '2026-06-01', state: 'open' },
        { dueBy: '2026-06-02', state: 'open' }, // due today
        { dueBy: '2026-05-01', state: 'cancelled' },
        { dueBy: '2026-05-01', sentOn: '2026-05-01', state: 'submitted' },
        { dueBy: '2026-05-01', sentOn: '2026-05-02', state: 'submitted' },
        { dueBy: '2025-12-01', sentOn: '2025-12-30', state: 'submitted' }, // sent the year before
      ],
      '2026-06-02',
    );
    expect(total.overdueNow).toEqual({ decisions: 1, finalPlans: 2, advice: 1 });
    expect(total.advice).toEqual({ total: 2, onTime: 1, exceptions: 0, percent: 50 });
  });
});
