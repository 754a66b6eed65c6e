import type { Role } from '../../db/schema/people';

/**
 * The one policy: who may do what to which record. Pure, so it is tested as a matrix
 * (tests/unit/auth/policy.test.ts); every loader and action reaches it through
 * app/auth/access.server.ts.
 *
 * A denial is 'not_found' when the person has no reason to know the record exists (someone
 * else's child, another LA's case) and 'forbidden' when they do (an admin page, a case they can
 * read but not change).
 */
export type Actor = { id: string; role: Role; laId: string | null; teamId: string | null };

export type CaseSubject = {
  type: 'case';
  laId: string;
  teamId: string;
  caseworkerId: string | null;
  parentIds: readonly string[];
  youngPersonId: string | null;
  /** Professionals with an open advice request on this case. */
  professionalIds?: readonly string[];
};

export type LaSubject = { type: 'la'; laId: string };

/** A child's record, before any case exists (adding a child, starting a request). */
export type ChildSubject = { type: 'child'; laId: string; parentIds: readonly string[]; youngPersonId: string | null };

/** A request for assessment while it is still a draft: private to the family, or to the caseworker recording it. */
export type DraftRequestSubject = { type: 'draft_request'; laId: string; createdBy: string; parentIds: readonly string[]; youngPersonId: string | null };

export type Subject = CaseSubject | LaSubject | ChildSubject | DraftRequestSubject;

/**
 * read: see it; contribute: add to it as a party (requests, views); message: read and write the
 * case's thread with the council (professionals are not in it); decide: record LA decisions;
 * administer: manage users.
 */
export type Action = 'read' | 'contribute' | 'message' | 'decide' | 'administer';

export type Decision = 'allow' | 'not_found' | 'forbidden';

export const STAFF_ROLES: readonly Role[] = ['caseworker', 'manager'];
export const FAMILY_ROLES: readonly Role[] = ['parent', 'young_person'];

export function isStaff(actor: Pick<Actor, 'role'>) {
  return STAFF_ROLES.includes(actor.role);
}

export function decide(actor: Actor, action: Action, subject: Subject): Decision {
  switch (subject.type) {
    case 'case':
      return decideCase(actor, action, subject);
    case 'la':
      return decideLa(actor, action, subject);
    case 'child':
      return decideChild(actor, action, subject);
    case 'draft_request':
      return decideDraft(actor, action, subject);
  }
}

function isFamilyOf(actor: Actor, subject: { parentIds: readonly string[]; youngPersonId: string | null }) {
  return (actor.role === 'parent' && subject.parentIds.includes(actor.id)) || (actor.role === 'young_person' && subject.youngPersonId === actor.id);
}

function decideChild(actor: Actor, action: Action, subject: ChildSubject): Decision {
  if (isFamilyOf(actor, subject)) return action === 'read' || action === 'contribute' ? 'allow' : 'forbidden';
  if (isStaff(actor) && actor.laId === subject.laId) return action === 'administer' ? 'forbidden' : 'allow';
  return 'not_found';
}

function decideDraft(actor: Actor, action: Action, subject: DraftRequestSubject): Decision {
  // A family's draft is theirs alone until they submit it; a caseworker's draft (a request that
  // arrived by phone or letter) is the LA's.
  if (subject.createdBy === actor.id) return action === 'administer' ? 'forbidden' : 'allow';
  if (isFamilyOf(actor, subject)) return action === 'read' || action === 'contribute' ? 'allow' : 'forbidden';
  const recordedByStaff = !subject.parentIds.includes(subject.createdBy) && subject.youngPersonId !== subject.createdBy;
  if (recordedByStaff && isStaff(actor) && actor.laId === subject.laId) return action === 'administer' ? 'forbidden' : 'allow';
  return 'not_found';
}

function decideCase(actor: Actor, action: Action, subject: CaseSubject): Decision {
  if (isFamilyOf(actor, subject)) {
    return action === 'read' || action === 'contribute' || action === 'message' ? 'allow' : 'forbidden';
  }
  if (isStaff(actor) && actor.laId === subject.laId) {
    return action === 'administer' ? 'forbidden' : 'allow';
  }
  if (actor.role === 'la_admin' && actor.laId === subject.laId) {
    // Admins manage accounts; they do not read children's records.
    return 'forbidden';
  }
  if (actor.role === 'professional' && subject.professionalIds?.includes(actor.id)) {
    return action === 'read' ? 'allow' : 'forbidden';
  }
  return 'not_found';
}

function decideLa(actor: Actor, action: Action, subject: LaSubject): Decision {
  if (actor.laId !== subject.laId) return 'forbidden';
  if (action === 'administer') return actor.role === 'la_admin' ? 'allow' : 'forbidden';
  if (action === 'read') return isStaff(actor) || actor.role === 'la_admin' ? 'allow' : 'forbidden';
  return 'forbidden';
}
