import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { caseEvents, cases, children, documents, planVersions, users, type Case, type User } from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { applyCommand, type StatutoryStep, type WorkflowCommand, type WorkflowError, type WorkflowEvent, type WorkflowField } from '~/domain/case-workflow';
import { clockStepKeys, missedSteps, statutoryClock, type ExceptionKind } from '~/domain/case-clock';
import { caseEvent, clockInputOf, isCaseEventOf, readCaseEvent, type TypedCaseEvent } from '~/domain/case-events';
import { todayInLondon, type IsoDate } from '~/domain/timescales';
import { progressNews } from '~/domain/progress-news';
import { caseSteps, type CaseStepsInput } from '~/domain/case-steps';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { getDb } from '~/db.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { linkTo } from '~/domain/council';
import { councilContext } from '~/tenancy/council.server';
import { recordAudit } from '~/audit/audit.server';
import { familyAudience } from '../family/index.server';
import { startNextReview } from '../reviews/index.server';
import { storeCaseDates } from '../statutory-dates/index.server';
import { offerFeedbackFor } from '../feedback/index.server';

/**
 * Moving a case through the statutory process. The pure workflow decides whether a step is
 * allowed and what it records; this module makes the change and its case event in one
 * transaction, then tells the family.
 */

export type RecordOutcome =
  | { ok: true }
  | {
      ok: false;
      error: WorkflowError | 'errors.workflow.staleForm';
      field?: WorkflowField;
    };

/** Extra words kept with a decision beside what the workflow records (e.g. why it differs from the family's request). */
export type DecisionNotes = { whyDifferent?: string };

export async function recordCaseCommand(actor: User, caseId: string, command: WorkflowCommand, expectedStage: Case['stage'], notes: DecisionNotes = {}, now = new Date()): Promise<RecordOutcome> {
  const db = await getDb();
  const outcome = await db.transaction((tx) => applyCaseCommand(tx, actor, caseId, command, expectedStage, notes, now));
  if (!outcome.ok) return outcome;
  if (!outcome.duplicate) wakeMailer();
  return { ok: true };
}

/**
 * The work of `recordCaseCommand` inside a caller's transaction (issuing a plan version moves the
 * case in the same transaction that fixes the version). The caller wakes the mailer after commit.
 */
export async function applyCaseCommand(
  tx: Transaction,
  actor: User,
  caseId: string,
  command: WorkflowCommand,
  expectedStage: Case['stage'],
  notes: DecisionNotes = {},
  now = new Date(),
): Promise<{ ok: true; duplicate: boolean } | Exclude<RecordOutcome, { ok: true }>> {
  // Row lock: two caseworkers (or a double click) cannot both move the case from one stage.
  const [current] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  if (!current)
    return {
      ok: false as const,
      error: 'errors.workflow.illegalTransition' as const,
    };
  if (current.stage !== expectedStage) {
    // The same form sent twice: the first already did the work, so the second is a success.
    const [latest] = await tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(desc(caseEvents.occurredAt)).limit(1);
    const event = latest ? readCaseEvent(latest) : null;
    const alreadyDone =
      latest?.actorId === actor.id && event !== null && event.kind !== 'unrecognised' && 'command' in event.details && event.details.command === command.type && event.details.from === expectedStage;
    return alreadyDone ? { ok: true as const, duplicate: true } : { ok: false as const, error: 'errors.workflow.staleForm' as const };
  }
  const [draft] =
    command.type === 'issue_final_plan'
      ? await tx
          .select({ kind: caseEvents.kind, details: caseEvents.details })
          .from(caseEvents)
          .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'draft_plan_issued')))
          .orderBy(desc(caseEvents.occurredAt))
          .limit(1)
      : [];
  const draftEvent = draft ? readCaseEvent(draft) : null;
  const result = applyCommand(
    {
      stage: current.stage,
      requestReceived: current.requestReceived,
      today: todayInLondon(now),
      draftServedOn: draftEvent?.kind === 'draft_plan_issued' ? draftEvent.details.servedOn : null,
      plansOnRecord: await plansOnRecord(tx, caseId),
    },
    command,
    actor,
  );
  if (!result.ok) return result;
  await tx.update(cases).set({ stage: result.to, updatedAt: now }).where(eq(cases.id, caseId));
  await tx.insert(caseEvents).values({
    caseId,
    actorId: actor.id,
    occurredAt: now,
    ...caseEvent(result.event.kind, {
      ...result.event.details,
      command: command.type,
      writtenIn: actor.locale,
      ...(notes.whyDifferent ? { whyDifferent: notes.whyDifferent } : {}),
    }),
  });
  await recordAudit(
    {
      userId: actor.id,
      action: `record:${command.type}`,
      subjectType: 'case',
      subjectId: caseId,
      outcome: 'allowed',
      details: { from: current.stage, to: result.to },
    },
    tx,
  );
  await tellFamilyOfProgress(tx, current, caseId, result.event, todayInLondon(now));
  // The decision whether to assess and the final plan are key steps: the family is asked how it went (ADR 0052).
  await offerFeedbackFor(tx, { laId: current.laId, caseId }, result.event.kind, todayInLondon(now));
  // A final plan starts its first annual review: the 12 months run from the day it was issued (ADR 0047).
  if (result.event.kind === 'final_plan_issued') await startNextReview(tx, caseId, result.event.details.issuedOn, actor.id, now);
  // The lists and reports read the clock's dates from the case row: kept in this transaction (ADR 0056).
  await storeCaseDates(tx, [caseId], todayInLondon(now));
  return { ok: true as const, duplicate: false };
}

/** Which plans the council holds for a case: issued versions written in the portal, or uploaded documents. One statement. */
async function plansOnRecord(tx: Transaction | Awaited<ReturnType<typeof getDb>>, caseId: string) {
  const issued = (kinds: SQL) => sql<boolean>`exists (select 1 from ${planVersions} v where v.case_id = ${caseId} and v.issued_on is not null and ${kinds})`;
  const uploaded = (kind: string) => sql<boolean>`exists (select 1 from ${documents} d where d.case_id = ${caseId} and d.kind = ${kind})`;
  const [row] = await tx
    .select({ draftVersion: issued(sql`v.kind = 'draft'`), finalVersion: issued(sql`v.kind <> 'draft'`), draftUpload: uploaded('draft_plan'), finalUpload: uploaded('final_plan') })
    .from(sql`(select 1) as one`);
  return { draft: Boolean(row.draftVersion) || Boolean(row.draftUpload), final: Boolean(row.finalVersion) || Boolean(row.finalUpload) };
}

/** The same, outside a transaction: what the case page and the record form offer depends on it. */
export async function plansOnRecordOf(caseId: string) {
  return plansOnRecord(await getDb(), caseId);
}

async function childName(tx: Transaction, childId: string) {
  const [child] = await tx.select({ firstName: children.firstName }).from(children).where(eq(children.id, childId));
  return child?.firstName ?? '';
}

/**
 * A short email to each family member, in their language, from the case's council: what the
 * step was, and by when they (or the council) must act next (app/domain/progress-news.ts).
 */
async function tellFamilyOfProgress(tx: Transaction, current: Pick<Case, 'childId' | 'laId' | 'requestReceived'>, caseId: string, event: WorkflowEvent, today: IsoDate) {
  const [family, name, council] = await Promise.all([familyAudience(tx, current.childId, 'read:case'), childName(tx, current.childId), councilContext(current.laId, tx)]);
  const { news, dueBy } = progressNews(event, { requestReceived: current.requestReceived, today });
  for (const member of family) {
    await queueEmail(tx, council, news, member, {
      name: member.name,
      childName: name,
      dueBy: dueBy ? formatDate(dueBy, member.locale) : '',
      link: linkTo(council, `/cases/${caseId}`),
    });
  }
}

/** One event of the timeline: read through its kind's shape (`unrecognised` if it does not fit), with who did it and when. */
export type TimelineEntry = {
  id: string;
  occurredAt: string;
  actorName: string | null;
  actorRole: User['role'] | null;
} & TypedCaseEvent;

/** Everything that has happened on a case, newest first, with who did it. */
export async function caseTimeline(caseId: string): Promise<TimelineEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: caseEvents.id,
      kind: caseEvents.kind,
      occurredAt: caseEvents.occurredAt,
      details: caseEvents.details,
      actorName: users.name,
      actorRole: users.role,
    })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(desc(caseEvents.occurredAt));
  return rows.map(({ id, occurredAt, actorName, actorRole, ...stored }) => ({
    id,
    occurredAt: occurredAt.toISOString(),
    actorName,
    actorRole,
    ...readCaseEvent(stored),
  }));
}

export type Apology = {
  step: StatutoryStep;
  reason: string;
  newExpectedDate: string;
};

/**
 * The service standard: when a statutory date is missed the family gets an apology with the
 * reason and a new expected date, on the case page and by email.
 */
export async function sendApology(actor: User, caseId: string, apology: Apology, now = new Date()) {
  const db = await getDb();
  const sent = await db.transaction(async (tx) => {
    const [current] = await tx.select({ childId: cases.childId, laId: cases.laId }).from(cases).where(eq(cases.id, caseId));
    if (!current) return false;
    await tx.insert(caseEvents).values({
      caseId,
      actorId: actor.id,
      occurredAt: now,
      ...caseEvent('apology_sent', { ...apology, writtenIn: actor.locale }),
    });
    await recordAudit(
      {
        userId: actor.id,
        action: 'record:apology',
        subjectType: 'case',
        subjectId: caseId,
        outcome: 'allowed',
      },
      tx,
    );
    const [family, name, council] = await Promise.all([familyAudience(tx, current.childId, 'read:case'), childName(tx, current.childId), councilContext(current.laId, tx)]);
    for (const member of family) {
      const t = getFixedT(member.locale);
      await queueEmail(tx, council, 'apology', member, {
        name: member.name,
        childName: name,
        step: t(clockStepKeys[apology.step]),
        reason: apology.reason,
        newDate: formatDate(apology.newExpectedDate, member.locale),
        caseworker: actor.name,
        link: linkTo(council, `/cases/${caseId}`),
      });
    }
    return true;
  });
  if (sent) wakeMailer();
}

export type LegalException = {
  step: StatutoryStep;
  kind: ExceptionKind;
  explanation: string;
};

/** A legal exception disapplies a time limit (it does not move it); the page explains it to the family. */
export async function recordException(actor: User, caseId: string, exception: LegalException, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(caseEvents).values({
      caseId,
      actorId: actor.id,
      occurredAt: now,
      ...caseEvent('exception_recorded', {
        ...exception,
        writtenIn: actor.locale,
        recordedOn: todayInLondon(now),
      }),
    });
    await storeCaseDates(tx, [caseId], todayInLondon(now));
    await recordAudit(
      {
        userId: actor.id,
        action: 'record:exception',
        subjectType: 'case',
        subjectId: caseId,
        outcome: 'allowed',
      },
      tx,
    );
  });
}

/** What this viewer may open and read of the case, as the policy decided: the pages linked from it, and its complaints. */
export type CaseProgressViewer = CaseStepsInput['may'] & { complaints: boolean };

const NOTHING_MORE: CaseProgressViewer = { messages: false, views: false, advice: false, plan: false, request: false, complaints: false };

/** Everything the case page shows, worked out from the case, its events and today's date, for a viewer who `may` what it says. */
export async function caseProgress(caseRecord: Case, today: string, { complaints, ...may }: CaseProgressViewer = NOTHING_MORE) {
  const events = await caseTimeline(caseRecord.id);
  const clockInput = clockInputOf(caseRecord, [...events].reverse(), today);
  // A school's staff and the professionals asked for advice read the case, not its complaints.
  const timeline = complaints ? events : events.filter((entry) => !entry.kind.startsWith('complaint_'));
  const clock = statutoryClock(clockInput);
  // The family's comments on the draft are case events too: the first one is when they commented.
  const firstComment = timeline.filter(isCaseEventOf('draft_plan_comment')).at(-1);
  return {
    timeline,
    clock,
    missed: missedSteps(clock),
    steps: caseSteps({
      stage: caseRecord.stage,
      requestReceived: caseRecord.requestReceived,
      today,
      events: clockInput.events,
      clock,
      commentsSentOn: firstComment ? todayInLondon(new Date(firstComment.occurredAt)) : null,
      may,
    }),
    assessmentDecision: timeline.find(isCaseEventOf('assessment_agreed', 'assessment_refused')) ?? null,
    planDecision: timeline.find(isCaseEventOf('plan_agreed', 'plan_refused')) ?? null,
    apologies: timeline.filter(isCaseEventOf('apology_sent')),
    exceptions: timeline.filter(isCaseEventOf('exception_recorded')),
  };
}

