import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { caseEvents, children, mediations, tribunalAppeals, tribunalOrders, type Case, type User } from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import {
  appealStepProblem,
  applyAppealStep,
  mediationAppealDeadline,
  orderCompliance,
  orderCompliesBy,
  orderMilestones,
  ordersFor,
  outcomesWithOrders,
  type AppealableDecision,
  type AppealFacts,
  type AppealOutcome,
  type AppealStatus,
  type AppealStep,
  type AppealStepProblem,
  type CertificateKind,
  type MediationOutcome,
  type OrderCompliance,
  type OrderKind,
  type OrderMilestone,
} from '~/domain/appeals';
import { caseEvent } from '~/domain/case-events';
import { linkTo } from '~/domain/council';
import { compareDates, todayInLondon, type IsoDate } from '~/domain/timescales';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { familyAudience } from '../family/index.server';
import type { AppealEntry, MediationEntry } from './appeal-forms.server';

/**
 * Recording mediation and appeals on a case (ADR 0051). Each change runs in one transaction with
 * its case event (the timeline) and audit row; the dates the law sets come from
 * app/domain/appeals.ts and are stored with the row. A form sent twice changes nothing the second
 * time: mediations by their form key, appeals by the Tribunal's reference, orders by (appeal,
 * kind), steps by the appeal's row, locked.
 */

type CaseRef = Pick<Case, 'id' | 'laId' | 'childId'>;
export type AppealsOutcome = { ok: true } | { ok: false; errors: Record<string, string> };

async function audit(tx: Transaction, actor: Pick<User, 'id'>, action: string, caseId: string, details: Record<string, unknown>, address?: string) {
  await recordAudit({ userId: actor.id, action, subjectType: 'case', subjectId: caseId, outcome: 'allowed', address, details }, tx);
}

async function event(tx: Transaction, caseId: string, actor: Pick<User, 'id'>, now: Date, written: ReturnType<typeof caseEvent>) {
  await tx.insert(caseEvents).values({ caseId, actorId: actor.id, occurredAt: now, ...written });
}

/** A mediation certificate, with the last day to appeal it gives (the existing rule). */
export async function recordMediation(staff: Pick<User, 'id'>, caseRecord: CaseRef, entry: MediationEntry, options: { now?: Date; address?: string } = {}): Promise<AppealsOutcome> {
  const now = options.now ?? new Date();
  const appealDeadline = mediationAppealDeadline(entry);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediations)
      .values({
        laId: caseRecord.laId,
        caseId: caseRecord.id,
        decision: entry.decision,
        planSections: entry.planSections,
        decisionSentOn: entry.decisionSentOn,
        adviserContactedOn: entry.adviserContactedOn,
        certificateIssuedOn: entry.certificateIssuedOn,
        certificateKind: entry.certificateKind,
        outcome: entry.outcome,
        appealDeadline,
        recordedBy: staff.id,
        formKey: entry.formKey,
      })
      .onConflictDoNothing()
      .returning({ id: mediations.id });
    if (!row) return;
    await event(tx, caseRecord.id, staff, now, caseEvent('mediation_recorded', { decision: entry.decision, certificateIssuedOn: entry.certificateIssuedOn, appealDeadline }));
    await audit(tx, staff, 'record:appeal', caseRecord.id, { mediationId: row.id }, options.address);
  });
  return { ok: true };
}

/**
 * An appeal registered with the Tribunal. The same reference sent again for this case is the
 * same appeal (a second press); on another case of the council it is refused: one appeal, one
 * reference.
 */
export async function registerAppeal(staff: Pick<User, 'id'>, caseRecord: CaseRef, entry: AppealEntry, options: { now?: Date; address?: string } = {}): Promise<AppealsOutcome & { appealId?: string }> {
  const now = options.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tribunalAppeals)
      .values({
        laId: caseRecord.laId,
        caseId: caseRecord.id,
        decision: entry.decision,
        planSections: entry.planSections,
        tribunalReference: entry.tribunalReference,
        registeredOn: entry.registeredOn,
        status: entry.hearingOn ? 'hearing_listed' : 'registered',
        hearingOn: entry.hearingOn,
        recordedBy: staff.id,
      })
      .onConflictDoNothing()
      .returning({ id: tribunalAppeals.id });
    if (!row) {
      const [existing] = await tx
        .select({ id: tribunalAppeals.id, caseId: tribunalAppeals.caseId })
        .from(tribunalAppeals)
        .where(and(eq(tribunalAppeals.laId, caseRecord.laId), eq(tribunalAppeals.tribunalReference, entry.tribunalReference)));
      return existing?.caseId === caseRecord.id ? { ok: true as const, appealId: existing.id } : { ok: false as const, errors: { tribunalReference: 'errors.appeals.referenceTaken' } };
    }
    await event(tx, caseRecord.id, staff, now, caseEvent('appeal_registered', { decision: entry.decision, registeredOn: entry.registeredOn, tribunalReference: entry.tribunalReference }));
    if (entry.hearingOn) await event(tx, caseRecord.id, staff, now, caseEvent('appeal_hearing_listed', { tribunalReference: entry.tribunalReference, hearingOn: entry.hearingOn }));
    await audit(tx, staff, 'record:appeal', caseRecord.id, { appealId: row.id }, options.address);
    return { ok: true as const, appealId: row.id };
  });
}

const stepErrorKeys: Record<AppealStepProblem, string> = {
  alreadyDecided: 'errors.appeals.alreadyDecided',
  beforeRegistered: 'errors.appeals.beforeRegistered',
  decidedInFuture: 'errors.appeals.inFuture',
  hearingNeeded: 'errors.appeals.hearingNeeded',
};

/** The field a step's problem is shown next to: the date, or for a decision the outcome chosen. */
function stepErrorField(step: AppealStep, problem: AppealStepProblem): string {
  if (step.kind === 'listHearing') return 'hearingOn';
  return problem === 'alreadyDecided' || problem === 'hearingNeeded' ? 'outcome' : 'decidedOn';
}

async function lockedAppeal(tx: Transaction, caseId: string, appealId: string) {
  const [appeal] = await tx
    .select()
    .from(tribunalAppeals)
    .where(and(eq(tribunalAppeals.id, appealId), eq(tribunalAppeals.caseId, caseId)))
    .for('update');
  return appeal;
}

/**
 * A step of the appeal: its hearing listed (or moved), or its decision. The same step sent twice
 * (the same hearing date; the same decision) is a second press and changes nothing.
 */
export async function takeAppealStep(staff: Pick<User, 'id'>, caseRecord: CaseRef, appealId: string, step: AppealStep, options: { now?: Date; today?: IsoDate; address?: string } = {}): Promise<AppealsOutcome> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayInLondon(now);
  const dateField = step.kind === 'listHearing' ? 'hearingOn' : 'decidedOn';
  const db = await getDb();
  return db.transaction(async (tx): Promise<AppealsOutcome> => {
    const appeal = await lockedAppeal(tx, caseRecord.id, appealId);
    if (!appeal) return { ok: false, errors: { [dateField]: 'errors.generic' } };
    if (step.kind === 'listHearing' && appeal.hearingOn === step.hearingOn && appeal.status !== 'decided') return { ok: true };
    if (step.kind === 'decide' && appeal.status === 'decided' && appeal.decidedOn === step.decidedOn && appeal.outcome === step.outcome) return { ok: true };
    const facts: AppealFacts = { status: appeal.status, registeredOn: appeal.registeredOn, hearingOn: appeal.hearingOn, decidedOn: appeal.decidedOn, outcome: appeal.outcome };
    const problem = appealStepProblem(facts, step, today);
    if (problem) return { ok: false, errors: { [stepErrorField(step, problem)]: stepErrorKeys[problem] } };
    const next = applyAppealStep(facts, step);
    await tx.update(tribunalAppeals).set({ status: next.status, hearingOn: next.hearingOn, decidedOn: next.decidedOn, outcome: next.outcome }).where(eq(tribunalAppeals.id, appeal.id));
    await event(
      tx,
      caseRecord.id,
      staff,
      now,
      step.kind === 'listHearing'
        ? caseEvent('appeal_hearing_listed', { tribunalReference: appeal.tribunalReference, hearingOn: step.hearingOn })
        : caseEvent('appeal_decided', { tribunalReference: appeal.tribunalReference, decidedOn: step.decidedOn, outcome: step.outcome }),
    );
    await audit(tx, staff, 'record:appeal', caseRecord.id, { appealId: appeal.id, step: step.kind }, options.address);
    return { ok: true };
  });
}

/** The plain words, in the recipient's language, of what the council must do for an order. */
export const orderActionMailKeys: Record<OrderKind, string> = {
  assess: 'appealsMail.orderAction.assess',
  reassess: 'appealsMail.orderAction.reassess',
  make_plan: 'appealsMail.orderAction.make_plan',
  reconsider: 'appealsMail.orderAction.reconsider',
  amend_provision: 'appealsMail.orderAction.amend_provision',
  name_school: 'appealsMail.orderAction.name_school',
  continue_plan: 'appealsMail.orderAction.continue_plan',
  continue_and_amend: 'appealsMail.orderAction.continue_and_amend',
  cease_plan: 'appealsMail.orderAction.cease_plan',
};

/**
 * An order the Tribunal made (or the council's concession committed it to), dated the day the
 * appeal was decided, with its compliance date. The family is emailed what the council must do
 * by when. Only for a decided appeal whose outcome orders something, and only an order that fits
 * the decision appealed; the same order twice is recorded once.
 */
export async function recordOrder(staff: Pick<User, 'id'>, caseRecord: CaseRef, appealId: string, kind: OrderKind, options: { now?: Date; address?: string } = {}): Promise<AppealsOutcome> {
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  const db = await getDb();
  return db
    .transaction(async (tx): Promise<AppealsOutcome> => {
      const appeal = await lockedAppeal(tx, caseRecord.id, appealId);
      if (!appeal) return { ok: false, errors: { orderKind: 'errors.generic' } };
      if (appeal.status !== 'decided' || !appeal.decidedOn || !appeal.outcome || !outcomesWithOrders.includes(appeal.outcome)) return { ok: false, errors: { orderKind: 'errors.appeals.noOrdersYet' } };
      if (!ordersFor[appeal.decision].includes(kind)) return { ok: false, errors: { orderKind: 'errors.appeals.orderNotForDecision' } };
      const compliesBy = orderCompliesBy(kind, appeal.decidedOn);
      const [row] = await tx
        .insert(tribunalOrders)
        .values({ laId: caseRecord.laId, caseId: caseRecord.id, appealId: appeal.id, kind, orderedOn: appeal.decidedOn, compliesBy, recordedBy: staff.id })
        .onConflictDoNothing()
        .returning({ id: tribunalOrders.id });
      if (!row) return { ok: true };
      await event(tx, caseRecord.id, staff, now, caseEvent('tribunal_order_recorded', { orderKind: kind, orderedOn: appeal.decidedOn, compliesBy }));
      await audit(tx, staff, 'record:appeal', caseRecord.id, { appealId: appeal.id, orderId: row.id, kind }, options.address);
      const council = await councilContext(caseRecord.laId, tx);
      const [child] = await tx.select({ firstName: children.firstName }).from(children).where(eq(children.id, caseRecord.childId));
      for (const member of await familyAudience(tx, caseRecord.childId, 'read:case', today)) {
        const t = getFixedT(member.locale);
        await queueEmail(tx, council, 'tribunalOrderRecorded', member, {
          name: member.name,
          childName: child?.firstName ?? '',
          action: String(t(orderActionMailKeys[kind])),
          dueBy: formatDate(compliesBy, member.locale),
          link: linkTo(council, `/cases/${caseRecord.id}/appeals`),
        });
      }
      return { ok: true };
    })
    .finally(wakeMailer);
}

/** The day the council complied with an order; recorded once (a second press changes nothing). */
export async function recordCompliance(staff: Pick<User, 'id'>, caseRecord: CaseRef, orderId: string, compliedOn: IsoDate, field: string, options: { now?: Date; address?: string } = {}): Promise<AppealsOutcome> {
  const now = options.now ?? new Date();
  const db = await getDb();
  return db.transaction(async (tx): Promise<AppealsOutcome> => {
    const [order] = await tx
      .select()
      .from(tribunalOrders)
      .where(and(eq(tribunalOrders.id, orderId), eq(tribunalOrders.caseId, caseRecord.id)))
      .for('update');
    if (!order) return { ok: false, errors: { [field]: 'errors.generic' } };
    if (order.compliedOn) return { ok: true };
    if (compareDates(compliedOn, order.orderedOn) < 0) return { ok: false, errors: { [field]: 'errors.appeals.compliedBeforeOrder' } };
    await tx.update(tribunalOrders).set({ compliedOn }).where(and(eq(tribunalOrders.id, order.id), isNull(tribunalOrders.compliedOn)));
    await event(tx, caseRecord.id, staff, now, caseEvent('tribunal_order_complied', { orderKind: order.kind, compliedOn, compliesBy: order.compliesBy }));
    await audit(tx, staff, 'record:appeal', caseRecord.id, { orderId: order.id, compliedOn }, options.address);
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading a case's mediation and appeals

export type MediationView = {
  id: string;
  decision: AppealableDecision;
  planSections: string[] | null;
  decisionSentOn: IsoDate;
  adviserContactedOn: IsoDate;
  certificateIssuedOn: IsoDate;
  certificateKind: CertificateKind;
  outcome: MediationOutcome | null;
  appealDeadline: IsoDate;
};

export type OrderView = { id: string; kind: OrderKind; orderedOn: IsoDate; compliesBy: IsoDate; compliedOn: IsoDate | null; milestones: OrderMilestone[]; compliance: OrderCompliance };

export type AppealView = {
  id: string;
  decision: AppealableDecision;
  planSections: string[] | null;
  tribunalReference: string;
  registeredOn: IsoDate;
  status: AppealStatus;
  hearingOn: IsoDate | null;
  decidedOn: IsoDate | null;
  outcome: AppealOutcome | null;
  orders: OrderView[];
  /** Orders that may still be recorded for this appeal (none until it is decided with an outcome that orders). */
  ordersOpen: OrderKind[];
};

/** A case's mediations and appeals, oldest first, each order with its steps and how it stands today. */
export async function appealsOfCase(caseId: string, today: IsoDate = todayInLondon()): Promise<{ mediations: MediationView[]; appeals: AppealView[] }> {
  const db = await getDb();
  const [mediationRows, appealRows] = await Promise.all([
    db.select().from(mediations).where(eq(mediations.caseId, caseId)).orderBy(asc(mediations.certificateIssuedOn), asc(mediations.createdAt)),
    db.select().from(tribunalAppeals).where(eq(tribunalAppeals.caseId, caseId)).orderBy(asc(tribunalAppeals.registeredOn), asc(tribunalAppeals.createdAt)),
  ]);
  const orderRows = appealRows.length
    ? await db.select().from(tribunalOrders).where(inArray(tribunalOrders.appealId, appealRows.map((a) => a.id))).orderBy(asc(tribunalOrders.compliesBy), asc(tribunalOrders.kind))
    : [];
  return {
    mediations: mediationRows.map((m) => ({
      id: m.id,
      decision: m.decision,
      planSections: m.planSections,
      decisionSentOn: m.decisionSentOn,
      adviserContactedOn: m.adviserContactedOn,
      certificateIssuedOn: m.certificateIssuedOn,
      certificateKind: m.certificateKind,
      outcome: m.outcome,
      appealDeadline: m.appealDeadline,
    })),
    appeals: appealRows.map((a) => {
      const orders = orderRows
        .filter((o) => o.appealId === a.id)
        .map((o) => ({ id: o.id, kind: o.kind, orderedOn: o.orderedOn, compliesBy: o.compliesBy, compliedOn: o.compliedOn, milestones: orderMilestones(o.kind, o.orderedOn), compliance: orderCompliance(o, today) }));
      const mayOrder = a.status === 'decided' && a.outcome !== null && outcomesWithOrders.includes(a.outcome);
      return {
        id: a.id,
        decision: a.decision,
        planSections: a.planSections,
        tribunalReference: a.tribunalReference,
        registeredOn: a.registeredOn,
        status: a.status,
        hearingOn: a.hearingOn,
        decidedOn: a.decidedOn,
        outcome: a.outcome,
        orders,
        ordersOpen: mayOrder ? ordersFor[a.decision].filter((kind) => !orders.some((o) => o.kind === kind)) : [],
      };
    }),
  };
}
