import type { Role } from '../../db/schema/people';
import type { SettingRole } from '../domain/vocabulary';
import { consentFor, scopeAllows, type LiveConsent } from '../domain/consent';
import type { ParentAccess } from '../domain/young-person';
import type { AdviceRelease } from '../domain/advice';

/**
 * The one policy: who may do what to which record. Pure, so it is tested as a matrix
 * (tests/unit/auth/policy.test.ts); every loader and action reaches it through
 * app/auth/access.server.ts.
 *
 * A denial is 'not_found' when the person has no reason to know the record exists (someone
 * else's child, another LA's case) and 'forbidden' when they do (an admin page, a case they can
 * read but not change).
 */
export type Actor = {
  id: string;
  role: Role;
  laId: string | null;
  teamId: string | null;
  adviceOrgId?: string | null;
  /** Setting staff: their school, college or early-years setting, and their place there. */
  settingId?: string | null;
  settingRole?: SettingRole | null;
};

/**
 * What every record of a child carries for the family side: the parents, the young person, how
 * far the parents' access reaches now (app/domain/young-person.ts; 'full' when left out) and the
 * advocates' live consents (app/domain/consent.ts).
 */
export type FamilySide = {
  parentIds: readonly string[];
  youngPersonId: string | null;
  parentAccess?: ParentAccess;
  /** Who decides for the child today (app/domain/young-person.ts `caseControl`); left out: the parents. */
  decider?: 'parent' | 'young_person';
  advocateConsents?: readonly LiveConsent[];
};

export type CaseSubject = FamilySide & {
  type: 'case';
  laId: string;
  teamId: string;
  caseworkerId: string | null;
  /** Professionals with an advice request on this case that is open or within its grace period (app/domain/advice.ts). */
  professionalIds?: readonly string[];
  /**
   * The settings whose staff work on this child's case (issue 14): the setting the case names,
   * and the one that asked for the assessment. Their staff read the case, its plan and its
   * reviews; never the family's thread, notes or advice.
   */
  settingIds?: readonly string[];
  /** The setting that asked for the assessment, if one did: its staff read that request. */
  requestingSettingId?: string | null;
};

export type LaSubject = { type: 'la'; laId: string };

/** A school, college or early-years setting's own pages: its staff and its children's reviews. */
export type SettingSubject = { type: 'setting'; laId: string; settingId: string };

/** A child's record, before any case exists (adding a child, starting a request). */
export type ChildSubject = FamilySide & { type: 'child'; laId: string };

/** A request for assessment while it is still a draft: private to the family, or to the caseworker recording it. */
export type DraftRequestSubject = FamilySide & { type: 'draft_request'; laId: string; createdBy: string };

/**
 * Someone's account, as an LA admin sees it: the LA it belongs to (staff and professionals
 * directly; an adviser through their advice organisation; families to none).
 */
export type AccountSubject = { type: 'account'; userId: string; role: Role; laId: string | null; /** Setting staff: their setting, whose lead manages the account. */ settingId?: string | null };

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
    | { kind: 'views'; case: CaseSubject }
    | { kind: 'review'; case: CaseSubject };
};

export type { AdviceRelease };

/**
 * A professional's advice, on its own page: the case it belongs to, who was asked, and how far it
 * has gone (app/domain/advice.ts `adviceRelease`).
 */
export type AdviceSubject = { type: 'advice'; case: CaseSubject; professionalId: string; release: AdviceRelease };

/**
 * A subject access request (ADR 0034): the council that answers it, who asked, and whether the
 * export has been released to them.
 */
export type SubjectAccessSubject = { type: 'subject_access'; laId: string; requesterId: string; released: boolean };

/**
 * A request to correct a child's record (ADR 0038): the council that decides it, who asked, and
 * the caseworkers of the child's cases there (who decide it with the council's managers).
 */
export type RectificationSubject = { type: 'rectification'; laId: string; requesterId: string; caseworkerIds: readonly string[] };

/** Pages of the portal that belong to no record and no LA: the person's own lists and forms. */
export type PortalSubject = { type: 'portal' };
export const PORTAL: PortalSubject = { type: 'portal' };

export type Subject = CaseSubject | LaSubject | SettingSubject | ChildSubject | DraftRequestSubject | AccountSubject | DocumentSubject | AdviceSubject | SubjectAccessSubject | RectificationSubject | PortalSubject;

/**
 * What a person may do, named by verb and resource at the grain of a page or a button
 * (docs/decisions/0022-policy-vocabulary.md). Every loader and action asks for one of these on
 * a subject; a permission asked on a subject it is not about is refused ('forbidden').
 */
export const PERMISSIONS = [
  // A child's case (CaseSubject).
  'read:case', // its summary and timeline
  'read:case-sharing', // who can see the child's record, and the way to the access log
  'read:thread', // the messages between the family and the council
  'post:message',
  'read:advice', // the advice list of a case (CaseSubject) and one piece of advice (AdviceSubject)
  'read:unreleased-advice', // every request for advice, held back or not yet submitted, and why
  'read:views',
  'write:parent-views', // a parent's own views
  'write:child-views', // the child's views: the young person's own, or written down by a parent
  'read:plan',
  'comment:plan', // the family's comments and preferences on the draft plan
  'read:meetings',
  'record:decision', // the council's decisions and records: commands, advice requests, the plan, meetings
  'share:case', // see and manage who acts for the family (advocates) from the case
  'read:case-notes', // the council's own working notes on a case, never shown to the family side
  'write:case-notes',
  'reassign:case', // give an allocated case to another caseworker (a manager's call)
  'read:access-log', // who has opened the child's record, from the audit log (ADR 0035)
  'record:sen2-details', // the case's details for the SEN2 return: needs, budget, placements (ADR 0053), the council's staff
  'read:interpreters', // the family's requests for an interpreter and their bookings
  'request:interpreter', // ask for an interpreter for a meeting or a call (the family side)
  'book:interpreter', // book one from the council's list (the council)
  'read:complaints', // a case's complaints and their letters (CaseSubject); the council's list and figures (LaSubject: managers)
  'make:complaint', // complain about the case, and take it to stage 2 (the family, or an adviser who acts for them)
  'respond:complaint', // record one received by phone or letter, acknowledge, answer, close: the case's caseworker or a manager
  'read:review', // the annual reviews of the plan, their steps and dates
  'arrange:review', // set the review meeting and send its notice: the council or the child's setting
  'report:review', // the meeting's report and recommendations: the child's setting, or the council
  'decide:review', // keep, amend or cease the plan after a review: the council
  'comment:review-amendments', // the family's comments on the proposed amendments
  'give:feedback', // answer the family feedback survey for a step of the case (ADR 0052)
  'read:appeals', // mediation certificates, Tribunal appeals and what the council was ordered to do (ADR 0051)
  'record:appeal', // record them: the council
  // A request for assessment (DraftRequestSubject; once submitted, its CaseSubject).
  'read:request',
  'edit:request',
  // A child's record (ChildSubject).
  'read:child',
  'read:child-cases', // the child's cases and draft, on the child's page
  'start:request',
  'share:child', // give, change or revoke an advocate's consent; invite the young person
  'request:subject-access', // ask the council holding the child's record for a copy of one's own data
  'request:rectification', // ask the council to correct the child's details (name, date of birth, school)
  'record:capacity', // record or withdraw that a young person lacks capacity (a parent)
  'set:parent-access', // the young person's choice to share their case with their parents
  // Professional advice (AdviceSubject).
  'write:advice',
  // Documents (DocumentSubject).
  'download:document',
  // An LA's pages (LaSubject).
  'read:inbox',
  'hold:caseload', // a caseworker's own caseload and absence
  'record:request', // a request that arrived by phone or letter
  'read:teams',
  'read:timeliness',
  'read:sen2-return', // the council's SEN2 return: its exports and the records that would fail the DfE's checks (ADR 0053)
  'read:scrutiny', // the council's scrutiny report, its exports and the cases behind each figure: its managers
  'set:scrutiny-thresholds', // the red / amber / green thresholds of each figure: a manager or the council's admin
  'administer:users',
  'administer:organisations',
  'administer:service-standards',
  'administer:council', // the council's own settings: the name its emails are sent under
  'read:stored-mail',
  'administer:interpreters', // the council's list of interpreters
  'read:translation-review', // which translated strings still need a fluent speaker's check
  'read:reviews', // the council's lists of annual reviews and phase transfers
  'read:feedback', // the council's family feedback results, comments and CSV: its managers
  'read:tribunal-orders', // the council's list of Tribunal orders due and missed (ADR 0051)
  'administer:settings', // the council's schools, colleges and early-years settings
  // A setting's own pages (SettingSubject).
  'read:setting', // the setting's children with a plan or a request, and their reviews
  'manage:setting-staff', // invite and remove the setting's own staff: its lead
  'request:assessment-as-setting', // ask for an assessment for a child, with the family's agreement
  'read:email-failures', // the council's emails that are failing or were given up (ADR 0044)
  // Subject access requests (LaSubject: the council's list; SubjectAccessSubject: one request).
  'manage:subject-access', // record, review and release them: a manager's call
  'download:subject-access', // the requester's copy, once released
  // Corrections to a child's record (LaSubject: the council's list; RectificationSubject: one request).
  'decide:rectification', // approve (and so apply) or refuse a correction: the child's caseworker or a manager
  'read:rectification', // one request and its outcome: who asked, and the staff who decide it
  // Retention (LaSubject, ADR 0037).
  'manage:retention', // review what is due for deletion, approve it, place and lift legal holds: a manager's call
  'administer:retention', // the council's retention schedule
  // Accounts on the admin pages (AccountSubject).
  'read:account',
  'administer:account',
  // The portal (PortalSubject).
  'read:advice-requests', // a professional's own requests for advice
  'add:child',
  'receive:message-emails',
  'download:own-data', // anyone's own account data, at any time
  'read:own-access-history', // the records a member of staff has opened themself (ADR 0035)
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * The rules underneath the permissions: what someone may do to a record as a party to it.
 * read: see it; contribute: add to it as a party; advise: write the advice a professional was
 * asked for; message: the case's thread with the council; decide: the LA's decisions;
 * administer: manage users; share: an advocate's consent (the family member who decides).
 */
type Capability = 'read' | 'contribute' | 'advise' | 'message' | 'decide' | 'administer' | 'share';

export type Decision = 'allow' | 'not_found' | 'forbidden';

const STAFF_ROLES: readonly Role[] = ['caseworker', 'manager'];
const FAMILY_ROLES: readonly Role[] = ['parent', 'young_person'];

/** Staff manage nothing of accounts here, never write a professional's advice, and never give a family's consent. */
const staffMayNot: readonly Capability[] = ['administer', 'advise', 'share'];

function isStaff(actor: Pick<Actor, 'role'>) {
  return STAFF_ROLES.includes(actor.role);
}

type SubjectOf<K extends Subject['type']> = Extract<Subject, { type: K }>;
type Rule = { [K in Subject['type']]?: (actor: Actor, subject: SubjectOf<K>) => Decision };

/** A capability on a case, as a permission's rule. */
const onCase = (capability: Capability) => (actor: Actor, subject: CaseSubject) => decideCase(actor, capability, subject);

/** The family's and the council's pages of a case (advice, plan, meetings): a professional reads the case only as far as they were asked to advise on it. */
const familyOrCouncil = (actor: Actor, subject: CaseSubject) => refuseProfessional(actor, decideCase(actor, 'read', subject));

function refuseProfessional(actor: Actor, decision: Decision): Decision {
  return decision === 'allow' && (actor.role === 'professional' || actor.role === 'setting_staff') ? 'forbidden' : decision;
}

function refuseSetting(actor: Actor, decision: Decision): Decision {
  return decision === 'allow' && actor.role === 'setting_staff' ? 'forbidden' : decision;
}

/** Staff of a setting that works on this child's case (the case's named or requesting setting). */
function isSettingStaffOf(actor: Actor, subject: CaseSubject): boolean {
  return actor.role === 'setting_staff' && actor.settingId != null && actor.laId === subject.laId && (subject.settingIds ?? []).includes(actor.settingId);
}

/** A setting's own staff; to everyone else its pages do not exist. */
function settingMember(actor: Actor, subject: SettingSubject): Decision {
  return actor.role === 'setting_staff' && actor.settingId === subject.settingId && actor.laId === subject.laId ? 'allow' : 'not_found';
}

/**
 * The council's own working notes: its caseworkers and managers only. To everyone else, the
 * family included, they do not exist (a family is never told there are notes it cannot read).
 */
function councilOnly(actor: Actor, subject: CaseSubject): Decision {
  return isStaff(actor) && actor.laId !== null && actor.laId === subject.laId ? 'allow' : 'not_found';
}

/** Allowed only to those `who` names, once the underlying decision allows; refused (as it was) to the rest. */
function only(decision: Decision, who: boolean): Decision {
  return decision === 'allow' && !who ? 'forbidden' : decision;
}

/** Within the actor's own LA, for the roles named. */
const inLa = (allowed: readonly Role[]) => (actor: Actor, subject: LaSubject): Decision => (actor.laId !== null && actor.laId === subject.laId && allowed.includes(actor.role) ? 'allow' : 'forbidden');

const forRoles = (allowed: readonly Role[]) => (actor: Actor): Decision => (allowed.includes(actor.role) ? 'allow' : 'forbidden');

/** A submitted request is the family's own contribution to its case: never shown to the professionals asked for advice. */
const submittedRequest = (capability: Capability) => (actor: Actor, subject: CaseSubject) => decideCase(actor, capability, { ...subject, professionalIds: [] });

const RULES: Record<Permission, Rule> = {
  'read:case': { case: onCase('read') },
  // A setting's staff read the summary, the plan and the reviews; who else sees the record is the family's and the council's business.
  'read:case-sharing': { case: (actor, subject) => refuseSetting(actor, decideCase(actor, 'read', subject)) },
  'read:thread': { case: onCase('message') },
  'post:message': { case: onCase('message') },
  'read:advice': { case: familyOrCouncil, advice: (actor, subject) => adviceReader(actor, subject) },
  'read:unreleased-advice': { case: (actor, subject) => only(familyOrCouncil(actor, subject), isStaff(actor)) },
  'read:views': { case: (actor, subject) => refuseSetting(actor, decideCase(actor, 'read', subject)) },
  'write:parent-views': { case: (actor, subject) => only(familyWriter(actor, subject), actor.role === 'parent') },
  // A young person with their own account speaks for themselves; until then a parent may write down the child's words.
  'write:child-views': { case: (actor, subject) => only(familyWriter(actor, subject), actor.role === 'young_person' || !subject.youngPersonId) },
  // The child's setting delivers the plan: its staff read it.
  'read:plan': { case: (actor, subject) => (isSettingStaffOf(actor, subject) ? 'allow' : familyOrCouncil(actor, subject)) },
  'comment:plan': { case: familyWriter },
  'read:meetings': { case: familyOrCouncil },
  'record:decision': { case: onCase('decide') },
  'share:case': { case: onCase('share') },
  'read:case-notes': { case: councilOnly },
  'write:case-notes': { case: councilOnly },
  'reassign:case': { case: (actor, subject) => only(councilOnly(actor, subject), actor.role === 'manager') },
  // The council's statutory record about the case (SEN2, ADR 0053): its own staff; to the family and everyone else it does not exist.
  'record:sen2-details': { case: councilOnly },
  'read:access-log': { case: accessLogReader },
  'read:interpreters': { case: familyOrCouncil },
  'request:interpreter': { case: familyWriter },
  'book:interpreter': { case: onCase('decide') },
  // Complaints (ADR 0050): the family side and the council read them; the council's list and figures are its managers'.
  'read:complaints': { case: familyOrCouncil, la: inLa(['manager']) },
  'make:complaint': { case: (actor, subject) => only(decideCase(actor, 'contribute', subject), !isStaff(actor)) },
  'respond:complaint': { case: (actor, subject) => only(decideCase(actor, 'decide', subject), actor.role === 'manager' || subject.caseworkerId === actor.id) },
  // The family, advisers with consent, the council and the child's setting; never a professional.
  'read:review': { case: (actor, subject) => (isSettingStaffOf(actor, subject) ? 'allow' : refuseProfessional(actor, decideCase(actor, 'read', subject))) },
  'arrange:review': { case: (actor, subject) => (isSettingStaffOf(actor, subject) ? 'allow' : decideCase(actor, 'decide', subject)) },
  'report:review': { case: (actor, subject) => (isSettingStaffOf(actor, subject) ? 'allow' : decideCase(actor, 'decide', subject)) },
  'decide:review': { case: onCase('decide') },
  'comment:review-amendments': { case: familyWriter },
  // The family themselves tell the council how it did: never an adviser on their behalf, never staff.
  'give:feedback': { case: familyWriter },
  // The family, advisers with consent and the council; a professional or a setting is not party to the dispute.
  'read:appeals': { case: familyOrCouncil },
  'record:appeal': { case: onCase('decide') },
  'read:request': { draft_request: (actor, subject) => decideDraft(actor, 'read', subject), case: (actor, subject) => (actor.role === 'setting_staff' ? only(submittedRequest('read')(actor, subject), subject.requestingSettingId === actor.settingId) : submittedRequest('read')(actor, subject)) },
  'edit:request': { draft_request: (actor, subject) => decideDraft(actor, 'contribute', subject), case: submittedRequest('contribute') },
  'read:child': { child: (actor, subject) => decideChild(actor, 'read', subject) },
  // A parent the young person has not shared with sees the child's record, to be told so, but nothing of the case.
  'read:child-cases': { child: (actor, subject) => (isFamilyOf(actor, subject) && actor.role === 'parent' && subject.parentAccess === 'none' ? 'forbidden' : decideChild(actor, 'read', subject)) },
  'start:request': { child: (actor, subject) => decideChild(actor, 'contribute', subject) },
  'share:child': { child: (actor, subject) => decideChild(actor, 'share', subject) },
  'record:capacity': { child: (actor, subject) => only(decideChild(actor, 'share', subject), actor.role === 'parent') },
  'set:parent-access': { child: (actor, subject) => only(decideChild(actor, 'read', subject), actor.role === 'young_person' && subject.youngPersonId === actor.id) },
  // Anyone of the family asks about their own data, also a parent the young person has not shared with: it is the parent's data too (ADR 0034).
  'request:subject-access': { child: (actor, subject) => only(decideChild(actor, 'read', subject), isFamilyOf(actor, subject)) },
  // The family member who decides for the child asks; never an adviser, whatever the consent's scope (ADR 0038).
  'request:rectification': { child: (actor, subject) => familyDecision(actor, 'contribute', subject, ['read', 'contribute']) ?? (decideChild(actor, 'read', subject) === 'allow' ? 'forbidden' : 'not_found') },
  'decide:rectification': { la: inLa(STAFF_ROLES), rectification: rectificationDecider },
  'read:rectification': { rectification: (actor, subject) => (actor.id === subject.requesterId ? 'allow' : rectificationDecider(actor, subject) === 'allow' ? 'allow' : 'not_found') },
  'write:advice': { advice: adviceWriter },
  'download:document': { document: (actor, subject) => documentReader(actor, subject.belongsTo) },
  'read:inbox': { la: inLa(STAFF_ROLES) },
  'hold:caseload': { la: inLa(['caseworker']) },
  'record:request': { la: inLa(STAFF_ROLES) },
  'read:teams': { la: inLa(['manager']) },
  'read:timeliness': { la: inLa(['manager']) },
  // A statutory return holds every child's identifiers: the council's managers only, and every export audited.
  'read:sen2-return': { la: inLa(['manager']) },
  'read:scrutiny': { la: inLa(['manager']) },
  'set:scrutiny-thresholds': { la: inLa(['manager', 'la_admin']) },
  'administer:users': { la: inLa(['la_admin']) },
  'administer:organisations': { la: inLa(['la_admin']) },
  'administer:service-standards': { la: inLa(['la_admin']) },
  'administer:council': { la: inLa(['la_admin']) },
  'read:stored-mail': { la: inLa(['la_admin']) },
  'administer:interpreters': { la: inLa(['la_admin']) },
  'read:translation-review': { la: inLa(['la_admin']) },
  'read:reviews': { la: inLa(STAFF_ROLES) },
  // Comments are the families' own words: the council's managers only, as with the timeliness figures.
  'read:feedback': { la: inLa(['manager']) },
  'read:tribunal-orders': { la: inLa(STAFF_ROLES) },
  'administer:settings': { la: inLa(['la_admin']) },
  'read:setting': { setting: (actor, subject) => (actor.role === 'la_admin' && actor.laId === subject.laId ? 'allow' : settingMember(actor, subject)) },
  'manage:setting-staff': { setting: (actor, subject) => only(settingMember(actor, subject), actor.settingRole === 'lead') },
  'request:assessment-as-setting': { setting: (actor, subject) => only(settingMember(actor, subject), actor.settingRole === 'lead' || actor.settingRole === 'senco' || actor.settingRole === 'head') },
  'read:email-failures': { la: inLa(['la_admin']) },
  // The export holds everything, staff-only notes included: a manager reviews and releases it. To others a request does not exist.
  'manage:subject-access': { la: inLa(['manager']), subject_access: (actor, subject) => (actor.role === 'manager' && actor.laId === subject.laId ? 'allow' : 'not_found') },
  // Deleting a family's records for good, and holding them back from deletion, is a manager's decision; the schedule is the council's setting.
  'manage:retention': { la: inLa(['manager']) },
  'administer:retention': { la: inLa(['la_admin']) },
  'download:subject-access': { subject_access: (actor, subject) => (actor.id === subject.requesterId && subject.released ? 'allow' : 'not_found') },
  'read:account': { account: (actor, subject) => decideAccount(actor, 'read', subject) },
  'administer:account': { account: (actor, subject) => decideAccount(actor, 'administer', subject) },
  'read:advice-requests': { portal: forRoles(['professional']) },
  'add:child': { portal: forRoles(FAMILY_ROLES) },
  'receive:message-emails': { portal: forRoles([...STAFF_ROLES, ...FAMILY_ROLES, 'advocate']) }, // each chooses now or a 07:00 digest
  'download:own-data': { portal: () => 'allow' },
  'read:own-access-history': { portal: forRoles(STAFF_ROLES) },
};

/**
 * The one decision: may `actor` do `permission` to `subject`? Pure and total: every permission
 * on every subject has an answer ('forbidden' for a permission that is not about that subject).
 */
export function decide(actor: Actor, permission: Permission, subject: Subject): Decision {
  const rule = RULES[permission][subject.type] as ((actor: Actor, subject: Subject) => Decision) | undefined;
  return rule ? rule(actor, subject) : 'forbidden';
}

/** The subject types a permission is about (the matrix test asks every other one is refused). */
export function subjectTypesOf(permission: Permission): Subject['type'][] {
  return Object.keys(RULES[permission]) as Subject['type'][];
}

/**
 * A correction is decided by the council holding the child's record: its managers, and the
 * caseworker of the child's case. Another caseworker there knows the case exists (403); to
 * everyone else the request does not exist.
 */
function rectificationDecider(actor: Actor, subject: RectificationSubject): Decision {
  if (!isStaff(actor) || actor.laId !== subject.laId) return 'not_found';
  return actor.role === 'manager' || subject.caseworkerIds.includes(actor.id) ? 'allow' : 'forbidden';
}

/** The family writes their own views and comments on the plan, never an advocate or the council. */
function familyWriter(actor: Actor, subject: CaseSubject): Decision {
  return only(decideCase(actor, 'contribute', subject), isFamilyOf(actor, subject));
}

/**
 * Who has looked at a child's record (ADR 0035): the family member who decides (a parent, unless
 * the young person decides for themself), the young person for their own case, and the
 * managers of the case's council. Caseworkers, advisers and professionals read the case but not
 * its log; to anyone who may not read the case, the log does not exist either.
 */
function accessLogReader(actor: Actor, subject: CaseSubject): Decision {
  const read = decideCase(actor, 'read', subject);
  if (read !== 'allow') return read;
  if (actor.role === 'manager') return 'allow';
  if (actor.role === 'young_person') return only(read, subject.youngPersonId === actor.id);
  if (actor.role === 'parent') return only(read, isFamilyOf(actor, subject) && subject.decider !== 'young_person' && (subject.parentAccess ?? 'full') === 'full');
  return 'forbidden';
}

/**
 * One piece of advice on its page: the council sees every request on the case; the family side
 * only advice released to them (to them, the rest does not exist); professionals read their own
 * at /advice, never here.
 */
function adviceReader(actor: Actor, subject: AdviceSubject): Decision {
  const read = familyOrCouncil(actor, subject.case);
  if (read !== 'allow' || isStaff(actor)) return read;
  return subject.release === 'released' ? 'allow' : 'not_found';
}

/** A professional writes (and reads back) only their own advice, while they may still advise on the case; to another professional it does not exist. */
function adviceWriter(actor: Actor, subject: AdviceSubject): Decision {
  if (actor.role !== 'professional') return 'forbidden';
  if (subject.professionalId !== actor.id) return 'not_found';
  return decideCase(actor, 'advise', subject.case);
}

/**
 * Which home page a person gets at '/': what each needs first. Null for someone with no home of
 * their own here.
 */
export type Home = 'family' | 'caseload' | 'teams' | 'admin' | 'advice' | 'advocate' | 'setting';

export function homeOf(actor: Pick<Actor, 'role'>): Home | null {
  switch (actor.role) {
    case 'parent':
    case 'young_person':
      return 'family';
    case 'caseworker':
      return 'caseload';
    case 'manager':
      return 'teams';
    case 'la_admin':
      return 'admin';
    case 'professional':
      return 'advice';
    case 'advocate':
      return 'advocate';
    case 'setting_staff':
      return 'setting';
    default:
      return null;
  }
}

/**
 * How a page speaks to the person reading it (not what they may do: that is `decide`): as the
 * young person themself, a parent, the council, a professional, an adviser or an LA admin.
 */
export type Audience = 'young_person' | 'parent' | 'council' | 'professional' | 'adviser' | 'admin' | 'other';

export function audienceOf(actor: Pick<Actor, 'role'>): Audience {
  switch (actor.role) {
    case 'young_person':
    case 'parent':
    case 'professional':
      return actor.role;
    case 'caseworker':
    case 'manager':
      return 'council';
    case 'advocate':
      return 'adviser';
    case 'la_admin':
      return 'admin';
    default:
      return 'other';
  }
}

/** Which side of a case's thread someone writes from: the council's, or the family's (parents, the young person, their advocates). */
export function threadSideOf(actor: Pick<Actor, 'role'>): 'la' | 'family' {
  return isStaff(actor) ? 'la' : 'family';
}

function isFamilyOf(actor: Actor, subject: FamilySide) {
  return (actor.role === 'parent' && subject.parentIds.includes(actor.id)) || (actor.role === 'young_person' && subject.youngPersonId === actor.id);
}

/**
 * The family side's rights: the young person always; a parent as far as `parentAccess` reaches
 * ('read' while a new young person's account is pending; 'none' once the young person has not
 * agreed to share). Null: not family.
 */
function familyDecision(actor: Actor, action: Capability, subject: FamilySide, allowed: readonly Capability[]): Decision | null {
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
function advocateDecision(actor: Actor, action: Capability, subject: FamilySide): Decision | null {
  if (actor.role !== 'advocate') return null;
  const consent = consentFor(actor, subject.advocateConsents);
  if (!consent) return 'not_found';
  return scopeAllows(consent.scope, action) ? 'allow' : 'forbidden';
}

/**
 * What someone on the family side of a case (a parent, the young person, an advocate) may do
 * there: the case rule without the staff branches. It decides who of the family hears of a
 * case's news (app/features/family/family.server.ts `familyAudience`), so emails follow the page rule.
 */
export function decideFamilySide(actor: Actor, permission: Extract<Permission, 'read:case' | 'read:thread'>, subject: FamilySide): Decision {
  const action: Capability = permission === 'read:thread' ? 'message' : 'read';
  return familyDecision(actor, action, subject, caseFamilyActions) ?? advocateDecision(actor, action, subject) ?? 'not_found';
}

const caseFamilyActions: readonly Capability[] = ['read', 'contribute', 'message', 'share'];

function decideChild(actor: Actor, action: Capability, subject: ChildSubject): Decision {
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

function decideDraft(actor: Actor, action: Capability, subject: DraftRequestSubject): Decision {
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

function decideCase(actor: Actor, action: Capability, subject: CaseSubject): Decision {
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
  if (isSettingStaffOf(actor, subject)) {
    // The case's summary, plan and reviews; never the family's thread or the council's decisions.
    return action === 'read' ? 'allow' : 'forbidden';
  }
  if (actor.role === 'professional' && subject.professionalIds?.includes(actor.id)) {
    // The case summary they were asked about and their own advice; never the family's thread,
    // the family's own contributions or the LA's decisions.
    return action === 'read' || action === 'advise' ? 'allow' : 'forbidden';
  }
  return 'not_found';
}

/**
 * A document is downloaded by whoever may read what it belongs to, as its page decides; nothing
 * else is ever done to a document through the policy (adding or removing one is decided on the
 * record it is added to).
 */
function documentReader(actor: Actor, owner: DocumentSubject['belongsTo']): Decision {
  switch (owner.kind) {
    case 'draft_request':
      // A request's documents are read with the request, on its pages.
      return decide(actor, 'read:request', owner.request);
    case 'request':
      // The family's own contribution: read with the case, but not by the professionals asked for advice.
      return decide(actor, 'read:request', owner.case);
    case 'thread':
      // Whoever may open the thread: never a professional, nor an adviser with a view-only consent.
      return decideCase(actor, 'message', owner.case);
    case 'advice': {
      const read = decideCase(actor, 'read', owner.case);
      if (read !== 'allow') return read;
      // A setting's staff read the case's summary, never its advice.
      if (actor.role === 'setting_staff') return 'forbidden';
      // A professional sees their own report while they may still advise; the council, advice
      // once submitted (a draft stays the professional's); the family side, advice submitted and
      // not held back. To anyone else the report does not exist.
      if (actor.role === 'professional') return owner.professionalId === actor.id && decideCase(actor, 'advise', owner.case) === 'allow' ? 'allow' : 'not_found';
      if (isStaff(actor)) return owner.advice === 'unsubmitted' ? 'not_found' : 'allow';
      return owner.advice === 'released' ? 'allow' : 'not_found';
    }
    case 'review':
      // A setting's report for an annual review: read with the review (the family, the council, the child's setting).
      return decide(actor, 'read:review', owner.case);
    case 'plan': {
      // The plan page is the family's and the council's: professionals never see it.
      const read = decideCase(actor, 'read', owner.case);
      return read === 'allow' && actor.role === 'professional' ? 'forbidden' : read;
    }
    case 'views':
      return decide(actor, 'read:views', owner.case);
  }
}

/** The accounts an LA admin may switch off and on (ADR 0017): its staff, professionals and advisers. */
export const MANAGED_ACCOUNT_ROLES: readonly Role[] = ['caseworker', 'manager', 'la_admin', 'professional', 'advocate'];

/**
 * 'read' is seeing the account on the admin pages; 'administer' is deactivating or reactivating
 * it. An admin never switches off their own account (a council must not lock itself out by a
 * slip). Accounts outside the admin's LA, and families', do not exist for them.
 */
function decideAccount(actor: Actor, action: Capability, subject: AccountSubject): Decision {
  if (actor.role === 'setting_staff') return decideSettingAccount(actor, action, subject);
  if (actor.role !== 'la_admin' || actor.laId === null || subject.laId !== actor.laId || !MANAGED_ACCOUNT_ROLES.includes(subject.role)) return 'not_found';
  if (action === 'read') return 'allow';
  if (action === 'administer') return subject.userId === actor.id ? 'forbidden' : 'allow';
  return 'forbidden';
}

/**
 * A setting's lead manages its own staff (issue 14): sees their accounts and switches a leaver's
 * off, never their own (as an admin never does). Accounts of other settings, and anyone who is
 * not the setting's staff, do not exist for them; the setting's other staff know their
 * colleagues exist but manage nothing (403).
 */
function decideSettingAccount(actor: Actor, action: Capability, subject: AccountSubject): Decision {
  const colleague = subject.role === 'setting_staff' && actor.settingId != null && subject.settingId === actor.settingId && subject.laId === actor.laId;
  if (!colleague) return 'not_found';
  if (actor.settingRole !== 'lead') return 'forbidden';
  if (action === 'read') return 'allow';
  if (action === 'administer') return subject.userId === actor.id ? 'forbidden' : 'allow';
  return 'forbidden';
}
