import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyPlan, type PlanContent } from '~/domain/plan-content';
import { addComment, commentsAnsweredBy, comparePlanVersions, issuePlanVersion, planVersionsOf, respondToComment, savePlanSection, versionBeingWritten } from '~/features/plan/index.server';
import { draftPlanComments } from '../../db/schema';
import type { Database } from '../../db/client';
import { caseEvents, cases, outboxEmails, planVersions, type Case, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 13, items 2, 3 and 6: the plan written in the portal as versions. A version is written
 * section by section, issued once (then fixed for good by the database), and issuing a draft or
 * final plan moves the case in the same transaction; any two issued versions can be compared.
 */
let db: Database;
let caseworker: User, parent: User;
let caseRecord: Case;

const written = (): PlanContent => {
  const plan = emptyPlan();
  plan.A.text = 'Sam loves trains and wants to be a driver.';
  plan.B = { text: 'Sam finds noisy rooms hard.', needs: { primary: 'ASD', secondary: 'SLCN' } };
  plan.E.outcomes = [{ id: 'o1', outcome: 'Sam will ask for help when he needs it', byWhen: 'July 2027', steps: 'Using a help card' }];
  plan.F.provision = [{ id: 'p1', what: 'Speech and language therapy', who: 'NHS therapist', howOften: 'Weekly, 30 minutes', forHowLong: 'One year' }];
  return plan;
};

async function caseAt(stage: Case['stage']) {
  return (await db.select().from(cases).where(eq(cases.id, caseRecord.id)))[0] ?? { ...caseRecord, stage };
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  parent = await makeUser(db, 'parent');
  caseRecord = (await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'plan_agreed' })).caseRecord;
});

describe('writing and issuing a plan', () => {
  it('is not started before the council has decided to issue a plan', async () => {
    const early = (await makeChildWithCase(db, { laId: caseRecord.laId, teamId: caseRecord.teamId, parentIds: [parent.id], stage: 'advice_gathering' })).caseRecord;
    expect(await versionBeingWritten(caseworker, early)).toBeNull();
  });

  it('starts one draft, however often the button is pressed', async () => {
    const [first, second] = await Promise.all([versionBeingWritten(caseworker, caseRecord), versionBeingWritten(caseworker, caseRecord)]);
    expect(first?.id).toBe(second?.id);
    expect(first).toMatchObject({ number: 1, kind: 'draft', issuedOn: null });
  });

  it('saves a section with its errors per field; an incomplete draft cannot be issued', async () => {
    expect(await savePlanSection(caseworker, caseRecord.id, 'I', { text: '', setting: { name: 'Oak School', urn: '12', ukprn: '', withoutUrn: '', kind: '' } })).toEqual({
      ok: false,
      errors: { 'setting.urn': expect.stringMatching(/^errors\.plan\./) },
    });
    const refused = await issuePlanVersion(caseworker, await caseAt('plan_agreed'));
    expect(refused.ok).toBe(false);
    expect('missing' in refused && refused.missing.map((m) => m.section)).toEqual(expect.arrayContaining(['A', 'B', 'E', 'F']));
  });

  it('issues the draft: fixed with today\'s date, the case moves to "draft plan issued" and the family is told', async () => {
    const plan = written();
    for (const section of ['A', 'B', 'E', 'F'] as const) expect(await savePlanSection(caseworker, caseRecord.id, section, plan[section])).toEqual({ ok: true });
    const issued = await issuePlanVersion(caseworker, await caseAt('plan_agreed'), new Date('2026-12-07T10:00:00Z'));
    expect(issued).toEqual({ ok: true, number: 1 });
    expect((await caseAt('draft_plan_issued')).stage).toBe('draft_plan_issued');
    const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRecord.id), eq(caseEvents.kind, 'draft_plan_issued')));
    expect(events).toHaveLength(1);
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.template, 'draftPlanIssued'))).not.toHaveLength(0);
    expect(await planVersionsOf(caseRecord.id)).toMatchObject([{ number: 1, kind: 'draft', issuedOn: '2026-12-07', issuedBy: caseworker.name }]);
  });

  it('an issued version can be neither changed nor removed, even by the application\'s own connection', async () => {
    const refused = (error: unknown) => /cannot change/.test(String((error as { cause?: Error }).cause?.message ?? (error as Error).message));
    await expect(db.update(planVersions).set({ content: emptyPlan() }).where(eq(planVersions.caseId, caseRecord.id))).rejects.toSatisfy(refused);
    await expect(db.delete(planVersions).where(eq(planVersions.caseId, caseRecord.id))).rejects.toSatisfy(refused);
    await expect(db.execute(sql`update plan_versions set issued_on = null where case_id = ${caseRecord.id}`)).rejects.toSatisfy(refused);
  });

  it("the family's comments attach to the structured draft, and the final plan shows each with what the council did", async () => {
    const day = new Date('2026-12-07T15:00:00Z');
    expect(await addComment(parent, await caseAt('draft_plan_issued'), { section: 'F', body: 'Please say how often therapy happens.', formKey: crypto.randomUUID() }, day)).toEqual({ ok: true });
    const [comment] = await db.select().from(draftPlanComments).where(eq(draftPlanComments.caseId, caseRecord.id));
    const [draft] = await planVersionsOf(caseRecord.id);
    expect(comment.planVersionId).toBe(draft.id);
    await respondToComment(caseworker, caseRecord.id, comment.id, { response: 'changed', reasons: 'Section F now says weekly, 30 minutes.' }, day);
    expect(await commentsAnsweredBy(caseRecord.id, { kind: 'draft', number: 1 })).toEqual([]);
    expect(await commentsAnsweredBy(caseRecord.id, { kind: 'final', number: 2 })).toMatchObject([
      { section: 'F', body: 'Please say how often therapy happens.', authorName: parent.name, response: 'changed', responseReasons: 'Section F now says weekly, 30 minutes.' },
    ]);
  });

  it('the final plan starts from the draft, needs a named setting, and can be compared with it', async () => {
    const final = await versionBeingWritten(caseworker, caseRecord);
    expect(final).toMatchObject({ number: 2, kind: 'final' });
    expect(final?.content.A.text).toBe(written().A.text);
    const notReady = await issuePlanVersion(caseworker, await caseAt('draft_plan_issued'));
    expect('missing' in notReady && notReady.missing.map((m) => m.section)).toContain('I');
    await savePlanSection(caseworker, caseRecord.id, 'I', { text: 'A place at Oak School.', setting: { name: 'Oak School', urn: '123456', ukprn: '', withoutUrn: '', kind: 'mainstream' } });
    await savePlanSection(caseworker, caseRecord.id, 'A', { text: 'Sam loves trains and wants to be a train driver.' });
    expect(await issuePlanVersion(caseworker, await caseAt('draft_plan_issued'), new Date('2026-12-08T10:00:00Z'))).toEqual({ ok: true, number: 2 });
    expect((await caseAt('final_plan_issued')).stage).toBe('final_plan_issued');
    const compared = await comparePlanVersions(caseRecord.id, 1, 2);
    expect(compared?.changes.map((c) => c.section)).toEqual(['A', 'I']);
  });

  it('later versions are amendments and do not move the case', async () => {
    const amended = await versionBeingWritten(caseworker, caseRecord);
    expect(amended).toMatchObject({ number: 3, kind: 'amended' });
    expect(await issuePlanVersion(caseworker, await caseAt('final_plan_issued'))).toEqual({ ok: true, number: 3 });
    expect((await caseAt('final_plan_issued')).stage).toBe('final_plan_issued');
    expect(await comparePlanVersions(caseRecord.id, 2, 3)).toMatchObject({ changes: [] });
  });
});
