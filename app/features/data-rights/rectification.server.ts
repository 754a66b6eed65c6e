import { and, asc, count, desc, eq, exists, inArray, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { cases, children, rectificationRequests, users, type Child, type RectificationRequest, type User } from '../../../db/schema';
import { changesAsked, isRectificationOverdue, normaliseDetail, rectificationDueOn, type RectifiableDetails, type RectificationChange } from '~/domain/rectification';
import { todayInLondon } from '~/domain/timescales';
import { formatDate } from '~/i18n/format';
import { linkTo } from '~/domain/council';
import { personName } from '~/domain/names';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';

/**
 * Corrections to a child's record (UK GDPR Article 16; ADR 0038): asked by the family member who
 * decides for the child, decided by the council's staff within one calendar month, and applied
 * in the same transaction as the approval. The request row is the history.
 */

export const REASON_MAX = 2000;

/** The details held now, as the form and the comparison read them. */
export function detailsOf(child: Pick<Child, 'firstName' | 'lastName' | 'dateOfBirth' | 'school'>): RectifiableDetails {
  return { firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth, school: child.school };
}

const correctionSchema = z.object({
  firstName: z.string().trim().min(1, 'errors.rectification.firstName').max(100, 'errors.rectification.nameTooLong'),
  lastName: z.string().trim().min(1, 'errors.rectification.lastName').max(100, 'errors.rectification.nameTooLong'),
  school: z.string().trim().max(200, 'errors.rectification.schoolTooLong').default(''),
  reason: z.string({ error: 'errors.rectification.reason' }).trim().min(1, 'errors.rectification.reason').max(REASON_MAX, 'errors.rectification.reasonTooLong'),
  formKey: z.string().uuid('errors.generic'),
});

/**
 * The correction form: the details as they should be, and why. A date of birth must be a real
 * date, in the past, within the 0-25 range the service covers; details the same as those held
 * are no correction, and a form that changes nothing says so.
 */
export function parseCorrectionForm(values: FormValues, current: RectifiableDetails, now = new Date()) {
  const form = validateForm(correctionSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const today = todayInLondon(now);
  const dob = isoFromDateParts(datePartsFrom(values, 'dateOfBirth'));
  if (!dob.ok) errors.dateOfBirth = dob.error === 'errors.date.required' ? 'errors.rectification.dateOfBirth' : dob.error;
  else if (dob.iso > today) errors.dateOfBirth = 'errors.rectification.dateOfBirthFuture';
  else if (Number(today.slice(0, 4)) - Number(dob.iso.slice(0, 4)) > 26) errors.dateOfBirth = 'errors.rectification.tooOld';
  if (!form.ok || !dob.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  const changes = changesAsked(current, { firstName: form.data.firstName, lastName: form.data.lastName, dateOfBirth: dob.iso, school: form.data.school });
  if (changes.length === 0) return { ok: false as const, errors: { details: 'errors.rectification.noChange' } as FieldErrors };
  return { ok: true as const, data: { changes, reason: form.data.reason, formKey: form.data.formKey } };
}

/**
 * Records a correction request: received today (London), due one calendar month on. The same
 * form sent twice records one request; either way the request is returned. The child's
 * caseworkers hear of it by email, as they hear of a family's message.
 */
export async function askForCorrection(requester: Pick<User, 'id' | 'name'>, child: Pick<Child, 'id' | 'laId' | 'firstName'>, input: { changes: RectificationChange[]; reason: string; formKey: string }, now = new Date()): Promise<RectificationRequest> {
  const db = await getDb();
  const receivedOn = todayInLondon(now);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rectificationRequests)
      .values({ laId: child.laId, childId: child.id, requesterId: requester.id, receivedOn, dueOn: rectificationDueOn(receivedOn), changes: input.changes, reason: input.reason, formKey: input.formKey, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) return null;
    await recordAudit({ userId: requester.id, action: 'ask:rectification', subjectType: 'rectification_request', subjectId: row.id, outcome: 'allowed', details: { childId: child.id, fields: input.changes.map((c) => c.field) } }, tx);
    const council = await councilContext(child.laId, tx);
    const caseworkers = await tx
      .selectDistinct({ id: users.id, email: users.email, locale: users.locale, name: users.name })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.caseworkerId))
      .where(and(eq(cases.childId, child.id), eq(cases.laId, child.laId), sql`${users.deactivatedAt} is null`));
    for (const staff of caseworkers) {
      await queueEmail(tx, council, 'rectificationAsked', staff, { name: staff.name, childName: child.firstName, dueBy: formatDate(row.dueOn, staff.locale), link: linkTo(council, `/corrections/${row.id}`) });
    }
    return row;
  });
  if (created) {
    wakeMailer();
    return created;
  }
  const [existing] = await db.select().from(rectificationRequests).where(and(eq(rectificationRequests.requesterId, requester.id), eq(rectificationRequests.formKey, input.formKey)));
  return existing;
}

export const CORRECTIONS_PAGE_SIZE = 25;

export type CorrectionListEntry = {
  id: string;
  childName: string;
  requesterName: string;
  receivedOn: string;
  dueOn: string;
  status: RectificationRequest['status'];
  overdue: boolean;
  fields: RectificationChange['field'][];
};

/**
 * The corrections a member of staff decides, undecided first (soonest due first), then those
 * decided, latest first; a page at a time. A manager sees the council's; a caseworker those of
 * the children on their caseload.
 */
export async function correctionsToDecide(staff: Pick<User, 'id' | 'role'> & { laId: string }, page: number, now = new Date()): Promise<{ entries: CorrectionListEntry[]; pages: number; page: number }> {
  const db = await getDb();
  const today = todayInLondon(now);
  const onCaseload = exists(
    db
      .select({ one: sql`1` })
      .from(cases)
      .where(and(eq(cases.childId, rectificationRequests.childId), eq(cases.laId, rectificationRequests.laId), eq(cases.caseworkerId, staff.id))),
  );
  const where = staff.role === 'manager' ? eq(rectificationRequests.laId, staff.laId) : and(eq(rectificationRequests.laId, staff.laId), onCaseload);
  const [{ total }] = await db.select({ total: count() }).from(rectificationRequests).where(where);
  const pages = Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const requester = alias(users, 'requester');
  const rows = await db
    .select({ request: rectificationRequests, child: { firstName: children.firstName, lastName: children.lastName }, requesterName: requester.name })
    .from(rectificationRequests)
    .innerJoin(children, eq(children.id, rectificationRequests.childId))
    .innerJoin(requester, eq(requester.id, rectificationRequests.requesterId))
    .where(where)
    .orderBy(sql`${rectificationRequests.status} <> 'pending'`, asc(rectificationRequests.dueOn), desc(rectificationRequests.decidedAt), asc(rectificationRequests.id))
    .limit(CORRECTIONS_PAGE_SIZE)
    .offset((current - 1) * CORRECTIONS_PAGE_SIZE);
  return {
    page: current,
    pages,
    entries: rows.map(({ request, child, requesterName }) => ({
      id: request.id,
      childName: personName(child),
      requesterName,
      receivedOn: request.receivedOn,
      dueOn: request.dueOn,
      status: request.status,
      overdue: isRectificationOverdue(request, today),
      fields: request.changes.map((c) => c.field),
    })),
  };
}

/** The person's own correction requests, newest first. */
export async function correctionsBy(userId: string) {
  const db = await getDb();
  const rows = await db
    .select({ request: rectificationRequests, child: { firstName: children.firstName, lastName: children.lastName } })
    .from(rectificationRequests)
    .innerJoin(children, eq(children.id, rectificationRequests.childId))
    .where(eq(rectificationRequests.requesterId, userId))
    .orderBy(desc(rectificationRequests.createdAt), asc(rectificationRequests.id));
  return rows.map(({ request, child }) => ({ id: request.id, childName: personName(child), receivedOn: request.receivedOn, dueOn: request.dueOn, status: request.status }));
}

export type CorrectionHistoryEntry = {
  id: string;
  status: Exclude<RectificationRequest['status'], 'pending'>;
  changes: RectificationChange[];
  reason: string;
  refusalReason: string | null;
  requesterName: string;
  deciderName: string;
  decidedAt: string;
};

/** Every decided correction of a child's record, latest first: what was held, what it became, why, who asked and who decided. */
export async function correctionHistoryOf(childId: string): Promise<CorrectionHistoryEntry[]> {
  const db = await getDb();
  const requester = alias(users, 'requester');
  const decider = alias(users, 'decider');
  const rows = await db
    .select({ request: rectificationRequests, requesterName: requester.name, deciderName: decider.name })
    .from(rectificationRequests)
    .innerJoin(requester, eq(requester.id, rectificationRequests.requesterId))
    .innerJoin(decider, eq(decider.id, rectificationRequests.decidedBy))
    .where(and(eq(rectificationRequests.childId, childId), isNotNull(rectificationRequests.decidedAt), inArray(rectificationRequests.status, ['approved', 'refused'])))
    .orderBy(desc(rectificationRequests.decidedAt), asc(rectificationRequests.id));
  return rows.map(({ request, requesterName, deciderName }) => ({
    id: request.id,
    status: request.status as CorrectionHistoryEntry['status'],
    changes: request.changes,
    reason: request.reason,
    refusalReason: request.refusalReason,
    requesterName,
    deciderName,
    decidedAt: request.decidedAt!.toISOString(),
  }));
}

/** What a correction request's pages show besides the request: the child as held now and who asked. */
export async function correctionContext(record: Pick<RectificationRequest, 'childId' | 'requesterId'>) {
  const db = await getDb();
  const [[child], [requester]] = await Promise.all([
    db.select().from(children).where(eq(children.id, record.childId)),
    db.select({ name: users.name }).from(users).where(eq(users.id, record.requesterId)),
  ]);
  return { child, requesterName: requester?.name ?? '' };
}

const decisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({
    decision: z.literal('refuse'),
    // `reasons`: the form's name for a multi-line reason (app/forms/characters.server.ts), so line breaks are kept.
    reasons: z.string({ error: 'errors.rectification.refusalReason' }).trim().min(1, 'errors.rectification.refusalReason').max(REASON_MAX, 'errors.rectification.reasonTooLong'),
  }),
]);

/** Approve, or refuse with the reason the family will read. */
export function parseDecisionForm(values: FormValues): { ok: true; data: CorrectionDecision } | { ok: false; errors: FieldErrors } {
  if (values.decision !== 'approve' && values.decision !== 'refuse') return { ok: false, errors: { decision: 'errors.rectification.decision' } };
  const form = validateForm(decisionSchema, values);
  if (!form.ok) return { ok: false, errors: form.errors };
  return { ok: true, data: form.data.decision === 'refuse' ? { decision: 'refuse', refusalReason: form.data.reasons } : { decision: 'approve' } };
}

export type CorrectionDecision = { decision: 'approve' } | { decision: 'refuse'; refusalReason: string };

/**
 * Decides a request, in one transaction: an approval applies the changes to the child's record
 * (each change keeps the value it replaced), the decision and the audit entry are written, and
 * the person who asked is emailed in their language. A second press (a double click, another
 * member of staff) finds it decided and changes nothing.
 */
export async function decideCorrection(staff: Pick<User, 'id'>, request: Pick<RectificationRequest, 'id'>, decision: CorrectionDecision, address: string | undefined, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const decided = await db.transaction(async (tx) => {
    // Locks the request, so two decisions cannot both apply.
    const [row] = await tx
      .select()
      .from(rectificationRequests)
      .where(and(eq(rectificationRequests.id, request.id), eq(rectificationRequests.status, 'pending')))
      .for('update');
    if (!row) return false;
    let changes = row.changes;
    if (decision.decision === 'approve') {
      const [child] = await tx.select().from(children).where(eq(children.id, row.childId)).for('update');
      const held = detailsOf(child);
      changes = row.changes.map((change) => ({ ...change, from: normaliseDetail(held[change.field]) }));
      const update: Partial<Pick<Child, 'firstName' | 'lastName' | 'dateOfBirth' | 'school'>> = {};
      for (const change of changes) {
        if (change.field === 'school') update.school = change.to;
        else if (change.to !== null) update[change.field] = change.to;
      }
      await tx.update(children).set(update).where(eq(children.id, row.childId));
    }
    await tx
      .update(rectificationRequests)
      .set({ status: decision.decision === 'approve' ? 'approved' : 'refused', changes, decidedBy: staff.id, decidedAt: now, refusalReason: decision.decision === 'refuse' ? decision.refusalReason : null })
      .where(eq(rectificationRequests.id, row.id));
    await recordAudit(
      { userId: staff.id, action: decision.decision === 'approve' ? 'approve:rectification' : 'refuse:rectification', subjectType: 'rectification_request', subjectId: row.id, outcome: 'allowed', address, details: { childId: row.childId, decision: decision.decision, fields: changes.map((c) => c.field) } },
      tx,
    );
    const [requester] = await tx.select().from(users).where(eq(users.id, row.requesterId));
    const [child] = await tx.select({ firstName: children.firstName }).from(children).where(eq(children.id, row.childId));
    const council = await councilContext(row.laId, tx);
    const link = linkTo(council, `/account/corrections/${row.id}`);
    if (decision.decision === 'approve') await queueEmail(tx, council, 'rectificationApproved', requester, { name: requester.name, childName: child.firstName, link });
    else await queueEmail(tx, council, 'rectificationRefused', requester, { name: requester.name, childName: child.firstName, reason: decision.refusalReason, link });
    return true;
  });
  if (decided) wakeMailer();
  return decided;
}
