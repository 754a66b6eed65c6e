import { and, asc, eq, inArray } from 'drizzle-orm';
import { adviceOrganisations, adviceRequests, areaTeams, children, users, type Case } from '../../../db/schema';
import { adviceAccessEndsOn, professionalHasAccess } from '~/domain/advice';
import { getDb } from '~/db.server';
import { familySideOf } from '../family/index.server';

/**
 * "Who can see this case": every person and organisation with access to a child's case today,
 * and when that access ends, read from the same facts the policy decides on (app/auth/policy.ts).
 */

export type AccessHolder = { name: string; detail?: string };

export type CaseAccessList = {
  family: { name: string; kind: 'parent' | 'young_person'; access: 'full' | 'read' | 'none'; until: string | null }[];
  caseworker: AccessHolder | null;
  team: { name: string; members: string[] };
  managers: string[];
  advocates: { organisation: string; advocateName: string | null; scope: 'view' | 'act'; expiresOn: string }[];
  professionals: { name: string; until: string | null }[];
};

/**
 * Professionals who can read the case because they were asked for advice: while the request is
 * open (`until` null), then up to the end of its grace period.
 */
export async function professionalsWithAccess(caseId: string, today: string): Promise<{ name: string; until: string | null }[]> {
  const db = await getDb();
  const asked = await db
    .select({ name: users.name, state: adviceRequests.state, closedOn: adviceRequests.closedOn })
    .from(adviceRequests)
    .innerJoin(users, eq(users.id, adviceRequests.professionalId))
    .where(eq(adviceRequests.caseId, caseId))
    .orderBy(asc(users.name));
  return asked
    .filter((request) => professionalHasAccess(request, today))
    .map((request) => ({ name: request.name, until: request.state === 'open' || !request.closedOn ? null : adviceAccessEndsOn(request.closedOn) }));
}

export async function whoCanSee(caseRecord: Case, today: string): Promise<CaseAccessList> {
  const db = await getDb();
  const [child] = await db.select().from(children).where(eq(children.id, caseRecord.childId));
  const family = await familySideOf(child, today, db);
  const familyIds = [...family.parentIds, ...(family.youngPersonId ? [family.youngPersonId] : [])];
  const [familyUsers, team, teamMembers, managers, caseworker, professionals] = await Promise.all([
    familyIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, familyIds)) : Promise.resolve([]),
    db.select({ name: areaTeams.name }).from(areaTeams).where(eq(areaTeams.id, caseRecord.teamId)),
    db.select({ name: users.name }).from(users).where(and(eq(users.teamId, caseRecord.teamId), eq(users.role, 'caseworker'))).orderBy(asc(users.name)),
    db.select({ name: users.name }).from(users).where(and(eq(users.laId, caseRecord.laId), eq(users.role, 'manager'))).orderBy(asc(users.name)),
    caseRecord.caseworkerId ? db.select({ name: users.name }).from(users).where(eq(users.id, caseRecord.caseworkerId)) : Promise.resolve([]),
    professionalsWithAccess(caseRecord.id, today),
  ]);
  const nameOf = (id: string) => familyUsers.find((u) => u.id === id)?.name ?? '';
  const parentsUntil = family.control.controller === 'parent' && family.control.basis === 'child' ? family.control.youngPersonFrom : null;
  const organisations = await db.select({ id: adviceOrganisations.id, name: adviceOrganisations.name }).from(adviceOrganisations).where(eq(adviceOrganisations.laId, caseRecord.laId));
  const advocateIds = (family.advocateConsents ?? []).flatMap((c) => (c.advocateUserId ? [c.advocateUserId] : []));
  const advocateUsers = advocateIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, advocateIds)) : [];
  const advocates = (family.advocateConsents ?? []).map((c) => ({
    organisation: organisations.find((o) => o.id === c.adviceOrgId)?.name ?? '',
    advocateName: advocateUsers.find((u) => u.id === c.advocateUserId)?.name ?? null,
    scope: c.scope,
    expiresOn: c.expiresOn,
  }));
  return {
    family: [
      ...family.parentIds.map((id) => ({ name: nameOf(id), kind: 'parent' as const, access: family.parentAccess, until: parentsUntil })),
      ...(family.youngPersonId ? [{ name: nameOf(family.youngPersonId), kind: 'young_person' as const, access: 'full' as const, until: null }] : []),
    ],
    caseworker: caseworker[0] ? { name: caseworker[0].name } : null,
    team: { name: team[0]?.name ?? '', members: teamMembers.map((m) => m.name) },
    managers: managers.map((m) => m.name),
    advocates,
    professionals,
  };
}
