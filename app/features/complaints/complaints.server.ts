import { and, asc, desc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { caseEvents, cases, complaints, users, type Case, type Complaint, type User } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { caseEvent } from '~/domain/case-events';
import { lastDayToEscalate, stage1Deadlines, stage2Deadlines, transition, type ComplaintChannel, type ComplaintState } from '~/domain/complaints';
import { linkTo, type Council } from '~/domain/council';
import { todayInLondon, type IsoDate } from '~/domain/timescales';
import { formatDate } from '~/i18n/format';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import type { TemplateName, TemplateParams } from '~/mail/templates.server';
import { councilContext } from '~/tenancy/council.server';
import { familyAudience } from '../family/index.server';
import type { ComplaintResponse, ComplaintText, RecordedComplaint } from './complaint-forms.server';
import { complaintTimesOf } from './complaint-settings.server';

/**
 * Complaints about a case (issue 16, item 4; ADR 0050). Every step runs in one transaction with
 * its case event, its audit row and its emails (outbox), and is guarded by the state machine in
 * app/domain/complaints.ts on the row locked for update. A step sent twice changes nothing the
 * second time.
 */

type Executor = Database | Transaction;
type CaseRef = Pick<Case, 'id' | 'laId' | 'childId' | 'reference' | 'caseworkerId'>;

export type ComplaintOutcomeOf = { ok: true; complaintId: string } | { ok: false; error: string };

const complaintLink = (council: Council, caseId: string, complaintId: string) => linkTo(council, `/cases/${caseId}/complaints/${complaintId}`);

function stateOf(row: Pick<Complaint, 'status' | 'stage' | 'stage1RespondedOn'>): ComplaintState {
  return { status: row.status, stage: row.stage === 2 ? 2 : 1, stage1RespondedOn: row.stage1RespondedOn };
}

/** Emails each person once, in their own language; `dates` are formatted for each. */
async function tell<K extends Extract<TemplateName, `complaint${string}`>>(
  tx: Transaction,
  council: Council,
  template: K,
  people: readonly User[],
  params: (person: User) => TemplateParams<K>,
) {
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    await queueEmail(tx, council, template, { id: person.id, email: person.email, locale: person.locale }, params(person));
  }
}

/** Who answers for the council: the case's caseworker, or its council's managers when there is none (or `withManagers`). */
async function staffToTell(tx: Transaction, caseRecord: CaseRef, withManagers: boolean): Promise<User[]> {
  const caseworker = caseRecord.caseworkerId ? await tx.select().from(users).where(and(eq(users.id, caseRecord.caseworkerId), isNull(users.deactivatedAt))) : [];
  if (caseworker.length > 0 && !withManagers) return caseworker;
  const managers = await tx
    .select()
    .from(users)
    .where(and(eq(users.laId, caseRecord.laId), eq(users.role, 'manager'), isNull(users.deactivatedAt)));
  return [...caseworker, ...managers];
}

async function audit(tx: Transaction, actor: Pick<User, 'id'>, action: string, caseId: string, details: Record<string, unknown>, address?: string) {
  await recordAudit({ userId: actor.id, action, subjectType: 'case', subjectId: caseId, outcome: 'allowed', address, details }, tx);
}

type NewComplaint = ComplaintText & { channel: ComplaintChannel; receivedOn: IsoDate; madeBy: string | null; complainantName: string | null };

/**
 * A complaint arrives: from the family on the portal, or recorded by staff. Its number on the
 * case and its due dates (the council's own times) are stored; the family is told what happens
 * and by when, the caseworker (or the managers) that a complaint needs an answer.
 */
async function createComplaint(actor: Pick<User, 'id'>, caseRecord: CaseRef, input: NewComplaint, options: { now?: Date; address?: string }): Promise<ComplaintOutcomeOf> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<ComplaintOutcomeOf & { created?: boolean }> => {
    // The case row is locked so two complaints made at once take numbers one after the other.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseRecord.id)).for('update');
    const [same] = await tx.select({ id: complaints.id }).from(complaints).where(and(eq(complaints.caseId, caseRecord.id), eq(complaints.formKey, input.formKey)));
    if (same) return { ok: true, complaintId: same.id };
    const [{ last }] = await tx.select({ last: max(complaints.number) }).from(complaints).where(eq(complaints.caseId, caseRecord.id));
    const number = (last ?? 0) + 1;
    const reference = `${caseRecord.reference}-C${number}`;
    const times = await complaintTimesOf(caseRecord.laId, tx);
    const due = stage1Deadlines(input.receivedOn, times);
    const [row] = await tx
      .insert(complaints)
      .values({
        laId: caseRecord.laId,
        caseId: caseRecord.id,
        reference,
        number,
        channel: input.channel,
        madeBy: input.madeBy,
        complainantName: input.complainantName,
        recordedBy: input.madeBy ? null : actor.id,
        about: input.about,
        putRight: input.putRight,
        receivedOn: input.receivedOn,
        acknowledgeBy: due.acknowledgeBy,
        stage1DueBy: due.respondBy,
        formKey: input.formKey,
      })
      .returning();
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: actor.id, occurredAt: now, ...caseEvent('complaint_received', { reference, channel: input.channel, receivedOn: input.receivedOn, respondBy: due.respondBy }) });
    await audit(tx, actor, 'make:complaint', caseRecord.id, { complaintId: row.id, channel: input.channel }, options.address);
    const council = await councilContext(caseRecord.laId, tx);
    const link = complaintLink(council, caseRecord.id, row.id);
    await tell(tx, council, 'complaintReceived', await familyAudience(tx, caseRecord.childId, 'read:case'), (p) => ({ name: p.name, reference, acknowledgeBy: formatDate(due.acknowledgeBy, p.locale), respondBy: formatDate(due.respondBy, p.locale), link }));
    await tell(tx, council, 'complaintForStaff', await staffToTell(tx, caseRecord, false), (p) => ({ name: p.name, reference, respondBy: formatDate(due.respondBy, p.locale), link }));
    return { ok: true, complaintId: row.id, created: true };
  });
  if (outcome.ok && outcome.created) wakeMailer();
  return outcome.ok ? { ok: true, complaintId: outcome.complaintId } : outcome;
}

/** The family (or an adviser acting for them) complains on the portal; received today. */
export function makeComplaint(user: Pick<User, 'id'>, caseRecord: CaseRef, text: ComplaintText, options: { now?: Date; address?: string } = {}) {
  const receivedOn = todayInLondon(options.now);
  return createComplaint(user, caseRecord, { ...text, channel: 'portal', receivedOn, madeBy: user.id, complainantName: null }, options);
}

/** Staff record a complaint they received by phone, letter or email, on the day it arrived. */
export function recordComplaint(staff: Pick<User, 'id'>, caseRecord: CaseRef, recorded: RecordedComplaint, options: { now?: Date; address?: string } = {}) {
  return createComplaint(staff, caseRecord, { about: recorded.about, putRight: recorded.putRight, formKey: recorded.formKey, channel: recorded.channel, receivedOn: recorded.receivedOn, madeBy: null, complainantName: recorded.complainantName }, options);
}

/** A step on one complaint of the case: the row locked, or a 404 for any other id. */
async function lockedComplaint(tx: Transaction, caseId: string, complaintId: string): Promise<Complaint> {
  const [row] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, complaintId), eq(complaints.caseId, caseId)))
    .for('update');
  if (!row) throw new Response('Not Found', { status: 404 });
  return row;
}

async function step(work: (tx: Transaction) => Promise<{ ok: true; changed: boolean } | { ok: false; error: string }>): Promise<{ ok: true } | { ok: false; error: string }> {
  const db = await getDb();
  const outcome = await db.transaction(work);
  if (outcome.ok && outcome.changed) wakeMailer();
  return outcome.ok ? { ok: true } : outcome;
}

/** Staff acknowledge the complaint at its stage; the family is told when to expect the answer. */
export function acknowledgeComplaint(staff: Pick<User, 'id'>, caseRecord: CaseRef, complaintId: string, stage: 1 | 2, options: { now?: Date; address?: string } = {}) {
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  return step(async (tx) => {
    const row = await lockedComplaint(tx, caseRecord.id, complaintId);
    // Already acknowledged (or answered) at this stage: a second press.
    if (row.stage !== stage || (stage === 1 ? row.acknowledgedOn : row.stage2AcknowledgedOn)) return { ok: true, changed: false };
    const next = transition(stateOf(row), 'acknowledge', today);
    if (!next.ok) return { ok: true, changed: false };
    await tx
      .update(complaints)
      .set(stage === 1 ? { status: next.next.status, acknowledgedOn: today } : { status: next.next.status, stage2AcknowledgedOn: today })
      .where(eq(complaints.id, row.id));
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: staff.id, occurredAt: now, ...caseEvent('complaint_acknowledged', { reference: row.reference, stage, acknowledgedOn: today }) });
    await audit(tx, staff, 'acknowledge:complaint', caseRecord.id, { complaintId: row.id, stage }, options.address);
    const council = await councilContext(caseRecord.laId, tx);
    const respondBy = (stage === 1 ? row.stage1DueBy : row.stage2DueBy) ?? today;
    await tell(tx, council, 'complaintAcknowledged', await familyAudience(tx, caseRecord.childId, 'read:case'), (p) => ({ name: p.name, reference: row.reference, respondBy: formatDate(respondBy, p.locale), link: complaintLink(council, caseRecord.id, row.id) }));
    return { ok: true, changed: true };
  });
}

/**
 * Staff answer at the complaint's stage: the outcome and the letter. Stage 1 tells the family how
 * to escalate and by when; stage 2 ends the council's process and gives the Ombudsman's details.
 */
export function respondToComplaint(staff: Pick<User, 'id'>, caseRecord: CaseRef, complaintId: string, response: ComplaintResponse, options: { now?: Date; address?: string } = {}) {
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  return step(async (tx) => {
    const row = await lockedComplaint(tx, caseRecord.id, complaintId);
    const answered = response.stage === 1 ? row.stage1RespondedOn : row.stage2RespondedOn;
    if (answered) return { ok: true, changed: false };
    if (row.stage !== response.stage) return { ok: false, error: 'errors.complaints.notNow' };
    const next = transition(stateOf(row), 'respond', today);
    if (!next.ok) return { ok: false, error: next.error };
    const escalateBy = response.stage === 1 ? lastDayToEscalate(today) : null;
    await tx
      .update(complaints)
      .set(
        response.stage === 1
          ? { status: next.next.status, stage1Outcome: response.outcome, stage1Letter: response.letter, stage1RespondedOn: today, stage1RespondedBy: staff.id, escalateBy }
          : { status: next.next.status, stage2Outcome: response.outcome, stage2Letter: response.letter, stage2RespondedOn: today, stage2RespondedBy: staff.id, closedOn: today },
      )
      .where(eq(complaints.id, row.id));
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: staff.id, occurredAt: now, ...caseEvent('complaint_responded', { reference: row.reference, stage: response.stage, outcome: response.outcome, respondedOn: today }) });
    await audit(tx, staff, 'respond:complaint', caseRecord.id, { complaintId: row.id, stage: response.stage, outcome: response.outcome }, options.address);
    const council = await councilContext(caseRecord.laId, tx);
    const family = await familyAudience(tx, caseRecord.childId, 'read:case');
    const link = complaintLink(council, caseRecord.id, row.id);
    if (escalateBy) await tell(tx, council, 'complaintResponded', family, (p) => ({ name: p.name, reference: row.reference, escalateBy: formatDate(escalateBy, p.locale), link }));
    else await tell(tx, council, 'complaintFinalResponse', family, (p) => ({ name: p.name, reference: row.reference, link }));
    return { ok: true, changed: true };
  });
}

/** The family takes the complaint to stage 2, with their reasons, within the time allowed. */
export function escalateComplaint(user: Pick<User, 'id'>, caseRecord: CaseRef, complaintId: string, reason: string, options: { now?: Date; address?: string } = {}) {
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  return step(async (tx) => {
    const row = await lockedComplaint(tx, caseRecord.id, complaintId);
    if (row.escalatedOn) return { ok: true, changed: false };
    const next = transition(stateOf(row), 'escalate', today);
    if (!next.ok) return { ok: false, error: next.error };
    const due = stage2Deadlines(today, await complaintTimesOf(caseRecord.laId, tx));
    await tx
      .update(complaints)
      .set({ status: next.next.status, stage: 2, escalatedOn: today, escalationReason: reason, escalatedBy: user.id, stage2AcknowledgeBy: due.acknowledgeBy, stage2DueBy: due.respondBy })
      .where(eq(complaints.id, row.id));
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: user.id, occurredAt: now, ...caseEvent('complaint_escalated', { reference: row.reference, escalatedOn: today, respondBy: due.respondBy }) });
    await audit(tx, user, 'escalate:complaint', caseRecord.id, { complaintId: row.id }, options.address);
    const council = await councilContext(caseRecord.laId, tx);
    const link = complaintLink(council, caseRecord.id, row.id);
    await tell(tx, council, 'complaintEscalated', await familyAudience(tx, caseRecord.childId, 'read:case'), (p) => ({ name: p.name, reference: row.reference, respondBy: formatDate(due.respondBy, p.locale), link }));
    await tell(tx, council, 'complaintEscalatedForStaff', await staffToTell(tx, caseRecord, true), (p) => ({ name: p.name, reference: row.reference, respondBy: formatDate(due.respondBy, p.locale), link }));
    return { ok: true, changed: true };
  });
}

/** Staff close a complaint answered at stage 1 that the family has not taken further. */
export function closeComplaint(staff: Pick<User, 'id'>, caseRecord: CaseRef, complaintId: string, options: { now?: Date; address?: string } = {}) {
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  return step(async (tx) => {
    const row = await lockedComplaint(tx, caseRecord.id, complaintId);
    if (row.status === 'closed') return { ok: true, changed: false };
    const next = transition(stateOf(row), 'close', today);
    if (!next.ok) return { ok: false, error: next.error };
    await tx.update(complaints).set({ status: 'closed', closedOn: today }).where(eq(complaints.id, row.id));
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: staff.id, occurredAt: now, ...caseEvent('complaint_closed', { reference: row.reference, closedOn: today }) });
    await audit(tx, staff, 'close:complaint', caseRecord.id, { complaintId: row.id }, options.address);
    return { ok: true, changed: false };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

export type ComplaintView = Omit<Complaint, 'formKey' | 'createdAt'> & { madeByName: string | null; stage1ResponderName: string | null; stage2ResponderName: string | null };

/** A case's complaints, newest first, with who made and answered them. */
export async function complaintsOfCase(caseId: string, executor?: Executor): Promise<ComplaintView[]> {
  const db = executor ?? (await getDb());
  const rows = await db.select().from(complaints).where(eq(complaints.caseId, caseId)).orderBy(desc(complaints.number));
  const ids = [...new Set(rows.flatMap((r) => [r.madeBy, r.stage1RespondedBy, r.stage2RespondedBy]).filter((id): id is string => id !== null))];
  const names = new Map((ids.length > 0 ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)).orderBy(asc(users.name)) : []).map((u) => [u.id, u.name]));
  return rows.map(({ formKey: _formKey, createdAt: _createdAt, ...r }) => ({
    ...r,
    madeByName: r.madeBy ? (names.get(r.madeBy) ?? null) : r.complainantName,
    stage1ResponderName: r.stage1RespondedBy ? (names.get(r.stage1RespondedBy) ?? null) : null,
    stage2ResponderName: r.stage2RespondedBy ? (names.get(r.stage2RespondedBy) ?? null) : null,
  }));
}

/** One complaint of the case, or a 404 (another case's, or none). */
export async function complaintOfCase(caseId: string, complaintId: string | undefined): Promise<ComplaintView> {
  const found = (await complaintsOfCase(caseId)).find((c) => c.id === complaintId);
  if (!found) throw new Response('Not Found', { status: 404 });
  return found;
}

/** The complaints on a case that wait for the council, for the case's pages. */
export async function openComplaintCount(caseId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(complaints)
    .where(and(eq(complaints.caseId, caseId), inArray(complaints.status, ['received', 'acknowledged', 'escalated'])));
  return row?.n ?? 0;
}
