import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as reportLoader } from '~/routes/reports.timeliness';
import { loader as csvLoader } from '~/routes/reports.timeliness[.]csv';
import { recordCaseCommand, recordException } from '~/features/case-progress/index.server';
import { refreshStoredDates } from '~/features/statutory-dates/index.server';
import { adviceRequests, areaTeams, auditLog, documents, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';
import { caseloadPage, DEFAULT_QUERY } from '~/features/caseload/index.server';
import { DECISION_OVERDUE } from '~/features/caseload';
import { addDays, todayInLondon } from '~/domain/timescales';

let db: Database;
let manager: User, caseworker: User;
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** The plans themselves, made elsewhere and uploaded: no plan is recorded without one. */
async function uploadPlans(caseId: string) {
  for (const kind of ['draft_plan', 'final_plan'] as const) {
    await db.insert(documents).values({ caseId, kind, uploadedBy: caseworker.id, originalName: `${kind}.pdf`, storedName: `test-${crypto.randomUUID()}`, mimeType: 'application/pdf', sizeBytes: 1, sha256: 'x' });
  }
}

/** Takes a case from request to final plan through the real workflow, on the given days. */
async function walk(caseId: string, days: { agreed: string; issued: string }) {
  const steps = [
    [{ type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs that SEN support may not meet.', decidedOn: days.agreed }, 'request_received', days.agreed],
    [{ type: 'decide_to_issue', outcome: 'issue', reasons: 'The advice shows help beyond what school can give.', decidedOn: days.issued }, 'advice_gathering', days.issued],
    [{ type: 'issue_draft_plan', servedOn: days.issued }, 'plan_agreed', days.issued],
    [{ type: 'issue_final_plan', issuedOn: days.issued }, 'draft_plan_issued', days.issued],
  ] as const;
  await uploadPlans(caseId);
  for (const [command, stage, day] of steps) {
    expect(await recordCaseCommand(caseworker, caseId, command, stage, {}, noon(day))).toMatchObject({ ok: true });
  }
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team: north } = await makeLa(db);
  const [south] = await db.insert(areaTeams).values({ laId: la.id, name: 'South area team' }).returning();
  await db.update(areaTeams).set({ name: 'North area team' }).where(eq(areaTeams.id, north.id));
  manager = await makeUser(db, 'manager', { laId: la.id });
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: north.id });
  const parent = await makeUser(db, 'parent');
  const make = async (teamId: string, requestReceived: string) =>
    (await makeChildWithCase(db, { laId: la.id, teamId, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived })).caseRecord.id;

  // North: one on time at each step (6 weeks = 16 Feb, 20 weeks = 25 May), one late at each.
  const first = await make(north.id, '2026-01-05');
  await walk(first, { agreed: '2026-02-10', issued: '2026-05-20' });
  await walk(await make(north.id, '2026-01-05'), { agreed: '2026-03-01', issued: '2026-07-01' });
  // South: the plan is late but a legal exception was recorded first; decided on time.
  const withException = await make(south.id, '2026-01-05');
  await recordCaseCommand(caseworker, withException, { type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs that SEN support may not meet.', decidedOn: '2026-02-01' }, 'request_received', {}, noon('2026-02-01'));
  await uploadPlans(withException);
  await recordException(caseworker, withException, { step: 'finalPlan', kind: 'family_away', explanation: 'The family were abroad for eight weeks.' }, noon('2026-04-01'));
  for (const [command, stage] of [
    [{ type: 'decide_to_issue', outcome: 'issue', reasons: 'The advice shows help beyond what school can give.', decidedOn: '2026-07-01' }, 'advice_gathering'],
    [{ type: 'issue_draft_plan', servedOn: '2026-07-01' }, 'plan_agreed'],
    [{ type: 'issue_final_plan', issuedOn: '2026-07-01' }, 'draft_plan_issued'],
  ] as const) {
    await recordCaseCommand(caseworker, withException, command, stage, {}, noon('2026-07-01'));
  }
  // South, the year before: on time (20 weeks from 3 March 2025 = 21 July).
  await walk(await make(south.id, '2025-03-03'), { agreed: '2025-04-01', issued: '2025-07-10' });
  // Advice on North's first case: asked 12 February, due 26 March, sent 20 March.
  const professional = await makeUser(db, 'professional');
  await db.insert(adviceRequests).values({
    caseId: first,
    laId: la.id,
    professionalId: professional.id,
    kind: 'educational_psychologist',
    requestedBy: caseworker.id,
    requestedOn: '2026-02-12',
    dueBy: '2026-03-26',
    state: 'submitted',
    submittedAt: noon('2026-03-20'),
    closedOn: '2026-03-20',
    formKey: crypto.randomUUID(),
  });

  // Another council's plan, issued in 2026, is not counted.
  const other = await makeLa(db, 'Other Council');
  const otherWorker = await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id });
  const otherCase = (await makeChildWithCase(db, { laId: other.la.id, teamId: other.team.id, parentIds: [parent.id], caseworkerId: otherWorker.id, requestReceived: '2026-01-05' })).caseRecord.id;
  await recordCaseCommand(otherWorker, otherCase, { type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs that SEN support may not meet.', decidedOn: '2026-02-01' }, 'request_received', {}, noon('2026-02-01'));
});

const report = (user: User, year?: string) =>
  settle(async () => reportLoader({ request: await requestAs(user, `/reports/timeliness${year ? `?year=${year}` : ''}`), params: {}, context: {} }));

describe('timeliness figures', () => {
  it('are for managers only', async () => {
    expect((await report(caseworker)).status).toBe(403);
    expect((await report(await makeUser(db, 'parent'))).status).toBe(403);
  });

  it('count each team’s decisions, plans and advice in the year, leaving exception cases out of the rate', async () => {
    const body = await (await report(manager, '2026')).json();
    expect(body.year).toBe(2026);
    expect(body.firstYear).toBe(2025);
    expect(body.total).toMatchObject({
      decisions: { total: 3, onTime: 2, exceptions: 0, percent: 66.7 },
      finalPlans: { total: 3, onTime: 1, exceptions: 1, percent: 50 },
      advice: { total: 1, onTime: 1, exceptions: 0, percent: 100 },
      overdueNow: { decisions: 0, finalPlans: 0, advice: 0 },
    });
    const byName = Object.fromEntries(body.teams.map((t: { teamName: string }) => [t.teamName, t]));
    expect(byName['North area team'].finalPlans).toEqual({ total: 2, onTime: 1, exceptions: 0, percent: 50 });
    expect(byName['South area team'].finalPlans).toEqual({ total: 1, onTime: 0, exceptions: 1, percent: null });

    const lastYear = await (await report(manager, '2025')).json();
    expect(lastYear.total.finalPlans).toEqual({ total: 1, onTime: 1, exceptions: 0, percent: 100 });
    // A year that is not there falls back to this year.
    expect((await (await report(manager, '3000')).json()).year).toBe(new Date().getUTCFullYear());
  });

  it('download as CSV for a spreadsheet, in the manager’s language', async () => {
    const response = await settle(async () => csvLoader({ request: await requestAs(manager, '/reports/timeliness.csv?year=2026'), params: {}, context: {} }));
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="timeliness-2026.csv"');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('"Measure","Area team","Done","On time","Exception cases","On time (excluding exception cases)"');
    expect(lines).toContain('"Final EHC plans issued (20 weeks from the request)","All teams",3,1,1,50');
    expect(lines).toContain('"Final EHC plans issued (20 weeks from the request)","South area team",1,0,1,""');
    // Every export is audited (issue 16, item 7).
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'export:timeliness_csv'), eq(auditLog.userId, manager.id)));
    expect(audit).toMatchObject({ subjectType: 'la', outcome: 'allowed', details: { year: 2026 } });
    expect((await settle(async () => csvLoader({ request: await requestAs(caseworker, '/reports/timeliness.csv'), params: {}, context: {} }))).status).toBe(403);
  });
});

describe('the figures of cases waiting now', () => {
  it('link "decisions overdue" to the council’s list filtered to exactly the cases counted, per team and in all', async () => {
    const { la, team: north } = await makeLa(db, 'Linked Council');
    const [south] = await db.insert(areaTeams).values({ laId: la.id, name: 'South' }).returning();
    const boss = await makeUser(db, 'manager', { laId: la.id });
    const worker = await makeUser(db, 'caseworker', { laId: la.id, teamId: north.id });
    const parent = await makeUser(db, 'parent');
    const make = async (teamId: string, requestReceived: string) =>
      (await makeChildWithCase(db, { laId: la.id, teamId, parentIds: [parent.id], caseworkerId: worker.id, requestReceived })).caseRecord.id;
    const today = todayInLondon();
    // Counted: undecided long past 6 weeks, one in each team.
    const northOverdue = await make(north.id, '2025-01-06');
    const southOverdue = await make(south.id, '2025-02-03');
    // Not counted: undecided but recent; undecided with an exception; decided, with a later date missed.
    await make(north.id, addDays(today, -10));
    const excepted = await make(north.id, '2025-01-06');
    await recordException(worker, excepted, { step: 'decisionToAssess', kind: 'school_closed', explanation: 'The school was closed.' });
    const decided = await make(north.id, '2025-01-06');
    await recordCaseCommand(worker, decided, { type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs that SEN support may not meet.', decidedOn: '2025-03-03' }, 'request_received', {}, noon('2025-03-03'));
    // The factory writes cases as rows: their dates are derived as the daily job derives them.
    await refreshStoredDates(new Date(), db);

    const body = await (await report(boss)).json();
    const rows: { teamId: string | null; overdueNow: { decisions: number } }[] = [...body.teams, { ...body.total, teamId: null }];
    // Teams in name order: South, then the north team ("Team …").
    expect(rows.map((r) => r.overdueNow.decisions)).toEqual([1, 1, 2]);
    for (const row of rows) {
      const listed = await caseloadPage({ laId: la.id, caseworkerId: null }, { ...DEFAULT_QUERY, ...DECISION_OVERDUE, team: row.teamId, size: 50 });
      expect(listed.total).toBe(row.overdueNow.decisions);
      expect(listed.rows.every((c) => [northOverdue, southOverdue].includes(c.id))).toBe(true);
    }
  });
});
