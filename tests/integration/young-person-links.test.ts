import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as childAction } from '~/routes/children.$childId';
import { addDays, todayInLondon } from '~/domain/timescales';
import { inviteYoungPerson } from '~/features/identity/index.server';
import type { Database } from '../../db/client';
import { capacityRecords, children, users, type Child, type User } from '../../db/schema';
import { makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeChild } from '../support/request-factories';
import { useMailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, item 13: no one is attached as a young person to a child who is not one, and only a
 * young person's own account is ever attached, whatever the page showed and whatever was posted.
 */
let db: Database;
let parent: User, otherParent: User, caseworker: User, linkedYoungPerson: User;
let tenYearOld: Child, seventeenYearOld: Child;

const yearsAgo = (years: number) => addDays(todayInLondon(), -Math.round(years * 365.25));

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await useMailSink();
  const { la, team } = await makeLa(db);
  parent = await makeUser(db, 'parent');
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  linkedYoungPerson = await makeUser(db, 'young_person');
  const make = async (years: number, extra: Partial<Child> = {}) => {
    const child = await makeChild(db, { laId: la.id, parentIds: [parent.id] });
    const [updated] = await db.update(children).set({ dateOfBirth: yearsAgo(years), ...extra }).where(eq(children.id, child.id)).returning();
    return updated;
  };
  tenYearOld = await make(10);
  seventeenYearOld = await make(17);
  // Someone else's young person, already linked to their own record.
  const elsewhere = await makeChild(db, { laId: la.id, parentIds: [otherParent.id], youngPersonUserId: linkedYoungPerson.id });
  await db.update(children).set({ dateOfBirth: yearsAgo(18) }).where(eq(children.id, elsewhere.id));
});

const post = (user: User, child: Child, form: Record<string, string>) =>
  settle(async () => childAction({ request: await requestAs(user, `/children/${child.id}`, { form }), params: { childId: child.id }, context: {} }));

const youngPersonOf = async (child: Child) => (await db.select({ id: children.youngPersonUserId }).from(children).where(eq(children.id, child.id)))[0].id;
const accountFor = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0];

describe('a child who is not yet a young person', () => {
  it('a parent posting the invitation directly is refused and nothing is linked or made', async () => {
    const response = await post(parent, tenYearOld, { intent: 'invite-young-person', email: 'too-young@example.com' });
    expect(response.status).toBe(403);
    expect(await youngPersonOf(tenYearOld)).toBeNull();
    expect(await accountFor('too-young@example.com')).toBeUndefined();
  });

  it("every other young person's intent is refused too: a record that they lack capacity is not kept", async () => {
    const capacity = await post(parent, tenYearOld, { intent: 'lacks-capacity', explanation: 'Set up in advance.', confirm: 'yes' });
    expect(capacity.status).toBe(403);
    expect(await db.select().from(capacityRecords).where(eq(capacityRecords.childId, tenYearOld.id))).toHaveLength(0);
    expect((await post(parent, tenYearOld, { intent: 'withdraw-capacity', reason: 'No longer right.' })).status).toBe(403);
  });

  it('the service that links refuses as well, whoever calls it', async () => {
    expect(await inviteYoungPerson(parent, tenYearOld, 'too-young@example.com')).toEqual({ ok: false, error: 'errors.youngPerson.notYet' });
    expect(await youngPersonOf(tenYearOld)).toBeNull();
    expect(await accountFor('too-young@example.com')).toBeUndefined();
  });
});

describe('a young person: only their own account', () => {
  it("a parent's, a member of staff's, or another record's young person's account is refused, with a field error", async () => {
    for (const someone of [otherParent, parent, caseworker, linkedYoungPerson]) {
      const response = await post(parent, seventeenYearOld, { intent: 'invite-young-person', email: someone.email });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: { email: 'errors.youngPerson.emailInUse' } });
    }
    expect(await youngPersonOf(seventeenYearOld)).toBeNull();
    expect((await accountFor(parent.email)).role).toBe('parent');
  });

  it('a new address is invited and linked; a second invitation is refused', async () => {
    expect((await post(parent, seventeenYearOld, { intent: 'invite-young-person', email: 'rowan@example.com' })).status).toBe(302);
    const rowan = await accountFor('rowan@example.com');
    expect(rowan.role).toBe('young_person');
    expect(await youngPersonOf(seventeenYearOld)).toBe(rowan.id);
    const [linked] = await db.select().from(children).where(eq(children.id, seventeenYearOld.id));
    expect(await inviteYoungPerson(parent, linked, 'someone-else@example.com')).toEqual({ ok: false, error: 'errors.youngPerson.alreadyLinked' });
    expect(await youngPersonOf(seventeenYearOld)).toBe(rowan.id);
  });
});
