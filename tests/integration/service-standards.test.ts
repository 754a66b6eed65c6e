import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as standardsAction, loader as standardsLoader } from '~/routes/admin.service-standards';
import { postMessage, threadClock, threadOf } from '~/features/messaging/index.server';
import { standardsOf } from '~/tenancy/council.server';
import { addDays, todayInLondon } from '~/domain/timescales';
import { auditLog, localAuthorities, serviceStandardHistory, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let admin: User, otherAdmin: User, caseworker: User, parent: User;
let laId: string, otherLaId: string, caseId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  const other = await makeLa(db, 'Other Council');
  laId = la.id;
  otherLaId = other.la.id;
  admin = await makeUser(db, 'la_admin', { laId });
  otherAdmin = await makeUser(db, 'la_admin', { laId: otherLaId });
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: team.id });
  parent = await makeUser(db, 'parent');
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id }));
});

const change = (user: User, form: Record<string, string>) =>
  settle(async () => standardsAction({ request: await requestAs(user, '/admin/service-standards', { form }), params: {}, context: {} }));
const show = (user: User) => settle(async () => standardsLoader({ request: await requestAs(user, '/admin/service-standards'), params: {}, context: {} }));

describe('the LA admin sets the service standards', () => {
  it('only an LA admin may, and only for their own council', async () => {
    expect((await show(caseworker)).status).toBe(403);
    expect((await change(caseworker, { acknowledgeWithin: '1', replyWithin: '2' })).status).toBe(403);
    expect((await show(parent)).status).toBe(403);
    const page = await (await show(admin)).json();
    expect(page.periods).toEqual([{ acknowledgeWithin: 2, replyWithin: 5, from: null, until: null }]);
  });

  it.each([
    [{ acknowledgeWithin: '', replyWithin: '' }, { acknowledgeWithin: 'errors.standards.acknowledgeRequired', replyWithin: 'errors.standards.replyRequired' }],
    [{ acknowledgeWithin: '0', replyWithin: '21' }, { acknowledgeWithin: 'errors.standards.acknowledgeRange', replyWithin: 'errors.standards.replyRange' }],
    [{ acknowledgeWithin: 'two', replyWithin: '2.5' }, { acknowledgeWithin: 'errors.standards.acknowledgeRange', replyWithin: 'errors.standards.replyRange' }],
    [{ acknowledgeWithin: '5', replyWithin: '3' }, { replyWithin: 'errors.standards.replyBeforeAcknowledge' }],
  ])('refuses %j beside the field, keeping what was typed', async (form, errors) => {
    const refused = await change(admin, form);
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors).toEqual(errors);
    expect(body.values).toMatchObject(form);
  });

  it('new standards start tomorrow; a family already waiting keeps the date it was given; a double submit writes once', async () => {
    await postMessage(parent, caseId, laId, { body: 'When is the panel?', substantive: false, formKey: crypto.randomUUID() });
    const before = threadClock(await threadOf(caseId), await standardsOf(laId));

    const form = { acknowledgeWithin: '1', replyWithin: '3' };
    const [a, b] = await Promise.all([change(admin, form), change(admin, form)]);
    const tomorrow = addDays(todayInLondon(), 1);
    expect([a.headers.get('Location'), b.headers.get('Location')]).toContain(`/admin/service-standards?from=${tomorrow}`);
    expect(await db.select().from(serviceStandardHistory).where(eq(serviceStandardHistory.laId, laId))).toMatchObject([
      { acknowledgeWithin: 2, replyWithin: 5, until: tomorrow, changedBy: admin.id },
    ]);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'change:service_standards'))).toHaveLength(1);

    // Changed again the same day: the standards that applied until now are still the ones kept.
    await change(admin, { acknowledgeWithin: '2', replyWithin: '4' });
    expect(await db.select().from(serviceStandardHistory).where(eq(serviceStandardHistory.laId, laId))).toHaveLength(1);

    expect(threadClock(await threadOf(caseId), await standardsOf(laId))).toEqual(before);
    const page = await (await show(admin)).json();
    expect(page.periods).toEqual([
      { acknowledgeWithin: 2, replyWithin: 5, from: null, until: tomorrow },
      { acknowledgeWithin: 2, replyWithin: 4, from: tomorrow, until: null },
    ]);
    const [otherLa] = await db.select().from(localAuthorities).where(eq(localAuthorities.id, otherLaId));
    expect(otherLa).toMatchObject({ acknowledgeWithin: 2, replyWithin: 5 });
    expect((await (await show(otherAdmin)).json()).periods).toHaveLength(1);
  });
});
