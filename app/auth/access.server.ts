import { redirect } from '@remix-run/node';
import { and, eq, isNotNull } from 'drizzle-orm';
import { adviceOrganisations, adviceRequests, assessmentRequests, cases, children, documents, educationSettings, familyViews, messageAttachments, messages, rectificationRequests, subjectAccessRequests, users, type Case, type EducationSetting, type RectificationRequest, type StoredDocument, type SubjectAccessRequest, type User } from '../../db/schema';
import { adviceRelease, professionalHasAccess } from '../domain/advice';
import { consentFor, type LiveConsent } from '../domain/consent';
import { todayInLondon } from '../domain/timescales';
import { clientAddress } from '../client-address.server';
import { getDb } from '../db.server';
import { recordAudits } from '../audit/audit.server';
import { familySideFromFacts, familySideOf } from '../features/family/index.server';
import { readCaseRecord } from '../features/case-progress/index.server';
import { decide, type AccountSubject, type AdviceSubject, type CaseSubject, type ChildSubject, type Decision, type DocumentSubject, type DraftRequestSubject, type Permission, type RectificationSubject, type SettingSubject, type Subject, type SubjectAccessSubject } from './policy';
import { whileSecondFactorPending } from './second-factor.server';
import { readSession } from './session.server';
import { isUuid } from '~/domain/ids';
import { batchPerRequest, oncePerRequest } from '~/request-scope.server';

/**
 * Guards used at the top of every loader and action. They answer with the signed-in user, or
 * throw the response the policy calls for: a redirect to sign in, a 404 or a 403.
 */

const userCache = new WeakMap<Request, Promise<User | null>>();

/**
 * The signed-in user, or null. Cached per request so the root and the route share one lookup.
 * A session still waiting for its second factor signs no one in: it opens only the two-factor
 * pages, and any other page redirects to them (ADR 0015).
 */
export function getOptionalUser(request: Request): Promise<User | null> {
  let pending = userCache.get(request);
  if (!pending) {
    pending = readSession(request).then((found) => {
      if (!found) return null;
      return found.session.mfaPending ? whileSecondFactorPending(request, found.user) : found.user;
    });
    userCache.set(request, pending);
  }
  return pending;
}

export async function requireUser(request: Request): Promise<User> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return user;
}

export function deniedResponse(decision: Exclude<Decision, 'allow'>) {
  return decision === 'not_found'
    ? new Response('Not Found', { status: 404 })
    : new Response('Forbidden', { status: 403 });
}

/**
 * Checks a permission on a subject that is not a child's record (the portal's own pages, or an
 * LA's): not audited, since no child's record is read.
 */
export async function requirePermission(request: Request, permission: Permission, subject: Subject): Promise<User> {
  const user = await requireUser(request);
  const decision = decide(user, permission, subject);
  if (decision !== 'allow') throw deniedResponse(decision);
  return user;
}

/** A permission on the signed-in person's own LA (the inbox, the reports, the admin pages). */
export async function requireLaPermission(request: Request, permission: Permission): Promise<User & { laId: string }> {
  const user = await requireUser(request);
  const decision = user.laId ? decide(user, permission, { type: 'la', laId: user.laId }) : 'forbidden';
  if (decision !== 'allow' || !user.laId) throw deniedResponse(decision === 'allow' ? 'forbidden' : decision);
  return { ...user, laId: user.laId };
}

/** Whether the signed-in person may do `permission` on their own LA (what a page offers them). */
export function mayInOwnLa(user: User, permission: Permission): boolean {
  return user.laId !== null && decide(user, permission, { type: 'la', laId: user.laId }) === 'allow';
}


/**
 * Loads what the policy needs to know about a case: its LA, team, caseworker, family side today
 * (who controls it, the advocates' live consents), and the professionals asked for advice whose
 * request is open or still within its grace period.
 */
export function loadCaseSubject(caseId: string, today = todayInLondon()): Promise<{ record: Case; subject: CaseSubject } | null> {
  // The case layout and its page both guard the case: one read serves both.
  return oncePerRequest(`case-subject:${caseId}:${today}`, () => readCaseSubject(caseId, today));
}

async function readCaseSubject(caseId: string, today: string): Promise<{ record: Case; subject: CaseSubject } | null> {
  const row = await readCaseRecord(caseId);
  if (!row) return null;
  const { control: _control, ...family } = familySideFromFacts(row.child, row.family, today);
  return {
    record: row.record,
    subject: {
      type: 'case',
      laId: row.record.laId,
      teamId: row.record.teamId,
      caseworkerId: row.record.caseworkerId,
      ...family,
      professionalIds: [...new Set(row.asked.filter((a) => professionalHasAccess(a, today)).map((a) => a.professionalId))],
      settingIds: [...new Set([row.record.namedSettingId, row.requestingSettingId].filter((id): id is string => id !== null))],
      requestingSettingId: row.requestingSettingId,
    },
  };
}

/**
 * An id from a URL or a form as the audit log keeps it: as sent, cut to 64 characters, with any
 * control character (which the database refuses to store) replaced, so a forged id is recorded
 * rather than turning the refusal into a 500.
 */
function auditedId(id: string) {
  return id.slice(0, 64).replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
}

/** For an advocate: the consent they act on (and so the family member they act for); null for anyone else. */
function actingFor(user: User, consents: readonly LiveConsent[] | undefined) {
  return consentFor(user, consents);
}

/** What the audit log says about an advocate's access: the consent it rests on. */
function advocateDetails(user: User, consents: readonly LiveConsent[] | undefined) {
  if (user.role !== 'advocate') return {};
  const consent = actingFor(user, consents);
  return consent ? { consentId: consent.consentId, onBehalfOf: consent.grantedBy, scope: consent.scope } : { consent: 'none' };
}

/**
 * The audit row of one guarded access, allowed or denied: who, what they asked to do, to which
 * record, from where, and by which page. Access to a child's record must be traceable.
 */
function auditAccess(request: Request, user: User, permission: Permission, decision: Decision, subject: { type: string; id: string }, details: Record<string, unknown> = {}) {
  // A page whose layout and page both ask the same is one access: one row.
  const key = `audit:${user.id}:${permission}:${subject.type}:${subject.id}:${decision}`;
  // The guards of a page's loaders run together: their rows are written in one statement.
  return oncePerRequest(key, () => batchPerRequest('audit', {
    userId: user.id,
    action: permission,
    subjectType: subject.type,
    subjectId: subject.id,
    outcome: decision === 'allow' ? 'allowed' : 'denied',
    address: clientAddress(request),
    details: { path: new URL(request.url).pathname, method: request.method, ...details },
  }, recordAudits));
}

/**
 * The guard for anything inside a child's case. Every attempt, allowed or denied, is written to
 * the audit log: access to a child's record must be traceable.
 */
export async function requireCaseAccess(request: Request, caseId: string, permission: Permission) {
  const user = await requireUser(request);
  const loaded = await loadCaseSubject(caseId);
  const decision: Decision = loaded ? decide(user, permission, loaded.subject) : 'not_found';
  await auditAccess(request, user, permission, decision, { type: 'case', id: auditedId(caseId) }, loaded ? advocateDetails(user, loaded.subject.advocateConsents) : { reason: 'no such case' });
  if (decision !== 'allow' || !loaded) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { user, caseRecord: loaded.record, subject: loaded.subject, consent: actingFor(user, loaded.subject.advocateConsents) };
}

/** Loads what the policy needs to know about a child's record. */
async function loadChildSubject(childId: string, today = todayInLondon()) {
  if (!isUuid(childId)) return null;
  const db = await getDb();
  const [child] = await db.select().from(children).where(eq(children.id, childId));
  if (!child) return null;
  const { control, ...family } = await familySideOf(child, today, db);
  const subject: ChildSubject = { type: 'child', laId: child.laId, ...family };
  return { child, subject, control };
}

/** The guard for a child's record outside a case; audited like case access. */
export async function requireChildAccess(request: Request, childId: string, permission: Permission) {
  const user = await requireUser(request);
  const loaded = await loadChildSubject(childId);
  const decision: Decision = loaded ? decide(user, permission, loaded.subject) : 'not_found';
  await auditAccess(request, user, permission, decision, { type: 'child', id: auditedId(childId) }, loaded ? advocateDetails(user, loaded.subject.advocateConsents) : {});
  if (decision !== 'allow' || !loaded) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { user, child: loaded.child, subject: loaded.subject, control: loaded.control, consent: actingFor(user, loaded.subject.advocateConsents) };
}

/**
 * What the policy needs to know about a request for assessment: while it is a draft, the draft
 * (private to the family, or to the caseworker recording it); once submitted, its case. The one
 * place a request's subject is made: its pages and its documents both use it.
 */
async function loadRequestSubject(row: typeof assessmentRequests.$inferSelect, today = todayInLondon()) {
  if (row.status === 'draft') {
    const loaded = await loadChildSubject(row.childId, today);
    if (!loaded) return null;
    const subject: DraftRequestSubject = { ...loaded.subject, type: 'draft_request', createdBy: row.createdBy };
    return { subject, advocateConsents: subject.advocateConsents };
  }
  const loaded = row.caseId ? await loadCaseSubject(row.caseId, today) : null;
  return loaded ? { subject: loaded.subject, advocateConsents: loaded.subject.advocateConsents } : null;
}

/** The guard for a request for assessment (read:request, edit:request); audited like case access. */
export async function requireRequestAccess(request: Request, requestId: string, permission: Extract<Permission, 'read:request' | 'edit:request'>) {
  const user = await requireUser(request);
  const db = await getDb();
  const [row] = isUuid(requestId) ? await db.select().from(assessmentRequests).where(eq(assessmentRequests.id, requestId)) : [];
  const [loaded, child] = row ? await Promise.all([loadRequestSubject(row), db.select().from(children).where(eq(children.id, row.childId))]) : [null, []];
  const decision: Decision = loaded ? decide(user, permission, loaded.subject) : 'not_found';
  await auditAccess(request, user, permission, decision, { type: 'assessment_request', id: auditedId(requestId) }, loaded ? advocateDetails(user, loaded.advocateConsents) : {});
  if (decision !== 'allow' || !row || !loaded || !child[0]) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { user, requestRow: row, child: child[0], consent: actingFor(user, loaded.advocateConsents) };
}

/**
 * The guard for one professional's advice, on the case it belongs to (`caseId` from the URL, or
 * null when the advice's own address names no case): the policy decides on the advice itself
 * (how far it has gone: app/domain/advice.ts `adviceRelease`). Audited against the case.
 */
export async function requireAdviceAccess(request: Request, caseId: string | null, adviceId: string, permission: Extract<Permission, 'read:advice' | 'write:advice'>) {
  const user = await requireUser(request);
  const db = await getDb();
  const [advice] = isUuid(adviceId) ? await db.select().from(adviceRequests).where(eq(adviceRequests.id, adviceId)) : [];
  const onCase = advice && (caseId === null || advice.caseId === caseId) ? advice : null;
  const loaded = onCase ? await loadCaseSubject(onCase.caseId) : null;
  const subject: AdviceSubject | null =
    onCase && loaded ? { type: 'advice', case: loaded.subject, professionalId: onCase.professionalId, release: adviceRelease(onCase) } : null;
  const decision: Decision = subject ? decide(user, permission, subject) : 'not_found';
  await auditAccess(request, user, permission, decision, { type: 'case', id: auditedId(onCase?.caseId ?? caseId ?? adviceId) }, {
    adviceId: auditedId(adviceId),
    ...(loaded ? advocateDetails(user, loaded.subject.advocateConsents) : { reason: 'no such advice on this case' }),
  });
  if (decision !== 'allow' || !onCase || !loaded) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { user, caseRecord: loaded.record, subject: loaded.subject, advice: onCase };
}

/**
 * What a stored document belongs to, as the policy's document rule needs it (DocumentSubject):
 * the advice or views it is linked to, the message it is attached to, the plan, or the request it
 * was sent with. A document linked to none of these (an attachment whose message was never sent)
 * belongs to nothing, and so is read by no one: null.
 */
export async function loadDocumentSubject(document: StoredDocument, today = todayInLondon()): Promise<{ subject: DocumentSubject; caseId: string | null; requestId: string | null } | null> {
  const db = await getDb();
  const onCase = async (caseId: string | null) => (caseId ? ((await loadCaseSubject(caseId, today))?.subject ?? null) : null);
  if (document.adviceRequestId) {
    const [advice] = await db
      .select({ caseId: adviceRequests.caseId, professionalId: adviceRequests.professionalId, state: adviceRequests.state, withheldReason: adviceRequests.withheldReason })
      .from(adviceRequests)
      .where(eq(adviceRequests.id, document.adviceRequestId));
    const subject = advice ? await onCase(advice.caseId) : null;
    if (!advice || !subject) return null;
    return { subject: { type: 'document', belongsTo: { kind: 'advice', case: subject, professionalId: advice.professionalId, advice: adviceRelease(advice) } }, caseId: advice.caseId, requestId: null };
  }
  if (document.familyViewsId) {
    const [views] = await db.select({ caseId: familyViews.caseId }).from(familyViews).where(eq(familyViews.id, document.familyViewsId));
    const subject = await onCase(views?.caseId ?? null);
    return subject ? { subject: { type: 'document', belongsTo: { kind: 'views', case: subject } }, caseId: views.caseId, requestId: null } : null;
  }
  if (document.annualReviewId) {
    const subject = await onCase(document.caseId);
    return subject ? { subject: { type: 'document', belongsTo: { kind: 'review', case: subject } }, caseId: document.caseId, requestId: null } : null;
  }
  if (document.kind === 'message_attachment') {
    const [message] = await db
      .select({ caseId: messages.caseId })
      .from(messageAttachments)
      .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
      .where(eq(messageAttachments.documentId, document.id));
    const subject = await onCase(message?.caseId ?? null);
    return subject ? { subject: { type: 'document', belongsTo: { kind: 'thread', case: subject } }, caseId: message.caseId, requestId: null } : null;
  }
  if (document.kind === 'draft_plan' || document.kind === 'final_plan') {
    const subject = await onCase(document.caseId);
    return subject ? { subject: { type: 'document', belongsTo: { kind: 'plan', case: subject } }, caseId: document.caseId, requestId: null } : null;
  }
  if (document.requestId) {
    const [row] = await db.select().from(assessmentRequests).where(eq(assessmentRequests.id, document.requestId));
    const loaded = row ? await loadRequestSubject(row, today) : null;
    if (!row || !loaded) return null;
    const belongsTo: DocumentSubject['belongsTo'] = loaded.subject.type === 'draft_request' ? { kind: 'draft_request', request: loaded.subject } : { kind: 'request', case: loaded.subject };
    return { subject: { type: 'document', belongsTo }, caseId: row.caseId, requestId: row.id };
  }
  return null;
}

/**
 * The guard for downloading a document: the policy's document rule, which follows the page the
 * document is shown on. Every attempt is audited against the case (or the draft request) it
 * belongs to. Anything not allowed, and any id that is not a document, is a 404: a document is
 * only ever reached from its page.
 */
export async function requireDocumentAccess(request: Request, documentId: string) {
  const user = await requireUser(request);
  const db = await getDb();
  const [document] = isUuid(documentId) ? await db.select().from(documents).where(eq(documents.id, documentId)) : [];
  const loaded = document ? await loadDocumentSubject(document) : null;
  const decision: Decision = loaded ? decide(user, 'download:document', loaded.subject) : 'not_found';
  const owner = loaded?.subject.belongsTo;
  await auditAccess(
    request,
    user,
    'download:document',
    decision,
    { type: loaded?.caseId ? 'case' : loaded?.requestId ? 'assessment_request' : 'document', id: auditedId(loaded?.caseId ?? loaded?.requestId ?? documentId) },
    {
      ...(owner ? { documentId, belongsTo: owner.kind } : { reason: document ? 'belongs to nothing' : 'no such document' }),
      ...(owner ? advocateDetails(user, 'request' in owner ? owner.request.advocateConsents : owner.case.advocateConsents) : {}),
    },
  );
  if (decision !== 'allow' || !document) throw deniedResponse('not_found');
  return { user, document };
}

/** Loads what the policy needs to know about an account: its role and the LA it belongs to. */
async function loadAccountSubject(userId: string): Promise<{ account: User; subject: AccountSubject } | null> {
  if (!isUuid(userId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ account: users, organisationLaId: adviceOrganisations.laId })
    .from(users)
    .leftJoin(adviceOrganisations, eq(adviceOrganisations.id, users.adviceOrgId))
    .where(eq(users.id, userId));
  if (!row) return null;
  const { account, organisationLaId } = row;
  return { account, subject: { type: 'account', userId: account.id, role: account.role, laId: account.role === 'advocate' ? organisationLaId : account.laId, settingId: account.settingId } };
}

/**
 * The guard for an account on the admin pages: the LA's users page (administer:users: anyone else
 * is 403), then the policy on that account (another LA's, or a family's, is 404).
 */
export async function requireAccountAccess(request: Request, userId: string, permission: Extract<Permission, 'read:account' | 'administer:account'>) {
  const admin = await requireLaPermission(request, 'administer:users');
  const loaded = await loadAccountSubject(userId);
  const decision: Decision = loaded ? decide(admin, permission, loaded.subject) : 'not_found';
  if (decision !== 'allow' || !loaded) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { admin, account: loaded.account, subject: loaded.subject };
}

/**
 * The guard for one subject access request (ADR 0034): its council's managers, or the person who
 * asked once it is released. Audited, allowed or not: the request leads to everything held on a
 * child's record.
 */
export async function requireSubjectAccessRequest(request: Request, requestId: string, permission: Extract<Permission, 'manage:subject-access' | 'download:subject-access'>): Promise<{ user: User; record: SubjectAccessRequest }> {
  const user = await requireUser(request);
  const db = await getDb();
  const [record] = isUuid(requestId) ? await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.id, requestId)) : [];
  const subject: SubjectAccessSubject | null = record ? { type: 'subject_access', laId: record.laId, requesterId: record.requesterId, released: record.status === 'released' } : null;
  const decision: Decision = subject ? decide(user, permission, subject) : 'not_found';
  await auditAccess(request, user, permission, decision, { type: 'subject_access_request', id: auditedId(requestId) });
  if (decision !== 'allow' || !record) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { user, record };
}

/**
 * What the policy needs to know about a correction request (ADR 0038): its council, who asked,
 * and the caseworkers of the child's cases at that council, who decide it with its managers.
 */
export async function loadRectificationSubject(record: RectificationRequest): Promise<RectificationSubject> {
  const db = await getDb();
  const rows = await db
    .selectDistinct({ caseworkerId: cases.caseworkerId })
    .from(cases)
    .where(and(eq(cases.childId, record.childId), eq(cases.laId, record.laId), isNotNull(cases.caseworkerId)));
  return { type: 'rectification', laId: record.laId, requesterId: record.requesterId, caseworkerIds: rows.map((r) => r.caseworkerId).filter((id): id is string => id !== null) };
}

/**
 * The guard for one correction request: the person who asked, or the staff who decide it.
 * Audited, allowed or not: the request shows a child's details and may change them.
 */
export async function requireRectificationRequest(request: Request, requestId: string, permission: Extract<Permission, 'read:rectification' | 'decide:rectification'>): Promise<{ user: User; record: RectificationRequest }> {
  const user = await requireUser(request);
  const db = await getDb();
  const [record] = isUuid(requestId) ? await db.select().from(rectificationRequests).where(eq(rectificationRequests.id, requestId)) : [];
  const subject = record ? await loadRectificationSubject(record) : null;
  const decision: Decision = subject ? decide(user, permission, subject) : 'not_found';
  await auditAccess(request, user, permission, decision, { type: 'rectification_request', id: auditedId(requestId) }, record ? { childId: record.childId } : { reason: 'no such request' });
  if (decision !== 'allow' || !record) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { user, record };
}

/**
 * The guard for a setting's own pages (issue 14): the signed-in member of staff's setting, and
 * the permission on it (its staff read it; its lead manages its staff; its lead, SENCO and head
 * ask for assessments). Anyone who is not a setting's staff has no setting pages: 404.
 */
export async function requireSettingPermission(request: Request, permission: Extract<Permission, 'read:setting' | 'manage:setting-staff' | 'request:assessment-as-setting'>): Promise<{ user: User; setting: EducationSetting }> {
  const user = await requireUser(request);
  const db = await getDb();
  const [setting] =
    user.role === 'setting_staff' && user.settingId && user.laId
      ? await db.select().from(educationSettings).where(and(eq(educationSettings.id, user.settingId), eq(educationSettings.laId, user.laId)))
      : [];
  const subject: SettingSubject | null = setting ? { type: 'setting', laId: setting.laId, settingId: setting.id } : null;
  const decision: Decision = subject ? decide(user, permission, subject) : 'not_found';
  if (decision !== 'allow' || !setting) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { user, setting };
}

/**
 * The guard for one of a setting's staff accounts, on its lead's staff pages: the lead's right to
 * manage the setting's staff, then the policy on that account (another setting's is 404; their
 * own is never switched off).
 */
export async function requireSettingAccount(request: Request, userId: string, permission: Extract<Permission, 'read:account' | 'administer:account'>) {
  const { user: lead, setting } = await requireSettingPermission(request, 'manage:setting-staff');
  const loaded = await loadAccountSubject(userId);
  const decision: Decision = loaded ? decide(lead, permission, loaded.subject) : 'not_found';
  if (decision !== 'allow' || !loaded) throw deniedResponse(decision === 'allow' ? 'not_found' : decision);
  return { lead, setting, account: loaded.account };
}
