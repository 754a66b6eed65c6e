import { and, eq, gt, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { todayInLondon } from '~/domain/timescales';
import { requestAdvice, saveAdvice } from '~/features/advice/index.server';
import { recordCaseCommand, sendApology } from '~/features/case-progress/index.server';
import { familyAudience } from '~/features/family/index.server';
import { allocateCaseworker } from '~/features/requests/index.server';
import { postMessage } from '~/features/messaging/index.server';
import { adviceOrganisations, advocateConsents, cases, children, outboxEmails, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * One family audience (issue 12): every email to "the family" goes to exactly the people the
 * policy lets open that part of the case. The child here is a young person (21) who has their
 * own account and has NOT shared the case with their parent, so the parent is cut off (403 on
 * the case); one advocate has a 'view' consent (may read the case, not the thread) and one an
 * 'act' consent (may also message), both given by the young person.
 */
let db: Database;
let caseworker: User, parent: User, youngPerson: User, viewAdvocate: User, actAdvocate: User, professional: User, deactivatedAdvocate: User;
let childId: string, caseId: string, laId: string;
let since: Date;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Casey Worker' });
  professional = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'educational_psychologist' });
  parent = await makeUser(db, 'parent');
  youngPerson = await makeUser(db, 'young_person');
  const [viewOrg] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'View SENDIASS' }).returning();
  const [actOrg] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Act SENDIASS' }).returning();
  viewAdvocate = await makeUser(db, 'advocate', { adviceOrgId: viewOrg.id });
  actAdvocate = await makeUser(db, 'advocate', { adviceOrgId: actOrg.id });
  deactivatedAdvocate = await makeUser(db, 'advocate', { adviceOrgId: actOrg.id, deactivatedAt: new Date() });
  const made = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'advice_gathering' });
  childId = made.child.id;
  caseId = made.caseRecord.id;
  await db.update(children).set({ dateOfBirth: '2005-03-01', youngPersonUserId: youngPerson.id, parentAccessAgreedAt: null }).where(eq(children.id, childId));
  const consent = { childId, grantedBy: youngPerson.id, expiresOn: '2099-12-31' };
  await db.insert(advocateConsents).values([
    { ...consent, adviceOrgId: viewOrg.id, advocateUserId: viewAdvocate.id, scope: 'view', formKey: crypto.randomUUID() },
    // The whole organisation: every advocate there, except a leaver whose account is switched off.
    { ...consent, adviceOrgId: actOrg.id, advocateUserId: null, scope: 'act', formKey: crypto.randomUUID() },
  ]);
});

beforeEach(() => {
  since = new Date();
});

/** Who was emailed `template` since the test began. */
async function recipientsOf(template: string) {
  const rows = await db
    .select({ recipientId: outboxEmails.recipientId })
    .from(outboxEmails)
    .where(and(eq(outboxEmails.template, template), gt(outboxEmails.createdAt, new Date(since.getTime() - 1))));
  return rows.map((r) => r.recipientId).sort();
}

const ids = (...people: User[]) => people.map((p) => p.id).sort();

describe('familyAudience', () => {
  it('reading the case: the young person and both advocates, never the cut-off parent or a leaver', async () => {
    expect((await familyAudience(db, childId, 'read:case')).map((u) => u.id).sort()).toEqual(ids(youngPerson, viewAdvocate, actAdvocate));
  });

  it("the thread: the young person and the advocate who may act; a 'view' consent does not reach it", async () => {
    expect((await familyAudience(db, childId, 'read:thread')).map((u) => u.id).sort()).toEqual(ids(youngPerson, actAdvocate));
  });

  it('a parent the young person has shared the case with is back in the audience', async () => {
    await db.update(children).set({ parentAccessAgreedAt: new Date() }).where(eq(children.id, childId));
    try {
      expect((await familyAudience(db, childId, 'read:case')).map((u) => u.id)).toContain(parent.id);
    } finally {
      await db.update(children).set({ parentAccessAgreedAt: null }).where(eq(children.id, childId));
    }
  });
});

describe('each email to the family goes to that audience', () => {
  it('case progress (a decision recorded)', async () => {
    const outcome = await recordCaseCommand(caseworker, caseId, { type: 'withdraw', reasons: 'The family asked us to stop.' }, 'advice_gathering', {});
    expect(outcome.ok).toBe(true);
    expect(await recipientsOf('requestWithdrawn')).toEqual(ids(youngPerson, viewAdvocate, actAdvocate));
  });

  it('an apology for a missed date', async () => {
    await sendApology(caseworker, caseId, { step: 'decisionToAssess', reason: 'Staff absence.', newExpectedDate: '2030-01-10' });
    expect(await recipientsOf('apology')).toEqual(ids(youngPerson, viewAdvocate, actAdvocate));
  });

  it('a caseworker allocated', async () => {
    // Allocating the caseworker a case already has changes nothing and emails no one.
    await db.update(cases).set({ caseworkerId: null }).where(eq(cases.id, caseId));
    const outcome = await allocateCaseworker({ ...caseworker, role: 'caseworker' }, caseId, caseworker.id);
    expect(outcome.ok).toBe(true);
    expect(await recipientsOf('caseworkerAllocated')).toEqual(ids(youngPerson, viewAdvocate, actAdvocate));
  });

  it('a council message: only those who may open the thread', async () => {
    await postMessage(caseworker, caseId, laId, { body: 'Hello from the council.', substantive: true, formKey: crypto.randomUUID() });
    expect(await recipientsOf('newMessageForFamily')).toEqual(ids(youngPerson, actAdvocate));
  });

  it('advice released to the family', async () => {
    const [caseRecord] = await db.select().from(cases).where(eq(cases.id, caseId));
    await db.update(cases).set({ stage: 'advice_gathering' }).where(eq(cases.id, caseId));
    const requested = await requestAdvice(
      caseworker,
      { ...caseRecord, stage: 'advice_gathering' },
      { kind: 'educational_psychologist', professional: { id: professional.id }, requestedOn: todayInLondon(), formKey: crypto.randomUUID() },
    );
    expect(requested.ok).toBe(true);
    if (!requested.ok) return;
    const saved = await saveAdvice(professional, requested.id, { needs: 'Needs.', provision: 'Provision.', outcomes: 'Outcomes.', consulted: 'The family.' }, true);
    expect(saved.ok).toBe(true);
    expect(await recipientsOf('adviceAvailable')).toEqual(ids(youngPerson, viewAdvocate, actAdvocate));
    const leaverEmails = await db.select().from(outboxEmails).where(inArray(outboxEmails.recipientId, [parent.id, deactivatedAdvocate.id]));
    expect(leaverEmails).toEqual([]);
  });
});
