import type { Role } from '../../db/schema/people';
import { consentFor, scopeAllows, type LiveConsent } from '../domain/consent';
import type { ParentAccess } from '../domain/young-person';

/**
 * The one policy: who may do what to which record. Pure, so it is tested as a matrix
 * (tests/unit/auth/policy.test.ts); every loader and action reaches it through
 * app/auth/access.server.ts.
 *
 * A denial is 'not_found' when the person has no reason to know the record exists (someone
 * else's child, another LA's case) and 'forbidden' when they do (an admin page, a case they can
 * read but not change).
 */
export type Actor = { id: string; role: Role; laId: string | null; teamId: string | null; adviceOrgId?: string | null };

/**
 * What every record of a child carries for the family side: the parents, the young person, how
 * far the parents' access reaches now (app/domain/young-person.ts; 'full' when left out) and the
 * advocates' live consents (app/domain/consent.ts).
 */
export type FamilySide = {
  parentIds: readonly string[];
  youngPersonId: string | null;
  parentAccess?: ParentAccess;
  advocateConsents?: readonly LiveConsent[];
};

export type CaseSubject = FamilySide & {
  type: 'case';
  laId: string;
  teamId: string;
  caseworkerId: string | null;
  /** Professionals with an advice request on this case that is open or within its grace period (app/domain/advice.ts). */
  professionalIds?: readonly string[];
};

export type LaSubject = { type: 'la'; laId: string };

/** A child's record, before any case exists (adding a child, starting a request). */
export type ChildSubject = FamilySide & { type: 'child'; laId: string };

/** A request for assessment while it is still a draft: private to the family, or to the caseworker recording it. */
export type DraftRequestSubject = FamilySide & { type: 'draft_request'; laId: string; createdBy: string };

/**
 * Someone's account, as an LA admin sees it: the LA it belongs to (staff and professionals
 * directly; an adviser through their advice organisation; families to none).
 */
export type AccountSubject = { type: 'account'; userId: string; role: Role; laId: string | null };

/**
 * An uploaded document, by what it belongs to (how app/auth/access.server.ts finds out: see
 * `loadDocumentSubject`). Whoever may read that record on its page may download the document;
 * no one else. There is no rule for a document of its own.
 *
 * - request: sent with a request for assessment (a draft, or the submitted request, which is
 *   the family's own contribution to its case);
 * - thread: attached to a message in the case's thread;
 * - advice: a professional's report, with the advice it belongs to;
 * - plan: the draft or final EHC plan;
 * - views: a picture in the family's "All about me" views.
 */
export type DocumentSubject = {
  type: 'document';
  belongsTo:
    | { kind: 'draft_request'; request: DraftRequestSubject }
    | { kind: 'request'; case: CaseSubject }
    | { kind: 'thread'; case: CaseSubject }
    | { kind: 'advice'; case: CaseSubject; professionalId: string; advice: AdviceRelease }
    | { kind: 'plan'; case: CaseSubject }
    | { kind: 'views'; case: CaseSubject };
};

/** How far a professional's advice has gone: still theirs (open or cancelled), submitted but held back from the family, or released. */
export type AdviceRelease = 'unsubmitted' | 'withheld' | 'released';

export type Subject = CaseSubject | LaSubject | ChildSubject | DraftRequestSubject | AccountSubject | DocumentSubject;

/**
 * read: see it; contribute: add to it as a party (requests, views, comments on the draft plan);
 * advise: write the advice a professional was asked for; message: read and write the case's
 * thread with the council (professionals are not in it); decide: record LA decisions;
 * administer: manage users; share: give, change or revoke an advocate's consent for the
 * child's case (the family member who decides, never the advocate).
 */
export type Action = 'read' | 'contribute' | 'advise' | 'message' | 'decide' | 'administer' | 'share';

export type Decision = 'allow' | 'not_found' | 'forbidden';

export const STAFF_ROLES: readonly Role[] = ['caseworker', 'manager'];
export const FAMILY_ROLES: readonly Role[] = ['parent', 'young_person'];

/** Staff manage nothing of accounts here, never write a professional's advice, and never give a family's consent. */
const staffMayNot: readonly Action[] = ['administer', 'advise', 'share'];

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
    case 'account':
      return decideAccount(actor, action, subject);
    case 'document':
      return decideDocument(actor, action, subject);
  }
}

function isFamilyOf(actor: Actor, subject: FamilySide) {
  return (actor.role === 'parent' && subject.parentIds.includes(actor.id)) || (actor.role === 'young_person' && subject.youngPersonId === actor.id);
}

/**
 * The family side's rights: the young person always; a parent as far as `parentAccess` reaches
 * ('read' while a new young person's account is pending; 'none' once the young person has not
 * agreed to share). Null: not family.
 */
function familyDecision(actor: Actor, action: Action, subject: FamilySide, allowed: readonly Action[]): Decision | null {
  if (!isFamilyOf(actor, subject)) return null;
  const parentAccess = actor.role === 'parent' ? (subject.parentAccess ?? 'full') : 'full';
  if (parentAccess === 'none') return 'forbidden';
  if (parentAccess === 'read') return action === 'read' ? 'allow' : 'forbidden';
  return allowed.includes(action) ? 'allow' : 'forbidden';
}

/**
 * An advocate acts only under a live consent, within its scope. Without one the record does not
 * exist for them (404): consent revoked or expired means gone at once.
 */
function advocateDecision(actor: Actor, action: Action, subject: FamilySide): Decision | null {
  if (actor.role !== 'advocate') return null;
  const consent = consentFor(actor, subject.advocateConsents);
  if (!consent) return 'not_found';
  return scopeAllows(consent.scope, action) ? 'allow' : 'forbidden';
}

/**
 * What someone on the family side of a case (a parent, the young person, an advocate) may do
 * there: the case rule without the staff branches. It decides who of the family hears of a
 * case's news (app/services/family.server.ts `familyAudience`), so emails follow the page rule.
 */
export function decideFamilySide(actor: Actor, action: Action, subject: FamilySide): Decision {
  return familyDecision(actor, action, subject, caseFamilyActions) ?? advocateDecision(actor, action, subject) ?? 'not_found';
}

const caseFamilyActions: readonly Action[] = ['read', 'contribute', 'message', 'share'];

function decideChild(actor: Actor, action: Action, subject: ChildSubject): Decision {
  // On the child's record a parent whose access is 'read' may still contribute (invite the young
  // person, record a lack of capacity); one the young person has not shared with still sees the
  // record itself, to be told so, but nothing of the case.
  const parentAccess = subject.parentAccess === 'read' ? 'full' : subject.parentAccess === 'none' ? 'read' : subject.parentAccess;
  const family = familyDecision(actor, action, { ...subject, parentAccess }, ['read', 'contribute', 'share']);
  if (family) return family;
  const advocate = advocateDecision(actor, action, subject);
  if (advocate) return advocate;
  if (isStaff(actor) && actor.laId === subject.laId) return staffMayNot.includes(action) ? 'forbidden' : 'allow';
  return 'not_found';
}

function decideDraft(actor: Actor, action: Action, subject: DraftRequestSubject): Decision {
  // A family's draft is theirs alone until they submit it; a caseworker's draft (a request that
  // arrived by phone or letter) is the LA's.
  const family = familyDecision(actor, action, subject, ['read', 'contribute']);
  if (family) return family;
  const recordedByStaff = !subject.parentIds.includes(subject.createdBy) && subject.youngPersonId !== subject.createdBy;
  if (subject.createdBy === actor.id) return staffMayNot.includes(action) ? 'forbidden' : 'allow';
  // An advocate may finish a family's draft, never a caseworker's.
  if (!recordedByStaff) {
    const advocate = advocateDecision(actor, action, subject);
    if (advocate) return advocate === 'allow' && action !== 'read' && action !== 'contribute' ? 'forbidden' : advocate;
  }
  if (recordedByStaff && isStaff(actor) && actor.laId === subject.laId) return staffMayNot.includes(action) ? 'forbidden' : 'allow';
  return 'not_found';
}

function decideCase(actor: Actor, action: Action, subject: CaseSubject): Decision {
  const family = familyDecision(actor, action, subject, caseFamilyActions);
  if (family) return family;
  const advocate = advocateDecision(actor, action, subject);
  if (advocate) return advocate;
  if (isStaff(actor) && actor.laId === subject.laId) {
    return staffMayNot.includes(action) ? 'forbidden' : 'allow';
  }
  if (actor.role === 'la_admin' && actor.laId === subject.laId) {
    // Admins manage accounts; they do not read children's records.
    return 'forbidden';
  }
  if (actor.role === 'professional' && subject.professionalIds?.includes(actor.id)) {
    // The case summary they were asked about and their own advice; never the family's thread,
    // the family's own contributions or the LA's decisions.
    return action === 'read' || action === 'advise' ? 'allow' : 'forbidden';
  }
  return 'not_found';
}

/**
 * A document is read by whoever may read what it belongs to, as its page decides; nothing else
 * is ever done to a document through this rule (adding or removing one is decided on the record
 * it is added to), so every other action is refused to those who may read it.
 */
function decideDocument(actor: Actor, action: Action, subject: DocumentSubject): Decision {
  const read = documentReader(actor, subject.belongsTo);
  return action === 'read' || read !== 'allow' ? read : 'forbidden';
}

function documentReader(actor: Actor, owner: DocumentSubject['belongsTo']): Decision {
  switch (owner.kind) {
    case 'draft_request':
      return decideDraft(actor, 'read', owner.request);
    case 'request':
      // The family's own contribution: read with the case, but not by the professionals asked
      // for advice (as the request's own pages: requireRequestAccess).
      return decideCase(actor, 'read', { ...owner.case, professionalIds: [] });
    case 'thread':
      // Whoever may open the thread: never a professional, nor an adviser with a view-only consent.
      return decideCase(actor, 'message', owner.case);
    case 'advice': {
      const read = decideCase(actor, 'read', owner.case);
      if (read !== 'allow') return read;
      // A professional sees their own report while they may still advise; the council, advice
      // once submitted (a draft stays the professional's); the family side, advice submitted and
      // not held back. To anyone else the report does not exist.
      if (actor.role === 'professional') return owner.professionalId === actor.id && decideCase(actor, 'advise', owner.case) === 'allow' ? 'allow' : 'not_found';
      if (isStaff(actor)) return owner.advice === 'unsubmitted' ? 'not_found' : 'allow';
      return owner.advice === 'released' ? 'allow' : 'not_found';
    }
    case 'plan': {
      // The plan page is the family's and the council's: professionals never see it.
      const read = decideCase(actor, 'read', owner.case);
      return read === 'allow' && actor.role === 'professional' ? 'forbidden' : read;
    }
    case 'views':
      return decideCase(actor, 'read', owner.case);
  }
}

function decideLa(actor: Actor, action: Action, subject: LaSubject): Decision {
  if (actor.laId !== subject.laId) return 'forbidden';
  if (action === 'administer') return actor.role === 'la_admin' ? 'allow' : 'forbidden';
  if (action === 'read') return isStaff(actor) || actor.role === 'la_admin' ? 'allow' : 'forbidden';
  return 'forbidden';
}

/** The accounts an LA admin may switch off and on (ADR 0017): its staff, professionals and advisers. */
export const MANAGED_ACCOUNT_ROLES: readonly Role[] = ['caseworker', 'manager', 'la_admin', 'professional', 'advocate'];

/**
 * 'read' is seeing the account on the admin pages; 'administer' is deactivating or reactivating
 * it. An admin never switches off their own account (a council must not lock itself out by a
 * slip). Accounts outside the admin's LA, and families', do not exist for them.
 */
function decideAccount(actor: Actor, action: Action, subject: AccountSubject): Decision {
  if (actor.role !== 'la_admin' || actor.laId === null || subject.laId !== actor.laId || !MANAGED_ACCOUNT_ROLES.includes(subject.role)) return 'not_found';
  if (action === 'read') return 'allow';
  if (action === 'administer') return subject.userId === actor.id ? 'forbidden' : 'allow';
  return 'forbidden';
}
