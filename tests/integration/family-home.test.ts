import { beforeAll, describe, expect, it } from 'vitest';
import { loader as homeLoader } from '~/routes/_index';
import { loader as messagesLoader } from '~/routes/cases.$caseId.messages';
import { familyHomeOf } from '~/features/case-progress/index.server';
import { postMessage } from '~/features/messaging/index.server';
import { assessmentRequests, auditLog, childParents, children, familyViews, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';
import { and, eq } from 'drizzle-orm';

let db: Database;
let parent: User, otherParent: User, caseworker: User;
let caseId: string, laId: string, ellieId: string, draftId: string;

// The request arrived on Thursday 1 October 2026: the decision whether to assess is due six weeks later.
const today = '2026-10-20';
const now = new Date('2026-10-20T12:00:00Z');

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  parent = await makeUser(db, 'parent');
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: '2026-10-01' }));
  // A second child with no case yet, and a request for assessment not sent.
  const [ellie] = await db.insert(children).values({ laId: la.id, firstName: 'Ellie', lastName: 'Brown', dateOfBirth: '2018-02-02' }).returning();
  ellieId = ellie.id;
  await db.insert(childParents).values({ childId: ellie.id, userId: parent.id });
  [{ id: draftId }] = await db.insert(assessmentRequests).values({ childId: ellie.id, createdBy: parent.id }).returning({ id: assessmentRequests.id });
  // The council writes first; the family then asks a question on Monday 5 October and hears nothing.
  await postMessage(caseworker, caseId, laId, { body: 'We have your request.', substantive: true, formKey: crypto.randomUUID() }, new Date('2026-10-02T10:00:00Z'));
  await postMessage(parent, caseId, laId, { body: 'When will you decide?', substantive: false, formKey: crypto.randomUUID() }, new Date('2026-10-05T09:00:00Z'));
});

describe('the family home: what needs attention for each child', () => {
  it('gives each child the next statutory date, what the council sent or owes, and the family’s own steps', async () => {
    const home = await familyHomeOf(parent, today, now);
    const sam = home.find((c) => c.cases.length === 1)!;
    const ellie = home.find((c) => c.childId === ellieId)!;
    expect(sam.attention).toEqual({
      nextDate: { caseId, step: 'decisionToAssess', dueBy: '2026-11-12' },
      familySteps: [{ kind: 'giveViews', caseId }],
      messages: [
        { kind: 'unread', caseId, count: 1 },
        // Received Monday 5 October: acknowledged within 2 working days (by Wednesday 7), answered within 5 (Monday 12).
        { kind: 'replyOverdue', caseId, dueBy: '2026-10-07' },
      ],
      allClear: false,
    });
    expect(ellie.attention).toEqual({ nextDate: null, familySteps: [{ kind: 'sendRequest', requestId: draftId }], messages: [], allClear: false });
  });

  it('opening the thread reads the council’s messages; written views are no longer asked for', async () => {
    const response = await settle(async () => messagesLoader({ request: await requestAs(parent, `/cases/${caseId}/messages`), params: { caseId }, context: {} }));
    expect(response.status).toBe(200);
    await db.insert(familyViews).values({ caseId, voice: 'parent', slot: `parent:${parent.id}`, writtenBy: parent.id, hopes: 'To make friends' });
    const sam = (await familyHomeOf(parent, today, new Date())).find((c) => c.cases.length === 1)!;
    expect(sam.attention.familySteps).toEqual([]);
    expect(sam.attention.messages.filter((m) => m.kind === 'unread')).toEqual([]);
  });

  it('the home page is the family view, audited as reading each case; another family sees none of it', async () => {
    const response = await settle(async () => homeLoader({ request: await requestAs(parent, '/'), params: {}, context: {} }));
    const data = await response.json();
    expect(data.view).toBe('family');
    expect(data.children).toHaveLength(2);
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.userId, parent.id), eq(auditLog.action, 'read:case_summary'), eq(auditLog.subjectId, caseId)));
    expect(audited.length).toBeGreaterThan(0);
    expect(await familyHomeOf(otherParent, today, now)).toEqual([]);
  });
});
