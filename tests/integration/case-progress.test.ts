import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { action as recordAction } from '~/routes/cases.$caseId.record.$command';
import { action as apologyAction } from '~/routes/cases.$caseId.apology';
import { loader as caseLoader } from '~/routes/cases.$caseId._index';
import { loader as homeLoader } from '~/routes/_index';
import { loader as timelinessLoader } from '~/routes/reports.timeliness';
import { caseEvents, cases, documents, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let mail: MailSink;
let parent: User, caseworker: User, manager: User, team: { id: string }, laId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const made = await makeLa(db);
  team = made.team;
  laId = made.la.id;
  parent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: team.id });
  manager = await makeUser(db, 'manager', { laId });
});

afterEach(() => {
  vi.useRealTimers();
});

/** Pins "today" (Europe/London) for the workflow's date checks. */
/** A plan made elsewhere, uploaded to the case (the file itself does not matter here). */
async function uploadedPlan(caseId: string, kind: 'draft_plan' | 'final_plan') {
  await db.insert(documents).values({ caseId, kind, uploadedBy: caseworker.id, originalName: `${kind}.pdf`, storedName: `test-${crypto.randomUUID()}`, mimeType: 'application/pdf', sizeBytes: 1, sha256: 'x' });
}

function onDay(iso: string) {
  // The clock keeps running from the chosen moment: the embedded database (and the email worker's queue) takes its time from it.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(`${iso}T12:00:00Z`));
}

const record = (user: User, caseId: string, command: string, form: Record<string, string>) =>
  settle(async () => recordAction({ request: await requestAs(user, `/cases/${caseId}/record/${command}`, { form }), params: { caseId, command }, context: {} }));

const dateParts = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: day, [`${name}-month`]: month, [`${name}-year`]: year };
};

const eventsOf = (caseId: string) => db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
const stageOf = async (caseId: string) => (await db.select({ stage: cases.stage }).from(cases).where(eq(cases.id, caseId)))[0].stage;

describe('a caseworker moves a case from request to final plan', () => {
  it('records each step with its event, and tells the family each time', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: '2026-01-05' });
    const id = caseRecord.id;
    onDay('2026-02-10');
    mail.clear();
    let response = await record(caseworker, id, 'decide-to-assess', {
      expectedStage: 'request_received',
      outcome: 'agreed',
      reasons: 'The reports show needs that SEN support may not meet.',
      ...dateParts('decidedOn', '2026-02-10'),
    });
    expect(response.headers.get('Location')).toBe(`/cases/${id}`);
    expect(await stageOf(id)).toBe('advice_gathering');
    await mail.waitFor((m) => m.to.includes(parent.email) && m.subject.includes('EHC needs assessment'));

    onDay('2026-04-20');
    response = await record(caseworker, id, 'decide-to-issue', { expectedStage: 'advice_gathering', outcome: 'issue', reasons: 'The advice shows help beyond what school can give.', ...dateParts('decidedOn', '2026-04-20') });
    expect(response.status).toBe(302);
    // No plan recorded without a plan: the draft (here uploaded, made elsewhere) must be on the case first.
    response = await record(caseworker, id, 'issue-draft-plan', { expectedStage: 'plan_agreed', ...dateParts('servedOn', '2026-04-20') });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ form: 'errors.workflow.noDraftPlan' });
    await uploadedPlan(id, 'draft_plan');
    response = await record(caseworker, id, 'issue-draft-plan', { expectedStage: 'plan_agreed', ...dateParts('servedOn', '2026-04-20') });
    expect(response.status).toBe(302);
    onDay('2026-05-20');
    response = await record(caseworker, id, 'issue-final-plan', { expectedStage: 'draft_plan_issued', ...dateParts('issuedOn', '2026-05-20') });
    expect((await response.json()).errors).toEqual({ form: 'errors.workflow.noFinalPlan' });
    await uploadedPlan(id, 'final_plan');
    response = await record(caseworker, id, 'issue-final-plan', { expectedStage: 'draft_plan_issued', ...dateParts('issuedOn', '2026-05-20') });
    expect(response.status).toBe(302);
    expect(await stageOf(id)).toBe('final_plan_issued');

    const kinds = (await eventsOf(id)).map((e) => e.kind).sort();
    // Issuing the final plan also starts its first annual review (ADR 0047).
    expect(kinds).toEqual(['assessment_agreed', 'draft_plan_issued', 'final_plan_issued', 'plan_agreed', 'review_started']);

    const page = await settle(async () => caseLoader({ request: await requestAs(parent, `/cases/${id}`), params: { caseId: id }, context: {} }));
    const { progress } = await page.json();
    expect(progress.clock).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ step: 'decisionToAssess', dueBy: '2026-02-16', status: 'met', completedOn: '2026-02-10' }),
        expect.objectContaining({ step: 'finalPlan', dueBy: '2026-05-25', status: 'met', completedOn: '2026-05-20' }),
      ]),
    );
    // The final plan and the annual review it starts are recorded together, at the same moment.
    expect(progress.timeline.slice(0, 2).map((e: { kind: string }) => e.kind).sort()).toEqual(['final_plan_issued', 'review_started']);
  });
});

describe('illegal moves change nothing', () => {
  it('a final plan before a decision to assess is refused with a clear message', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], requestReceived: '2026-01-05' });
    onDay('2026-02-10');
    const response = await record(caseworker, caseRecord.id, 'issue-final-plan', { expectedStage: 'request_received', ...dateParts('issuedOn', '2026-02-10') });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ form: 'errors.workflow.illegalTransition' });
    expect(await stageOf(caseRecord.id)).toBe('request_received');
    expect(await eventsOf(caseRecord.id)).toHaveLength(0);
  });

  it('a parent cannot record a decision on their own child’s case', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], requestReceived: '2026-01-05' });
    const response = await record(parent, caseRecord.id, 'decide-to-assess', { outcome: 'agreed', reasons: 'I decide this myself, thank you.', ...dateParts('decidedOn', '2026-02-10') });
    expect(response.status).toBe(403);
    expect(await stageOf(caseRecord.id)).toBe('request_received');
  });

  it('a refusal without an explanation of the difference, or a decision dated in the future, is sent back with every problem', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], requestReceived: '2026-01-05' });
    onDay('2026-02-10');
    const response = await record(caseworker, caseRecord.id, 'decide-to-assess', { expectedStage: 'request_received', outcome: 'refused', reasons: 'short', ...dateParts('decidedOn', '2026-02-31') });
    const { errors, values } = await response.json();
    expect(errors).toEqual({ decidedOn: 'errors.date.invalid', whyDifferent: 'errors.decision.whyDifferentRequired' });
    expect(values.reasons).toBe('short');
  });

  it('the same decision sent twice (double click) is recorded once', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: '2026-01-05' });
    onDay('2026-02-10');
    const form = {
      expectedStage: 'request_received',
      outcome: 'refused',
      reasons: 'The school can meet these needs with SEN support for now.',
      whyDifferent: 'We considered your views and the school report, but support has not been tried for long.',
      ...dateParts('decidedOn', '2026-02-10'),
    };
    const [first, second] = await Promise.all([record(caseworker, caseRecord.id, 'decide-to-assess', form), record(caseworker, caseRecord.id, 'decide-to-assess', form)]);
    expect([first.status, second.status]).toEqual([302, 302]);
    const events = await eventsOf(caseRecord.id);
    expect(events).toHaveLength(1);
    expect(events[0].details).toMatchObject({ appealDeadline: '2026-04-10', whyDifferent: form.whyDifferent });
  });
});

describe('missed time limits', () => {
  it('a case past its 6-week date is flagged; the apology reaches the family by email and on the page', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: '2026-01-05' });
    const id = caseRecord.id;
    onDay('2026-02-20');
    const before = await settle(async () => caseLoader({ request: await requestAs(caseworker, `/cases/${id}`), params: { caseId: id }, context: {} }));
    expect((await before.json()).progress.missed).toEqual([expect.objectContaining({ step: 'decisionToAssess', dueBy: '2026-02-16' })]);

    mail.clear();
    const sent = await settle(async () =>
      apologyAction({
        request: await requestAs(caseworker, `/cases/${id}/apology`, {
          form: { step: 'decisionToAssess', reason: 'The educational psychologist’s report arrived late.', ...dateParts('newExpectedDate', '2026-03-06') },
        }),
        params: { caseId: id },
        context: {},
      }),
    );
    expect(sent.headers.get('Location')).toBe(`/cases/${id}`);
    // Earlier steps' emails may still be arriving: wait for this one.
    const email = await mail.waitFor((m) => m.to.includes(parent.email) && m.subject.includes('We are sorry'));
    expect(email.text).toContain('The educational psychologist’s report arrived late.');
    expect(email.text).toContain('6 March 2026');

    const after = await settle(async () => caseLoader({ request: await requestAs(parent, `/cases/${id}`), params: { caseId: id }, context: {} }));
    expect((await after.json()).progress.apologies[0].details).toMatchObject({ newExpectedDate: '2026-03-06' });
  });
});

describe('stored events this version cannot read', () => {
  it('are listed on the timeline and left out of the clock: the case page, the caseload and the timeliness report still work', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'advice_gathering', requestReceived: '2026-01-05' });
    const id = caseRecord.id;
    onDay('2026-03-02');
    // A decision stored without its date (details that do not fit their kind), and a kind from a later version.
    await db.insert(caseEvents).values([
      { caseId: id, kind: 'assessment_agreed', actorId: caseworker.id, occurredAt: new Date('2026-02-10T12:00:00Z'), details: { outcome: 'agreed' } },
      { caseId: id, kind: 'note_added', actorId: caseworker.id, occurredAt: new Date('2026-02-11T12:00:00Z'), details: { text: 'Called the school.' } },
    ]);

    const page = await settle(async () => caseLoader({ request: await requestAs(caseworker, `/cases/${id}`), params: { caseId: id }, context: {} }));
    expect(page.status).toBe(200);
    const { progress } = await page.json();
    expect(progress.timeline).toEqual([
      expect.objectContaining({ kind: 'unrecognised', storedKind: 'note_added', actorName: caseworker.name }),
      expect.objectContaining({ kind: 'unrecognised', storedKind: 'assessment_agreed' }),
    ]);
    // Nothing of what was stored reaches the page, and the clock counts the decision as not made.
    expect(JSON.stringify(progress.timeline)).not.toContain('Called the school.');
    expect(progress.assessmentDecision).toBeNull();
    expect(progress.missed).toEqual([expect.objectContaining({ step: 'decisionToAssess', dueBy: '2026-02-16' })]);

    const home = await settle(async () => homeLoader({ request: await requestAs(caseworker, '/'), params: {}, context: {} }));
    expect(home.status).toBe(200);
    expect((await home.json()).caseload.rows).toContainEqual(expect.objectContaining({ id, missed: ['decisionToAssess'] }));

    const report = await settle(async () => timelinessLoader({ request: await requestAs(manager, '/reports/timeliness?year=2026'), params: {}, context: {} }));
    expect(report.status).toBe(200);
  });
});

describe('why a decision differs from the request (issue 15 bug 3)', () => {
  it('an agreeing decision with "Yes, it is different" is refused beside the question; one answered "No" keeps no explanation, and the family sees none', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: '2026-01-05' });
    onDay('2026-02-10');
    const base = { expectedStage: 'request_received', outcome: 'agreed', reasons: 'The school report shows needs that SEN support has not met.', ...dateParts('decidedOn', '2026-02-10') };
    const refused = await record(caseworker, caseRecord.id, 'decide-to-assess', { ...base, differs: 'yes', whyDifferent: 'This text should not be kept with an agreeing decision.' });
    expect(refused.status).toBe(400);
    const { errors, values } = await refused.json();
    expect(errors).toEqual({ differs: 'errors.decision.agreesWithRequest' });
    expect(values.whyDifferent).toBe('This text should not be kept with an agreeing decision.');
    expect(await eventsOf(caseRecord.id)).toHaveLength(0);

    // Without JavaScript the textarea is on the page whatever the answer: text left in it is not stored.
    const saved = await record(caseworker, caseRecord.id, 'decide-to-assess', { ...base, differs: 'no', whyDifferent: 'Left over from an earlier draft of this decision.' });
    expect(saved.status).toBe(302);
    const [event] = await eventsOf(caseRecord.id);
    expect(event.details).not.toHaveProperty('whyDifferent');
  });

  it('a refusal answered "No, it is not different" is sent back: a refusal always differs', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], requestReceived: '2026-01-05' });
    onDay('2026-02-10');
    const response = await record(caseworker, caseRecord.id, 'decide-to-assess', {
      expectedStage: 'request_received',
      outcome: 'refused',
      differs: 'no',
      reasons: 'The school can meet these needs with SEN support for now.',
      ...dateParts('decidedOn', '2026-02-10'),
    });
    expect((await response.json()).errors).toEqual({ differs: 'errors.decision.differsFromRequest' });
  });
});

describe('ending a plan needs a plan (issue 15 bug 5a)', () => {
  it('is not offered, and is refused, before a final plan is on record; it is offered once one is', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: '2026-01-05', stage: 'advice_gathering' });
    onDay('2026-02-10');
    const page = async () => (await (await settle(async () => caseLoader({ request: await requestAs(caseworker, `/cases/${caseRecord.id}`), params: { caseId: caseRecord.id }, context: {} }))).json()).staffView.commands.map((c: { type: string }) => c.type);
    expect(await page()).not.toContain('cease');
    const response = await record(caseworker, caseRecord.id, 'cease', { expectedStage: 'advice_gathering', reasons: 'The family has moved to another council area.' });
    expect((await response.json()).errors).toEqual({ form: 'errors.workflow.noPlanToEnd' });
    expect(await stageOf(caseRecord.id)).toBe('advice_gathering');
    await uploadedPlan(caseRecord.id, 'final_plan');
    expect(await page()).toContain('cease');
  });
});
