import { and, eq, inArray, isNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { advocateConsents, capacityRecords, childParents, children, users, type AdvocateConsent, type Child, type User } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { decideFamilySide, type Permission } from '~/auth/policy';
import { isLive, type ConsentFacts, type LiveConsent } from '~/domain/consent';
import { todayInLondon } from '~/domain/timescales';
import { caseControl, youngPersonDecides, type CaseControl } from '~/domain/young-person';
import { getDb } from '~/db.server';
import { controlOf } from './young-person.server';

/**
 * The family side of a child's case, as the policy sees it today: the parents, the young person,
 * how far the parents' access reaches (the young person's handover and capacity records) and the
 * advocates' live consents. Pages check access with it (app/auth/access.server.ts); emails are
 * addressed with it (`familyAudience`), so the two can never disagree.
 */
export async function familySideOf(child: Child, today: string, db?: Database | Transaction) {
  const handle = db ?? (await getDb());
  const [parents, control, consents] = await Promise.all([
    handle.select({ userId: childParents.userId }).from(childParents).where(eq(childParents.childId, child.id)),
    controlOf(child, today, handle),
    handle
      .select()
      .from(advocateConsents)
      .where(and(eq(advocateConsents.childId, child.id), isNull(advocateConsents.revokedAt))),
  ]);
  return familySide(child, parents.map((p) => p.userId), control, consents, today);
}

/**
 * The same facts as columns beside a row naming the child (`childId`), so a page's guard reads
 * the case and its family side in one statement (issue 17); `familySideFromFacts` reads them.
 */
export function familyFactsSql(childId: SQL | AnyColumn) {
  return {
    parentIds: sql<string[]>`coalesce((select json_agg(cp.user_id) from ${childParents} cp where cp.child_id = ${childId}), '[]'::json)`,
    lacksCapacityRecorded: sql<boolean>`exists (select 1 from ${capacityRecords} cr where cr.child_id = ${childId} and cr.withdrawn_at is null)`,
    consents: sql<StoredConsent[]>`coalesce((select json_agg(json_build_object('id', c.id, 'adviceOrgId', c.advice_org_id, 'advocateUserId', c.advocate_user_id, 'scope', c.scope, 'grantedBy', c.granted_by, 'expiresOn', c.expires_on, 'revokedAt', c.revoked_at, 'confirmedByYoungPersonAt', c.confirmed_by_young_person_at)) from ${advocateConsents} c where c.child_id = ${childId} and c.revoked_at is null), '[]'::json)`,
  };
}

export type FamilyFacts = { parentIds: string[]; lacksCapacityRecorded: boolean; consents: StoredConsent[] };

export function familySideFromFacts(child: Child, facts: FamilyFacts, today: string) {
  const control = caseControl(
    { dateOfBirth: child.dateOfBirth, youngPersonHasAccount: Boolean(child.youngPersonUserId), parentAccessAgreed: Boolean(child.parentAccessAgreedAt), lacksCapacityRecorded: facts.lacksCapacityRecorded },
    today,
  );
  return familySide(child, facts.parentIds, control, facts.consents, today);
}

/** What a consent row holds that the rules read. */
type StoredConsent = Pick<AdvocateConsent, 'id' | 'adviceOrgId' | 'advocateUserId' | 'scope' | 'grantedBy' | 'expiresOn'> & Pick<ConsentFacts, 'revokedAt' | 'confirmedByYoungPersonAt'>;

function familySide(child: Child, parentIds: string[], control: CaseControl, consents: readonly StoredConsent[], today: string) {
  return {
    parentIds,
    youngPersonId: child.youngPersonUserId,
    parentAccess: control.parentAccess,
    decider: control.controller,
    advocateConsents: liveConsents(consents, child, control, today),
    control,
  };
}

/** A stored consent as the pure rules read it (app/domain/consent.ts). */
export function consentFacts<C extends Pick<AdvocateConsent, 'grantedBy'>>(consent: C, child: Pick<Child, 'youngPersonUserId'>) {
  return { ...consent, grantedByParent: consent.grantedBy !== child.youngPersonUserId };
}

function liveConsents(consents: readonly StoredConsent[], child: Child, control: CaseControl, today: string): LiveConsent[] {
  return consents
    .filter((c) => isLive(consentFacts(c, child), today, youngPersonDecides(control)))
    .map((c) => ({ consentId: c.id, adviceOrgId: c.adviceOrgId, advocateUserId: c.advocateUserId, scope: c.scope, grantedBy: c.grantedBy, expiresOn: c.expiresOn }));
}

/**
 * Everyone on the family side who may `permission` on the child's case today, and so hears of it: the
 * one answer to "who is the family" for every email and notice. A parent the young person has
 * not shared the case with gets nothing; an advocate only within a live consent's scope (a
 * 'view' consent reads the case but not the thread).
 */
export async function familyAudience(tx: Database | Transaction, childId: string, permission: Extract<Permission, 'read:case' | 'read:thread'>, today = todayInLondon()): Promise<User[]> {
  const [child] = await tx.select().from(children).where(eq(children.id, childId));
  if (!child) return [];
  const side = await familySideOf(child, today, tx);
  const consents = side.advocateConsents;
  const ids = [...side.parentIds, ...(side.youngPersonId ? [side.youngPersonId] : []), ...consents.flatMap((c) => (c.advocateUserId ? [c.advocateUserId] : []))];
  const wholeOrganisations = consents.filter((c) => !c.advocateUserId).map((c) => c.adviceOrgId);
  const matches = [
    ...(ids.length > 0 ? [inArray(users.id, ids)] : []),
    ...(wholeOrganisations.length > 0 ? [and(eq(users.role, 'advocate'), inArray(users.adviceOrgId, wholeOrganisations))] : []),
  ];
  if (matches.length === 0) return [];
  // A leaver's account (deactivated) hears nothing.
  const candidates = await tx.select().from(users).where(and(isNull(users.deactivatedAt), or(...matches)));
  return candidates.filter((person) => decideFamilySide(person, permission, side) === 'allow');
}
