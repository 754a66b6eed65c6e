import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as childAction, loader as childLoader } from '~/routes/children.$childId';
import { loader as caseLoader } from '~/routes/cases.$caseId._index';
import { assessmentRequests, localAuthorities, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let parent: User, laId: string, teamId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  teamId = team.id;
  parent = await makeUser(db, 'parent');
});

const start = (childId: string) => settle(async () => childAction({ request: await requestAs(parent, `/children/${childId}`, { form: {} }), params: { childId }, context: {} }));
const childPage = async (childId: string) => (await settle(async () => childLoader({ request: await requestAs(parent, `/children/${childId}`), params: { childId }, context: {} }))).json();

describe('one request at a time (issue 15 bug 5b)', () => {
  it('while a case is open, the child page points to it and a posted start is refused beside the page, creating no draft', async () => {
    const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], stage: 'advice_gathering' });
    expect(await childPage(child.id)).toMatchObject({ openCaseId: caseRecord.id, hasDraft: false });
    const [a, b] = await Promise.all([start(child.id), start(child.id)]);
    expect([a.status, b.status]).toEqual([400, 400]);
    expect((await a.json()).errors).toEqual({ form: 'errors.request.caseOpen' });
    expect(await db.select().from(assessmentRequests).where(eq(assessmentRequests.childId, child.id))).toHaveLength(0);
  });

  it('once the case is closed, a new request can be started', async () => {
    const { child } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], stage: 'withdrawn' });
    expect(await childPage(child.id)).toMatchObject({ openCaseId: null });
    const started = await start(child.id);
    expect(started.status).toBe(302);
    expect(started.headers.get('Location')).toMatch(/^\/requests\//);
  });
});

describe('the family’s case page: steps, what they can do now, where to get help', () => {
  it('shows the current step, links only to what exists, and the council’s SENDIASS details (nothing it has not set)', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], requestReceived: '2026-01-05' });
    const page = async () => (await settle(async () => caseLoader({ request: await requestAs(parent, `/cases/${caseRecord.id}`), params: { caseId: caseRecord.id }, context: {} }))).json();
    const before = await page();
    expect(before.progress.steps.current).toBe('decisionToAssess');
    expect(before.progress.steps.finalPlanDueBy).toBe('2026-05-25');
    expect(before.progress.steps.canDoNow).toContain('sendMessage');
    expect(before.progress.steps.canDoNow).not.toContain('readFinalPlan');
    // The request is months old: its 6-week date has passed.
    expect(before.progress.steps.late).toBe(true);
    expect(before.help).toEqual({ hours: null, sendiass: null, localOfferUrl: null });
    // A link that is not https is left out rather than linked to.
    await db.update(localAuthorities).set({ sendiassName: 'Testshire SENDIASS', sendiassPhone: '01632 960000', localOfferUrl: 'http://localoffer.example' }).where(eq(localAuthorities.id, laId));
    expect((await page()).help).toEqual({ hours: null, sendiass: { name: 'Testshire SENDIASS', phone: '01632 960000', email: null, url: null }, localOfferUrl: null });
  });
});
