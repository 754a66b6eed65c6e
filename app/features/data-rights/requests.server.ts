import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { childParents, children, subjectAccessRequests, users, type SubjectAccessRequest, type User } from '../../../db/schema';
import { addDays, todayInLondon } from '~/domain/timescales';
import { isSubjectAccessOverdue, subjectAccessDueOn } from '~/domain/subject-access';
import { linkTo } from '~/domain/council';
import { isUuid } from '~/domain/ids';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { getFixedT } from '~/i18n/i18n.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';

/**
 * Subject access requests (ADR 0034): asked in the portal or recorded from a letter, listed for
 * the council's staff by due date, released once staff have reviewed the export.
 */

/** The family member's children, each with the council that holds their record: whom they can ask. */
export async function childrenToAskAbout(userId: string) {
  const db = await getDb();
  return db
    .selectDistinct({ id: children.id, firstName: children.firstName, lastName: children.lastName, laId: children.laId })
    .from(children)
    .leftJoin(childParents, eq(childParents.childId, children.id))
    .where(or(eq(childParents.userId, userId), eq(children.youngPersonUserId, userId)))
    .orderBy(asc(children.firstName), asc(children.id));
}

const askSchema = z.object({
  childId: z.string({ error: 'errors.dataRights.child' }).uuid('errors.dataRights.child'),
  formKey: z.string().uuid('errors.generic'),
});

export function parseAskForm(values: FormValues) {
  return validateForm(askSchema, values);
}

/**
 * Records a request asked in the portal: received today (London), due one calendar month on.
 * The same form sent twice records one request.
 */
export async function askForData(requester: Pick<User, 'id'>, child: { id: string; laId: string }, formKey: string, now = new Date()) {
  const db = await getDb();
  const receivedOn = todayInLondon(now);
  await db
    .insert(subjectAccessRequests)
    .values({ laId: child.laId, requesterId: requester.id, childId: child.id, receivedOn, dueOn: subjectAccessDueOn(receivedOn), receivedVia: 'portal', recordedBy: requester.id, formKey, createdAt: now })
    .onConflictDoNothing();
}

const letterSchema = z.object({
  email: z.email('errors.dataRights.email'),
  receivedVia: z.enum(['letter', 'email', 'in_person'], { error: 'errors.dataRights.receivedVia' }),
  formKey: z.string().uuid('errors.generic'),
});

/** A request that came by letter (or email, or in person): who, how, and the day it arrived (today or up to a year ago). */
export function parseLetterForm(values: FormValues, now = new Date()) {
  const form = validateForm(letterSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const today = todayInLondon(now);
  const received = isoFromDateParts(datePartsFrom(values, 'receivedOn'));
  if (!received.ok) errors.receivedOn = received.error;
  else if (received.iso > today) errors.receivedOn = 'errors.dataRights.receivedFuture';
  else if (received.iso < addDays(today, -365)) errors.receivedOn = 'errors.dataRights.receivedTooOld';
  if (!form.ok || !received.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, data: { ...form.data, email: form.data.email.toLowerCase(), receivedOn: received.iso } };
}

export type LetterInput = { email: string; receivedVia: 'letter' | 'email' | 'in_person'; receivedOn: string; formKey: string };

/**
 * Records a request made outside the portal. The person must have a family account linked to a
 * child this council knows: the export is built from the portal's records of them, and it is
 * released to that account (the council answers anyone else outside the portal).
 */
export async function recordLetterRequest(staff: Pick<User, 'id'> & { laId: string }, input: LetterInput, now = new Date()): Promise<{ ok: true } | { ok: false; error: string }> {
  const db = await getDb();
  const [person] = await db.select().from(users).where(eq(users.email, input.email));
  const known = person ? (await childrenToAskAbout(person.id)).filter((c) => c.laId === staff.laId) : [];
  if (!person || known.length === 0) return { ok: false, error: 'errors.dataRights.noFamilyAccount' };
  await db
    .insert(subjectAccessRequests)
    .values({ laId: staff.laId, requesterId: person.id, childId: known[0].id, receivedOn: input.receivedOn, dueOn: subjectAccessDueOn(input.receivedOn), receivedVia: input.receivedVia, recordedBy: staff.id, formKey: input.formKey, createdAt: now })
    .onConflictDoNothing();
  return { ok: true };
}

export type SubjectAccessListEntry = {
  id: string;
  requesterName: string;
  receivedOn: string;
  dueOn: string;
  receivedVia: SubjectAccessRequest['receivedVia'];
  status: SubjectAccessRequest['status'];
  overdue: boolean;
  releasedAt: string | null;
};

/** The council's requests: those still to answer first, soonest due first; then those released, latest first. */
export async function subjectAccessRequestsOf(laId: string, now = new Date()): Promise<SubjectAccessListEntry[]> {
  const db = await getDb();
  const today = todayInLondon(now);
  const rows = await db
    .select({ request: subjectAccessRequests, requesterName: users.name })
    .from(subjectAccessRequests)
    .innerJoin(users, eq(users.id, subjectAccessRequests.requesterId))
    .where(eq(subjectAccessRequests.laId, laId))
    .orderBy(sql`${subjectAccessRequests.status} = 'released'`, asc(subjectAccessRequests.dueOn), desc(subjectAccessRequests.releasedAt), asc(subjectAccessRequests.id));
  return rows.map(({ request, requesterName }) => ({
    id: request.id,
    requesterName,
    receivedOn: request.receivedOn,
    dueOn: request.dueOn,
    receivedVia: request.receivedVia,
    status: request.status,
    overdue: isSubjectAccessOverdue(request, today),
    releasedAt: request.releasedAt?.toISOString() ?? null,
  }));
}

/** The person's own requests, newest first. */
export async function subjectAccessRequestsBy(userId: string) {
  const db = await getDb();
  const rows = await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.requesterId, userId)).orderBy(desc(subjectAccessRequests.createdAt), asc(subjectAccessRequests.id));
  const councils = await Promise.all([...new Set(rows.map((r) => r.laId))].map((id) => councilContext(id)));
  const names = new Map(councils.map((c) => [c.laId, c.name]));
  return rows.map((r) => ({ id: r.id, council: names.get(r.laId) ?? '', receivedOn: r.receivedOn, dueOn: r.dueOn, status: r.status }));
}

export async function getSubjectAccessRequest(id: string): Promise<SubjectAccessRequest | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.id, id));
  return row ?? null;
}

export async function requesterOf(request: Pick<SubjectAccessRequest, 'requesterId'>): Promise<User> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, request.requesterId));
  return user;
}

/**
 * Releases the export: marks the request answered, writes the audit entry and emails the person
 * (in their language, nothing personal in the subject), all in one transaction. A second press
 * (a double click, another member of staff) finds it released and does nothing more.
 */
export async function releaseSubjectAccess(staff: Pick<User, 'id'>, request: SubjectAccessRequest, reviewed: { redactions: readonly string[]; rows: readonly string[] }, address: string | undefined, now = new Date()): Promise<boolean> {
  const { redactions } = reviewed;
  const db = await getDb();
  const released = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(subjectAccessRequests)
      .set({ status: 'released', releasedAt: now, releasedBy: staff.id, redactions: [...redactions], releasedRows: [...reviewed.rows] })
      .where(and(eq(subjectAccessRequests.id, request.id), eq(subjectAccessRequests.status, 'received')))
      .returning();
    if (!row) return false;
    await recordAudit({ userId: staff.id, action: 'release:subject-access', subjectType: 'subject_access_request', subjectId: row.id, outcome: 'allowed', address, details: { requesterId: row.requesterId, redactions: redactions.length } }, tx);
    const [requester] = await tx.select().from(users).where(eq(users.id, row.requesterId));
    const council = await councilContext(row.laId, tx);
    await queueEmail(tx, council, 'subjectAccessReady', { id: requester.id, email: requester.email, locale: requester.locale }, { name: requester.name, council: council.name ?? String(getFixedT(requester.locale)('familyDigest.yourCouncil')), link: linkTo(council, '/account/your-data') });
    return true;
  });
  if (released) wakeMailer();
  return released;
}

const releaseSchema = z.object({ redact: z.string().optional() });

/**
 * What the release form holds back: review keys from the list shown. A key not on the list (the
 * records changed since the page was drawn, or a tampered form) refuses the release, so the
 * manager looks again rather than releasing something they did not review.
 */
export function parseReleaseForm(values: FormValues, reviewKeys: readonly string[]) {
  const form = validateForm(releaseSchema, values);
  if (!form.ok) return { ok: false as const, errors: form.errors };
  const posted = (form.data.redact ?? '').split(',').filter(Boolean);
  if (posted.some((key) => !reviewKeys.includes(key))) return { ok: false as const, errors: { redact: 'errors.dataRights.redact' } as FieldErrors };
  return { ok: true as const, redactions: posted };
}

/** Written when a person downloads their own account data. */
export async function auditAccountDownload(userId: string, address: string | undefined) {
  await recordAudit({ userId, action: 'download:own-data', subjectType: 'user', subjectId: userId, outcome: 'allowed', address });
}
