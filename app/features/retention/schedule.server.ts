import { and, asc, count, eq, gt, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  assessmentRequests,
  caseEvents,
  cases,
  childParents,
  children,
  localAuthorities,
  retentionDue,
  retentionHolds,
  retentionSettings,
  subjectAccessRequests,
  users,
  type User,
} from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import {
  DEFAULT_RETENTION,
  isDue,
  monthsLater,
  planRetentionBases,
  RETENTION_LIMITS,
  retentionDue as dueUnder,
  type CaseForRetention,
  type LegalHoldKind,
  type RecordedHoldReason,
  type RetentionRule,
  type RetentionSettings,
} from '~/domain/retention';
import { todayInLondon, type IsoDate } from '~/domain/timescales';
import { isUuid } from '~/domain/ids';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { validateForm, type FormValues } from '~/forms/form.server';

/**
 * The council's retention schedule, the nightly list of what is due, and legal holds (ADR 0037).
 * Nothing here deletes: deletion is ./deletion.server.ts, and only on a manager's approval.
 */

type Db = Database | Transaction;

/** The council's schedule: its own, or the defaults while it has set none. */
export async function retentionSettingsOf(laId: string, db?: Db): Promise<RetentionSettings & { own: boolean }> {
  const handle = db ?? (await getDb());
  const [row] = await handle.select().from(retentionSettings).where(eq(retentionSettings.laId, laId));
  if (!row) return { ...DEFAULT_RETENTION, own: false };
  return { planBasis: row.planBasis, planAge: row.planAge, yearsAfterPlan: row.yearsAfterPlan, yearsAfterClosure: row.yearsAfterClosure, draftMonths: row.draftMonths, own: true };
}

const whole = (limits: { min: number; max: number }, error: string) => z.coerce.number({ error }).int(error).min(limits.min, error).max(limits.max, error);

const settingsSchema = z.object({
  planBasis: z.enum(planRetentionBases, { error: 'errors.retention.planBasis' }),
  planAge: whole(RETENTION_LIMITS.planAge, 'errors.retention.planAge'),
  yearsAfterPlan: whole(RETENTION_LIMITS.yearsAfterPlan, 'errors.retention.yearsAfterPlan'),
  yearsAfterClosure: whole(RETENTION_LIMITS.yearsAfterClosure, 'errors.retention.yearsAfterClosure'),
  draftMonths: whole(RETENTION_LIMITS.draftMonths, 'errors.retention.draftMonths'),
});

export function parseRetentionSettings(values: FormValues) {
  // An empty box is "not given", not zero.
  const present = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.trim() === '' ? undefined : value.trim()]));
  return validateForm(settingsSchema, present as FormValues);
}

/** Saves the admin's schedule, audited with what it was and what it became. Returns whether anything changed. */
export async function changeRetentionSettings(admin: Pick<User, 'id'>, laId: string, next: RetentionSettings, address?: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(localAuthorities.id, laId)).for('update');
    const { own, ...current } = await retentionSettingsOf(laId, tx);
    const keys = Object.keys(DEFAULT_RETENTION) as (keyof RetentionSettings)[];
    const changed = keys.filter((key) => current[key] !== next[key]);
    if (own && changed.length === 0) return false;
    await tx
      .insert(retentionSettings)
      .values({ laId, ...next, updatedBy: admin.id, updatedAt: new Date() })
      .onConflictDoUpdate({ target: retentionSettings.laId, set: { ...next, updatedBy: admin.id, updatedAt: new Date() } });
    const details = Object.fromEntries(changed.map((key) => [key, { from: current[key], to: next[key] }]));
    await recordAudit({ userId: admin.id, action: 'change:retention_settings', subjectType: 'la', subjectId: laId, outcome: 'allowed', address, details }, tx);
    return changed.length > 0;
  });
}

/** A case's stages that retention treats as closed: nothing more is happening on it. A refused case may be reopened by an appeal: a manager records that as a hold. */
const CLOSED_FOR_RETENTION = ['withdrawn', 'ceased', 'assessment_refused', 'plan_refused'] as const;
const CLOSING_EVENTS = ['request_withdrawn', 'plan_ceased', 'assessment_refused', 'plan_refused'];

/** What the domain rule needs to know about each case: read from the case, its child and its events. */
export async function casesForRetention(db: Db, caseIds: readonly string[]): Promise<Map<string, CaseForRetention & { laId: string; childId: string; reference: string }>> {
  const facts = new Map<string, CaseForRetention & { laId: string; childId: string; reference: string }>();
  if (caseIds.length === 0) return facts;
  const rows = await db
    .select({ id: cases.id, laId: cases.laId, childId: cases.childId, reference: cases.reference, stage: cases.stage, updatedAt: cases.updatedAt, dateOfBirth: children.dateOfBirth })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .where(inArray(cases.id, [...caseIds]));
  const events = await db
    .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, occurredAt: caseEvents.occurredAt })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, [...caseIds]), inArray(caseEvents.kind, [...CLOSING_EVENTS, 'final_plan_issued'])))
    .orderBy(asc(caseEvents.occurredAt));
  for (const row of rows) {
    const own = events.filter((e) => e.caseId === row.id);
    const closed = (CLOSED_FOR_RETENTION as readonly string[]).includes(row.stage);
    const closing = own.filter((e) => CLOSING_EVENTS.includes(e.kind)).at(-1);
    // A case closed with no event recorded (moved by hand before the portal) counts from its last change.
    const closedOn = closed ? todayInLondon(closing?.occurredAt ?? row.updatedAt) : null;
    const hadPlan = row.stage === 'ceased' || own.some((e) => e.kind === 'final_plan_issued');
    facts.set(row.id, { kind: 'case', laId: row.laId, childId: row.childId, reference: row.reference, dateOfBirth: row.dateOfBirth, closedOn, hadPlan, planEndedOn: hadPlan ? closedOn : null });
  }
  return facts;
}

export type DueItem = { childId: string; caseId: string | null; requestId: string | null; rule: RetentionRule; dueOn: IsoDate };

/** Every closed case and stale draft of the council that is due on `today` under its schedule (holds are not considered: they are shown beside each item). */
export async function dueItemsOf(db: Db, laId: string, today: IsoDate): Promise<DueItem[]> {
  const settings = await retentionSettingsOf(laId, db);
  const closedIds = (
    await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.laId, laId), inArray(cases.stage, [...CLOSED_FOR_RETENTION])))
  ).map((c) => c.id);
  const items: DueItem[] = [];
  // In batches: a council's closed cases grow for decades, and a query takes a bounded list of ids.
  for (let i = 0; i < closedIds.length; i += 1000) {
    for (const [caseId, facts] of await casesForRetention(db, closedIds.slice(i, i + 1000))) {
      const due = dueUnder(facts, settings);
      if (isDue(due, today)) items.push({ childId: facts.childId, caseId, requestId: null, rule: due.rule, dueOn: due.dueOn });
    }
  }
  const drafts = await db
    .select({ id: assessmentRequests.id, childId: assessmentRequests.childId, updatedAt: assessmentRequests.updatedAt })
    .from(assessmentRequests)
    .innerJoin(children, eq(children.id, assessmentRequests.childId))
    .where(and(eq(children.laId, laId), eq(assessmentRequests.status, 'draft')));
  for (const draft of drafts) {
    const due = dueUnder({ kind: 'draft_request', lastChangedOn: todayInLondon(draft.updatedAt) }, settings);
    if (isDue(due, today)) items.push({ childId: draft.childId, caseId: null, requestId: draft.id, rule: due.rule, dueOn: due.dueOn });
  }
  return items;
}

/**
 * Rebuilds the council's list of what is due, in one transaction under a lock on the council's
 * row: two servers running the job at once each write the whole list in turn, never a mixture.
 * Deletes nothing but the list itself.
 */
export async function refreshDueList(laId: string, now = new Date()): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(localAuthorities.id, laId)).for('update');
    const items = await dueItemsOf(tx, laId, todayInLondon(now));
    await tx.delete(retentionDue).where(eq(retentionDue.laId, laId));
    for (let i = 0; i < items.length; i += 500) await tx.insert(retentionDue).values(items.slice(i, i + 500).map((item) => ({ ...item, laId, listedAt: now })));
    return items.length;
  });
}

/** The nightly job: every council's list, one council at a time. */
export async function refreshAllDueLists(now = new Date()): Promise<void> {
  const db = await getDb();
  for (const la of await db.select({ id: localAuthorities.id }).from(localAuthorities)) await refreshDueList(la.id, now);
}

export type LegalHold = { kind: LegalHoldKind; reason: RecordedHoldReason | null; holdId: string | null };

/**
 * THE answer to "is there a hold" (ADR 0037): everything that stops a child's records being
 * deleted, per child. Open subject access requests (about the child, or from one of the child's
 * family), the child's open cases, drafts still being written, and holds a manager recorded. When
 * complaints and appeals arrive as records, they join here, and every caller sees them.
 */
export async function legalHoldsOf(db: Db, laId: string, childIds: readonly string[], today: IsoDate): Promise<Map<string, LegalHold[]>> {
  const holds = new Map<string, LegalHold[]>(childIds.map((id) => [id, []]));
  if (childIds.length === 0) return holds;
  const ids = [...childIds];
  const add = (childId: string, hold: LegalHold) => holds.get(childId)?.push(hold);
  const recorded = await db
    .select({ id: retentionHolds.id, childId: retentionHolds.childId, reason: retentionHolds.reason })
    .from(retentionHolds)
    .where(and(eq(retentionHolds.laId, laId), inArray(retentionHolds.childId, ids), isNull(retentionHolds.liftedAt)))
    .orderBy(asc(retentionHolds.createdAt));
  for (const hold of recorded) add(hold.childId, { kind: 'recorded', reason: hold.reason, holdId: hold.id });
  const family = await db
    .select({ childId: children.id, parentId: childParents.userId, youngPersonId: children.youngPersonUserId })
    .from(children)
    .leftJoin(childParents, eq(childParents.childId, children.id))
    .where(inArray(children.id, ids));
  const people = [...new Set(family.flatMap((f) => [f.parentId, f.youngPersonId]).filter((id): id is string => Boolean(id)))];
  const requests = await db
    .select({ childId: subjectAccessRequests.childId, requesterId: subjectAccessRequests.requesterId })
    .from(subjectAccessRequests)
    .where(and(eq(subjectAccessRequests.laId, laId), eq(subjectAccessRequests.status, 'received'), or(inArray(subjectAccessRequests.childId, ids), people.length > 0 ? inArray(subjectAccessRequests.requesterId, people) : undefined)));
  for (const childId of ids) {
    const mine = new Set(family.filter((f) => f.childId === childId).flatMap((f) => [f.parentId, f.youngPersonId]));
    if (requests.some((r) => r.childId === childId || mine.has(r.requesterId))) add(childId, { kind: 'subject_access', reason: null, holdId: null });
  }
  const open = await db
    .selectDistinct({ childId: cases.childId })
    .from(cases)
    .where(and(inArray(cases.childId, ids), notInArray(cases.stage, [...CLOSED_FOR_RETENTION])));
  for (const row of open) add(row.childId, { kind: 'open_case', reason: null, holdId: null });
  // A draft changed within the council's months is still being written.
  const settings = await retentionSettingsOf(laId, db);
  const since = monthsLater(today, -settings.draftMonths);
  const writing = await db
    .selectDistinct({ childId: assessmentRequests.childId })
    .from(assessmentRequests)
    .where(and(inArray(assessmentRequests.childId, ids), eq(assessmentRequests.status, 'draft'), gt(assessmentRequests.updatedAt, sql`${since}::date`)));
  for (const row of writing) add(row.childId, { kind: 'open_request', reason: null, holdId: null });
  return holds;
}

export const DUE_PAGE_SIZE = 50;

export type DueListEntry = {
  id: string;
  caseId: string | null;
  caseReference: string | null;
  rule: RetentionRule;
  dueOn: IsoDate;
  holds: LegalHold[];
};

/** One page of the council's list, the longest overdue first, each with its holds as they stand now. */
export async function dueListPage(laId: string, page: number, now = new Date()): Promise<{ entries: DueListEntry[]; total: number; pages: number; page: number; listedAt: string | null }> {
  const db = await getDb();
  const [{ total }] = await db.select({ total: count() }).from(retentionDue).where(eq(retentionDue.laId, laId));
  const pages = Math.max(1, Math.ceil(total / DUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await db
    .select({ due: retentionDue, reference: cases.reference })
    .from(retentionDue)
    .leftJoin(cases, eq(cases.id, retentionDue.caseId))
    .where(eq(retentionDue.laId, laId))
    .orderBy(asc(retentionDue.dueOn), asc(retentionDue.id))
    .limit(DUE_PAGE_SIZE)
    .offset((current - 1) * DUE_PAGE_SIZE);
  const holds = await legalHoldsOf(db, laId, [...new Set(rows.map((r) => r.due.childId))], todayInLondon(now));
  const [latest] = await db.select({ at: sql<Date | string | null>`max(${retentionDue.listedAt})` }).from(retentionDue).where(eq(retentionDue.laId, laId));
  return {
    entries: rows.map(({ due, reference }) => ({ id: due.id, caseId: due.caseId, caseReference: reference, rule: due.rule, dueOn: due.dueOn, holds: holds.get(due.childId) ?? [] })),
    total,
    pages,
    page: current,
    listedAt: latest?.at ? new Date(latest.at).toISOString() : null,
  };
}

const holdSchema = z.object({
  reference: z.string({ error: 'errors.retention.reference' }).trim().min(1, 'errors.retention.reference').max(40, 'errors.retention.reference'),
  reason: z.enum(['complaint', 'appeal', 'tribunal', 'litigation', 'other'], { error: 'errors.retention.reason' }),
  note: z.string({ error: 'errors.retention.note' }).trim().min(1, 'errors.retention.note').max(500, 'errors.retention.noteLength'),
  formKey: z.string().uuid('errors.generic'),
});

export function parseHoldForm(values: FormValues) {
  return validateForm(holdSchema, values);
}

/**
 * Records a hold on the child of the council's case with this reference. The same form sent twice
 * records one hold. An unknown reference (or another council's) is a field error.
 */
export async function placeHold(manager: Pick<User, 'id'> & { laId: string }, input: z.output<typeof holdSchema>, address?: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const db = await getDb();
  const [found] = await db
    .select({ childId: cases.childId })
    .from(cases)
    .where(and(eq(cases.laId, manager.laId), sql`upper(${cases.reference}) = upper(${input.reference})`));
  if (!found) return { ok: false, error: 'errors.retention.unknownReference' };
  await db.transaction(async (tx) => {
    const [hold] = await tx
      .insert(retentionHolds)
      .values({ laId: manager.laId, childId: found.childId, reason: input.reason, note: input.note, placedBy: manager.id, formKey: input.formKey })
      .onConflictDoNothing()
      .returning();
    if (hold) await recordAudit({ userId: manager.id, action: 'place:legal_hold', subjectType: 'child', subjectId: found.childId, outcome: 'allowed', address, details: { holdId: hold.id, reason: hold.reason } }, tx);
  });
  return { ok: true };
}

/** Lifts a standing hold of the manager's council; lifting one already lifted changes nothing. */
export async function liftHold(manager: Pick<User, 'id'> & { laId: string }, holdId: string, address?: string, now = new Date()): Promise<boolean> {
  if (!isUuid(holdId)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [hold] = await tx
      .update(retentionHolds)
      .set({ liftedAt: now, liftedBy: manager.id })
      .where(and(eq(retentionHolds.id, holdId), eq(retentionHolds.laId, manager.laId), isNull(retentionHolds.liftedAt)))
      .returning();
    if (!hold) return false;
    await recordAudit({ userId: manager.id, action: 'lift:legal_hold', subjectType: 'child', subjectId: hold.childId, outcome: 'allowed', address, details: { holdId: hold.id } }, tx);
    return true;
  });
}

/** The council's standing holds, newest first: reason, the manager's note, who placed it, the case references of the child. */
export async function standingHoldsOf(laId: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: retentionHolds.id, childId: retentionHolds.childId, reason: retentionHolds.reason, note: retentionHolds.note, placedAt: retentionHolds.createdAt, placedBy: users.name })
    .from(retentionHolds)
    .innerJoin(users, eq(users.id, retentionHolds.placedBy))
    .where(and(eq(retentionHolds.laId, laId), isNull(retentionHolds.liftedAt)))
    .orderBy(sql`${retentionHolds.createdAt} desc`, asc(retentionHolds.id));
  const references = rows.length
    ? await db.select({ childId: cases.childId, reference: cases.reference }).from(cases).where(inArray(cases.childId, rows.map((r) => r.childId))).orderBy(asc(cases.reference))
    : [];
  return rows.map((r) => ({ id: r.id, reason: r.reason, note: r.note, placedAt: r.placedAt.toISOString(), placedBy: r.placedBy, references: references.filter((c) => c.childId === r.childId).map((c) => c.reference) }));
}

const approvalSchema = z.object({ item: z.string().optional(), only: z.string().optional() });

/** Which items the manager approved: the one row's button, or the boxes ticked. None is a field error. */
export function parseApprovalForm(values: FormValues) {
  const form = validateForm(approvalSchema, values);
  if (!form.ok) return { ok: false as const, errors: form.errors };
  const items = form.data.only ? [form.data.only] : (form.data.item ?? '').split(',').filter(Boolean);
  if (items.length === 0) return { ok: false as const, errors: { item: 'errors.retention.item' } as Record<string, string> };
  return { ok: true as const, items: [...new Set(items)] };
}
