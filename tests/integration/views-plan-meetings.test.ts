import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseEvent } from '~/domain/case-events';
import { addDays, draftCommentsLastDay, todayInLondon } from '~/domain/timescales';
import { action as writeAdviceAction } from '~/routes/advice.$adviceId';
import { action as meetingsAction, loader as meetingsLoader } from '~/routes/cases.$caseId.meetings';
import { action as planAction, loader as planLoader } from '~/routes/cases.$caseId.plan';
import { action as answerAction } from '~/routes/cases.$caseId.plan_.comments.$commentId';
import { loader as viewsLoader } from '~/routes/cases.$caseId.views';
import { action as editViewsAction } from '~/routes/cases.$caseId.views_.$voice';
import { requestAdvice } from '~/features/advice/index.server';
import { adviceRequests, caseEvents, caseMeetings, cases, children, documents, draftPlanComments, familyViews, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let parent: User, otherParent: User, caseworker: User, professional: User;
let laId: string, teamId: string;
const today = todayInLondon();

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  teamId = team.id;
  parent = await makeUser(db, 'parent', { name: 'Pat Parent' });
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId, teamId });
  professional = await makeUser(db, 'professional', { laId });
});

const call = (fn: (args: never) => Promise<unknown>, user: User, path: string, params: Record<string, string>, form?: Record<string, string>) =>
  settle(async () => fn({ request: await requestAs(user, path, form ? { form } : {}), params, context: {} } as never));

async function newCase(stage: 'advice_gathering' | 'draft_plan_issued' = 'advice_gathering') {
  const { caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: caseworker.id, stage, requestReceived: addDays(today, -100) });
  return caseRecord;
}

/** A draft plan served on `servedOn`, as the workflow records it. */
async function serveDraft(caseId: string, servedOn: string) {
  await db
    .insert(caseEvents)
    .values({ caseId, actorId: caseworker.id, ...caseEvent('draft_plan_issued', { servedOn, commentsLastDay: draftCommentsLastDay(servedOn), command: 'issue_draft_plan' }) });
}

describe("the family's views", () => {
  it('a parent writes their own and the child’s; a resend updates; each is attributed', async () => {
    const caseRecord = await newCase();
    const caseId = caseRecord.id;
    const save = (voice: string, form: Record<string, string>) => call(editViewsAction, parent, `/cases/${caseId}/views/${voice}`, { caseId, voice }, form);
    expect((await save('parent', { likeAndAdmire: 'Kind' })).status).toBe(302);
    expect((await save('parent', { likeAndAdmire: 'Kind and funny' })).status).toBe(302);
    expect((await save('child', { importantNow: 'My rabbit' })).status).toBe(302);
    const rows = await db.select().from(familyViews).where(eq(familyViews.caseId, caseId));
    expect(rows.map((r) => [r.voice, r.slot]).sort()).toEqual([
      ['child', 'child'],
      ['parent', `parent:${parent.id}`],
    ]);
    const { views } = await (await call(viewsLoader, parent, `/cases/${caseId}/views`, { caseId })).json();
    expect(views[0]).toMatchObject({ voice: 'child', writerName: 'Pat Parent', importantNow: 'My rabbit' });
    expect(views[1]).toMatchObject({ voice: 'parent', likeAndAdmire: 'Kind and funny' });
    expect((await (await save('parent', {})).json()).errors).toEqual({ likeAndAdmire: 'errors.views.empty' });
  });

  it('a young person with an account writes their own views; a parent then writes only theirs', async () => {
    const youngPerson = await makeUser(db, 'young_person', { name: 'Jo Young' });
    const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], stage: 'advice_gathering', requestReceived: addDays(today, -100) });
    await db.update(children).set({ youngPersonUserId: youngPerson.id }).where(eq(children.id, child.id));
    const caseId = caseRecord.id;
    expect((await call(editViewsAction, youngPerson, `/cases/${caseId}/views/child`, { caseId, voice: 'child' }, { hopes: 'College' })).status).toBe(302);
    expect((await call(editViewsAction, youngPerson, `/cases/${caseId}/views/parent`, { caseId, voice: 'parent' }, { hopes: 'x' })).status).toBe(403);
    expect((await call(editViewsAction, parent, `/cases/${caseId}/views/child`, { caseId, voice: 'child' }, { hopes: 'Overwritten' })).status).toBe(403);
    const { views, canWrite } = await (await call(viewsLoader, parent, `/cases/${caseId}/views`, { caseId })).json();
    expect(canWrite).toEqual(['parent']);
    expect(views[0]).toMatchObject({ voice: 'child', writerName: 'Jo Young', writerRole: 'young_person', hopes: 'College' });
  });

  it('only the family writes views; they close once the draft plan is added', async () => {
    const caseRecord = await newCase();
    const caseId = caseRecord.id;
    await requestAdvice(caseworker, caseRecord, { kind: 'health', professional: { id: professional.id }, requestedOn: today, formKey: crypto.randomUUID() });
    expect((await call(editViewsAction, professional, `/cases/${caseId}/views/child`, { caseId, voice: 'child' }, { hopes: 'x' })).status).toBe(403);
    expect((await call(editViewsAction, caseworker, `/cases/${caseId}/views/parent`, { caseId, voice: 'parent' }, { hopes: 'x' })).status).toBe(403);
    // The child's views are the child's (or written down by a parent): never the council's.
    expect((await call(editViewsAction, caseworker, `/cases/${caseId}/views/child`, { caseId, voice: 'child' }, { hopes: 'x' })).status).toBe(403);
    expect((await call(editViewsAction, otherParent, `/cases/${caseId}/views/parent`, { caseId, voice: 'parent' }, { hopes: 'x' })).status).toBe(404);
    await db.insert(documents).values({ caseId, kind: 'draft_plan', uploadedBy: caseworker.id, originalName: 'draft.pdf', storedName: `${crypto.randomUUID()}.pdf`, mimeType: 'application/pdf', sizeBytes: 10, sha256: 'x' });
    const closed = await call(editViewsAction, parent, `/cases/${caseId}/views/parent`, { caseId, voice: 'parent' }, { hopes: 'Friends' });
    expect((await closed.json()).errors).toEqual({ form: 'errors.views.closed' });
  });
});

describe('the draft plan', () => {
  it('the family comments before the last day (one comment per form), names a school; staff answer; the family sees answers with the final plan', async () => {
    const caseRecord = await newCase('draft_plan_issued');
    const caseId = caseRecord.id;
    await serveDraft(caseId, addDays(today, -3));
    const comment = { intent: 'comment', section: 'F', body: 'Say how many hours.', formKey: crypto.randomUUID() };
    const [a, b] = await Promise.all([
      call(planAction, parent, `/cases/${caseId}/plan`, { caseId }, comment),
      call(planAction, parent, `/cases/${caseId}/plan`, { caseId }, comment),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const stored = await db.select().from(draftPlanComments).where(eq(draftPlanComments.caseId, caseId));
    expect(stored).toHaveLength(1);
    expect((await call(planAction, parent, `/cases/${caseId}/plan`, { caseId }, { intent: 'preferences', preferredSetting: 'Oakfield Primary', meetingRequested: 'yes' })).status).toBe(302);
    expect((await call(planAction, caseworker, `/cases/${caseId}/plan`, { caseId }, { ...comment, formKey: crypto.randomUUID() })).status).toBe(403);

    const answerPath = `/cases/${caseId}/plan/comments/${stored[0].id}`;
    const params = { caseId, commentId: stored[0].id };
    expect((await call(answerAction, parent, answerPath, params, { response: 'accepted' })).status).toBe(403);
    expect((await (await call(answerAction, caseworker, answerPath, params, { response: 'declined', reasons: '' })).json()).errors).toEqual({ reasons: 'errors.plan.reasonsRequired' });
    expect((await call(answerAction, caseworker, answerPath, params, { response: 'declined', reasons: 'The therapist sets the hours.' })).status).toBe(302);

    const before = await (await call(planLoader, parent, `/cases/${caseId}/plan`, { caseId })).json();
    expect(before.plan.comments[0]).toMatchObject({ section: 'F', response: null });
    expect(before.plan.preferences[0]).toMatchObject({ preferredSetting: 'Oakfield Primary', meetingRequested: true });
    await db.update(cases).set({ stage: 'final_plan_issued' }).where(eq(cases.id, caseId));
    const after = await (await call(planLoader, parent, `/cases/${caseId}/plan`, { caseId })).json();
    expect(after.plan.comments[0]).toMatchObject({ response: 'declined', responseReasons: 'The therapist sets the hours.' });
  });

  it('refuses comments after the last day', async () => {
    const caseRecord = await newCase('draft_plan_issued');
    await serveDraft(caseRecord.id, addDays(today, -15));
    const late = await call(planAction, parent, `/cases/${caseRecord.id}/plan`, { caseId: caseRecord.id }, { intent: 'comment', section: 'B', body: 'Late', formKey: crypto.randomUUID() });
    expect((await late.json()).errors).toEqual({ form: 'errors.plan.windowClosed' });
  });
});

describe('meetings', () => {
  it('a professionals-only meeting needs a reason; one meeting per form; the family reads the minutes; only staff record', async () => {
    const caseRecord = await newCase();
    const caseId = caseRecord.id;
    const [year, month, day] = today.split('-');
    const form = { 'heldOn-day': day, 'heldOn-month': month, 'heldOn-year': year, attendees: 'EP, social care', minutes: 'Agreed next steps.', familyInvited: 'no', reason: '', formKey: crypto.randomUUID() };
    expect((await (await call(meetingsAction, caseworker, `/cases/${caseId}/meetings`, { caseId }, form)).json()).errors).toEqual({ reason: 'errors.meeting.reasonRequired' });
    const withReason = { ...form, reason: 'Safeguarding discussion between agencies.' };
    await Promise.all([call(meetingsAction, caseworker, `/cases/${caseId}/meetings`, { caseId }, withReason), call(meetingsAction, caseworker, `/cases/${caseId}/meetings`, { caseId }, withReason)]);
    expect(await db.select().from(caseMeetings).where(eq(caseMeetings.caseId, caseId))).toHaveLength(1);
    const { meetings } = await (await call(meetingsLoader, parent, `/cases/${caseId}/meetings`, { caseId })).json();
    expect(meetings[0]).toMatchObject({ minutes: 'Agreed next steps.', familyInvited: false, professionalsOnlyReason: 'Safeguarding discussion between agencies.' });
    expect((await call(meetingsAction, parent, `/cases/${caseId}/meetings`, { caseId }, { ...withReason, formKey: crypto.randomUUID() })).status).toBe(403);
    const future = { ...withReason, formKey: crypto.randomUUID(), 'heldOn-year': String(Number(year) + 1) };
    expect((await (await call(meetingsAction, caseworker, `/cases/${caseId}/meetings`, { caseId }, future)).json()).errors).toEqual({ heldOn: 'errors.meeting.dateInFuture' });
  });
});

describe('malformed bodies', () => {
  it('the advice form answers a broken multipart body with a page, never a 500', async () => {
    const caseRecord = await newCase();
    await requestAdvice(caseworker, caseRecord, { kind: 'educational_psychologist', professional: { id: professional.id }, requestedOn: today, formKey: crypto.randomUUID() });
    const [row] = await db.select().from(adviceRequests).where(eq(adviceRequests.caseId, caseRecord.id));
    const base = await requestAs(professional, `/advice/${row.id}`);
    const headers = new Headers(base.headers);
    headers.set('Content-Type', 'multipart/form-data; boundary=xyz');
    const request = new Request(base.url, { method: 'POST', headers, body: '--xyz\r\nbroken' });
    await db.update(adviceRequests).set({ needs: 'A saved draft' }).where(eq(adviceRequests.id, row.id));
    const response = await settle(() => writeAdviceAction({ request, params: { adviceId: row.id }, context: {} }));
    expect(response.status).toBe(400);
    // Nothing readable, nothing done: the saved draft is untouched.
    const [after] = await db.select().from(adviceRequests).where(eq(adviceRequests.id, row.id));
    expect(after.needs).toBe('A saved draft');
  });
});
