import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as reportLoader } from '~/routes/reports.scrutiny';
import { loader as casesLoader } from '~/routes/reports.scrutiny_.cases';
import { loader as pdfLoader } from '~/routes/reports.scrutiny[.]pdf';
import { loader as csvLoader } from '~/routes/reports.scrutiny[.]csv';
import { action as thresholdsAction, loader as thresholdsLoader } from '~/routes/reports.scrutiny_.thresholds';
import { recordCaseCommand } from '~/features/case-progress/index.server';
import { storeReplyWaits } from '~/features/messaging/index.server';
import { adviceRequests, annualReviews, areaTeams, auditLog, caseEvents, cases, complaints, messages, scrutinyThresholds, serviceStandardBreaches, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * The scrutiny report (ADR 0054) against seeded cases: its figures, the cases behind them, that
 * another council is never counted or reachable, that only managers see it, that exports are
 * audited and CSV cells neutralised, and the thresholds form.
 */
let db: Database;
let laId: string;
let manager: User, caseworker: User, admin: User, otherManager: User;
let northId: string, otherTeamId: string;
const lateCases: string[] = [];
const noon = (day: string) => new Date(`${day}T12:00:00Z`);
const Q1 = 'from=2026-01-01&to=2026-03-31';
const assess = (decidedOn: string, outcome: 'agreed' | 'refused' = 'agreed') =>
  ({ type: 'decide_to_assess', outcome, reasons: 'The reports show needs that SEN support may not meet.', decidedOn }) as const;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team: north } = await makeLa(db);
  laId = la.id;
  northId = north.id;
  await db.update(areaTeams).set({ name: 'North' }).where(eq(areaTeams.id, north.id));
  // A team name a spreadsheet would run as a formula.
  const [south] = await db.insert(areaTeams).values({ laId, name: '=SUM(A1)' }).returning();
  manager = await makeUser(db, 'manager', { laId });
  admin = await makeUser(db, 'la_admin', { laId });
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: north.id });
  const parent = await makeUser(db, 'parent');
  const make = async (teamId: string, requestReceived: string) =>
    (await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived })).caseRecord.id;

  // Requests on 5 January 2026: 6 weeks is 16 February.
  // North: one decided on time, one late; South: one on time, one refused on time.
  await recordCaseCommand(caseworker, await make(north.id, '2026-01-05'), assess('2026-02-10'), 'request_received', {}, noon('2026-02-10'));
  const late = await make(north.id, '2026-01-05');
  lateCases.push(late);
  await recordCaseCommand(caseworker, late, assess('2026-03-02'), 'request_received', {}, noon('2026-03-02'));
  await recordCaseCommand(caseworker, await make(south.id, '2026-01-05'), assess('2026-02-16'), 'request_received', {}, noon('2026-02-16'));
  await recordCaseCommand(caseworker, await make(south.id, '2026-01-05'), assess('2026-02-01', 'refused'), 'request_received', {}, noon('2026-02-01'));
  // Decided in the quarter before, late (6 weeks was 12 November): in the trend, not in the period.
  await recordCaseCommand(caseworker, await make(north.id, '2025-10-01'), assess('2025-12-20'), 'request_received', {}, noon('2025-12-20'));

  // Advice on the late case: health sent late, an EP on time.
  const professional = await makeUser(db, 'professional');
  for (const [kind, submitted] of [['health', '2026-03-10'], ['educational_psychologist', '2026-03-01']] as const) {
    await db.insert(adviceRequests).values({ caseId: late, laId, professionalId: professional.id, kind, requestedBy: caseworker.id, requestedOn: '2026-01-20', dueBy: '2026-03-03', state: 'submitted', submittedAt: noon(submitted), closedOn: submitted, formKey: crypto.randomUUID() });
  }
  // An apology on the late case.
  await db.insert(caseEvents).values({ caseId: late, kind: 'apology_sent', actorId: caseworker.id, occurredAt: noon('2026-03-03'), details: { step: 'decisionToAssess', reason: 'We were late.', newExpectedDate: '2026-03-10' } });

  // A family's thread on a case with no decisions: answered in time, answered late (breach on
  // record), still waiting within the standard (not counted yet).
  const thread = await make(north.id, '2025-06-01');
  const post = (side: 'family' | 'la', day: string, substantive = false) =>
    db.insert(messages).values({ caseId: thread, senderId: side === 'family' ? parent.id : caseworker.id, side, body: 'Hello', substantive, formKey: crypto.randomUUID(), createdAt: noon(day) });
  await post('family', '2026-01-10');
  await post('family', '2026-01-11');
  await post('la', '2026-01-12', true);
  await post('family', '2026-02-01');
  await post('la', '2026-02-03');
  await post('la', '2026-02-20', true);
  await db.insert(serviceStandardBreaches).values({ caseId: thread, standard: 'reply', startedOn: '2026-02-01', dueBy: '2026-02-15' });
  await post('family', '2026-03-30');
  await db.update(cases).set({ awaitingReplySince: noon('2026-03-30') }).where(eq(cases.id, thread));
  await storeReplyWaits(db, [thread]);
  // Its annual review was due on 15 February and has not been held.
  await db.insert(annualReviews).values({ laId, caseId: thread, number: 1, cycleStart: '2025-02-16', meetingDueOn: '2026-02-15', nextDueOn: '2026-02-15', nextDueStep: 'meeting' });

  // Two complaints on that case answered at stage 1 in the quarter: one on time, one a day late.
  for (const [number, respondedOn] of [[1, '2026-02-10'], [2, '2026-02-11']] as const) {
    await db.insert(complaints).values({ laId, caseId: thread, reference: `C-${number}-${crypto.randomUUID().slice(0, 8)}`, number, channel: 'letter', about: 'Late reply', putRight: 'An answer', status: 'closed', receivedOn: '2026-01-12', acknowledgeBy: '2026-01-15', stage1DueBy: '2026-02-10', stage1RespondedOn: respondedOn, stage1Outcome: 'upheld', formKey: crypto.randomUUID() });
  }

  // Another council: a late decision in the same quarter, never counted here.
  const other = await makeLa(db, 'Other Council');
  otherTeamId = other.team.id;
  otherManager = await makeUser(db, 'manager', { laId: other.la.id });
  const otherWorker = await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id });
  const otherCase = (await makeChildWithCase(db, { laId: other.la.id, teamId: other.team.id, parentIds: [parent.id], caseworkerId: otherWorker.id, requestReceived: '2026-01-05' })).caseRecord.id;
  await recordCaseCommand(otherWorker, otherCase, assess('2026-03-20'), 'request_received', {}, noon('2026-03-20'));
});

type Figure = { id: string; period: { value: number | null; numerator: number; denominator: number; rag: string }; trend: { value: number | null }[]; byTeam: { teamId: string; value: number | null }[] };
const load = async (user: User, query: string) => settle(async () => reportLoader({ request: await requestAs(user, `/reports/scrutiny?${query}`), params: {}, context: {} }));
const figuresOf = async (user: User, query: string): Promise<Record<string, Figure>> => {
  const body = await (await load(user, query)).json();
  return Object.fromEntries(body.report.figures.map((f: Figure) => [f.id, f]));
};

describe('the scrutiny report', () => {
  it('is for the council’s managers only', async () => {
    expect((await load(caseworker, Q1)).status).toBe(403);
    expect((await load(admin, Q1)).status).toBe(403);
    expect((await load(await makeUser(db, 'parent'), Q1)).status).toBe(403);
  });

  it('counts the period’s decisions, advice by profession, refusals and apologies, rated against the defaults', async () => {
    const figures = await figuresOf(manager, Q1);
    expect(figures.decisions.period).toEqual({ value: 75, numerator: 3, denominator: 4, leftOut: 0, rag: 'amber' });
    expect(figures.decisions.trend.map((q) => q.value)).toEqual([null, null, 0, 75]);
    expect(figures.decisions.byTeam.find((b) => b.teamId === northId)?.value).toBe(50);
    expect(figures.adviceHealth.period).toMatchObject({ value: 0, numerator: 0, denominator: 1, rag: 'red' });
    expect(figures.adviceEducationalPsychologist.period).toMatchObject({ value: 100, rag: 'green' });
    expect(figures.refusalsToAssess.period).toMatchObject({ value: 25, numerator: 1, denominator: 4, rag: 'green' });
    expect(figures.apologies.period).toMatchObject({ value: 1, rag: 'green' });
    expect(figures.finalPlans.period).toMatchObject({ value: null, rag: 'none' });
    expect(figures.replies.period).toMatchObject({ value: 50, numerator: 1, denominator: 2, rag: 'red' });
    expect(figures.reviewsOnTime.period).toMatchObject({ value: 0, numerator: 0, denominator: 1, rag: 'red' });
    expect(figures.complaintsStage1.period).toMatchObject({ value: 50, numerator: 1, denominator: 2, rag: 'red' });
    expect(figures.complaintsStage2.period).toMatchObject({ value: null, rag: 'none' });
  });

  it('for one team counts only that team, and another council’s team is not found', async () => {
    const figures = await figuresOf(manager, `${Q1}&team=${northId}`);
    expect(figures.decisions.period).toMatchObject({ numerator: 1, denominator: 2, value: 50, rag: 'red' });
    expect((await load(manager, `${Q1}&team=${otherTeamId}`)).status).toBe(404);
  });

  it('never counts another council’s cases', async () => {
    const figures = await figuresOf(otherManager, Q1);
    expect(figures.decisions.period).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('names a bad period and shows the default quarter instead', async () => {
    const body = await (await load(manager, 'from=2026-02-30&to=2026-03-31')).json();
    expect(body.problem).toBe('fromInvalid');
    expect(body.asked.from).toBe('2026-02-30');
  });

  it('links each figure to the cases behind it, with the outcome asked for, only this council’s', async () => {
    const cases = async (user: User, query: string) => settle(async () => casesLoader({ request: await requestAs(user, `/reports/scrutiny/cases?${query}`), params: {}, context: {} }));
    const late = await (await cases(manager, `figure=decisions&${Q1}&outcome=late`)).json();
    expect(late.rows.map((r: { caseId: string }) => r.caseId)).toEqual(lateCases);
    expect(late.rows[0]).toMatchObject({ on: '2026-03-02', outcome: 'late', teamName: 'North' });
    const all = await (await cases(manager, `figure=decisions&${Q1}`)).json();
    expect(all.window.total).toBe(4);
    expect((await cases(manager, `figure=nonsense&${Q1}`)).status).toBe(404);
    expect((await cases(caseworker, `figure=decisions&${Q1}`)).status).toBe(403);
    expect((await (await cases(otherManager, `figure=decisions&${Q1}&outcome=late`)).json()).rows).toHaveLength(1);
  });
});

describe('exports', () => {
  it('give a PDF, audited with the period and team', async () => {
    const response = await settle(async () => pdfLoader({ request: await requestAs(manager, `/reports/scrutiny.pdf?${Q1}`), params: {}, context: {} }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'export:scrutiny_pdf'), eq(auditLog.userId, manager.id)));
    expect(row).toMatchObject({ subjectType: 'la', subjectId: laId, outcome: 'allowed' });
    expect(row.details).toMatchObject({ from: '2026-01-01', to: '2026-03-31', teamId: null });
    expect((await settle(async () => pdfLoader({ request: await requestAs(caseworker, `/reports/scrutiny.pdf?${Q1}`), params: {}, context: {} }))).status).toBe(403);
  });

  it('give a CSV with formula cells neutralised, audited', async () => {
    const response = await settle(async () => csvLoader({ request: await requestAs(manager, `/reports/scrutiny.csv?${Q1}`), params: {}, context: {} }));
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('"Figure","For","From","To","Value","Counted in the figure","Out of","Left out (exception cases)","Rating"');
    expect(lines).toContain('"Decisions whether to assess within 6 weeks","Whole council","2026-01-01","2026-03-31",75,3,4,0,"Amber"');
    expect(lines).toContain('"Decisions whether to assess within 6 weeks","\'=SUM(A1)","2026-01-01","2026-03-31",100,2,2,0,"Green"');
    expect(lines.some((line) => line.includes('"=SUM'))).toBe(false);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'export:scrutiny_csv'), eq(auditLog.userId, manager.id)))).toHaveLength(1);
  });
});

describe('thresholds', () => {
  const form = (changes: Record<string, string>) => {
    const values: Record<string, string> = {};
    for (const [id, d] of Object.entries({ finalPlans: [60, 40], finalPlansWithExceptions: [60, 40], decisions: [90, 75], adviceEducationalPsychologist: [90, 75], adviceHealth: [90, 75], adviceSocialCare: [90, 75], adviceSchool: [90, 75], adviceOther: [90, 75], reviewsOnTime: [85, 70], reviewDecisions: [85, 70], transferReviews: [95, 85], replies: [95, 85], apologies: [5, 15], refusalsToAssess: [25, 40], refusalsToIssue: [10, 20], complaintsStage1: [90, 75], complaintsStage2: [90, 75], familiesSatisfied: [80, 60], tribunalOrders: [100, 90] })) {
      values[`${id}Green`] = String(d[0]);
      values[`${id}Amber`] = String(d[1]);
    }
    return { ...values, ...changes };
  };
  const submit = async (user: User, values: Record<string, string>) => settle(async () => thresholdsAction({ request: await requestAs(user, '/reports/scrutiny/thresholds', { form: values }), params: {}, context: {} }));

  it('are set by managers and the council’s admin, not caseworkers', async () => {
    expect((await settle(async () => thresholdsLoader({ request: await requestAs(admin, '/reports/scrutiny/thresholds'), params: {}, context: {} }))).status).toBe(200);
    expect((await submit(caseworker, form({})).then((r) => r.status))).toBe(403);
  });

  it('refuse bad input with an error on the field, keeping what was typed', async () => {
    const response = await submit(manager, form({ decisionsGreen: '101', decisionsAmber: 'abc', refusalsToAssessAmber: '10', apologiesGreen: '2.5' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      decisionsGreen: 'errors.scrutiny.percentRange',
      decisionsAmber: 'errors.scrutiny.percentRange',
      refusalsToAssessAmber: 'errors.scrutiny.amberBelowGreen',
      apologiesGreen: 'errors.scrutiny.countRange',
    });
    expect(body.values.decisionsAmber).toBe('abc');
    expect((await submit(manager, form({ finalPlansAmber: '70' })).then((r) => r.json())).errors).toEqual({ finalPlansAmber: 'errors.scrutiny.amberAboveGreen' });
    expect((await submit(manager, form({ finalPlansGreen: ' ' })).then((r) => r.json())).errors).toEqual({ finalPlansGreen: 'errors.scrutiny.greenRequired' });
  });

  it('save what changed once, audited, and rate the report by them', async () => {
    const changed = form({ decisionsGreen: '70', decisionsAmber: '62.5' });
    expect((await submit(manager, changed)).status).toBe(302);
    expect((await submit(manager, changed)).status).toBe(302);
    const rows = await db.select().from(scrutinyThresholds).where(eq(scrutinyThresholds.laId, laId));
    expect(rows.map((r) => [r.figure, Number(r.green), Number(r.amber)])).toEqual([['decisions', 70, 62.5]]);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'change:scrutiny_thresholds'), eq(auditLog.subjectId, laId)));
    expect(audits).toHaveLength(1);
    expect(audits[0].details).toMatchObject({ decisions: { from: { green: 90, amber: 75 }, to: { green: 70, amber: 62.5 } } });
    expect((await figuresOf(manager, Q1)).decisions.period.rag).toBe('green');
    // Another council's report keeps the defaults.
    expect((await figuresOf(otherManager, Q1)).decisions.period.rag).toBe('red');
  });
});
