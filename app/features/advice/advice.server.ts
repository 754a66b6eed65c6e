import { and, asc, eq, isNull } from 'drizzle-orm';
import { adviceRequests, caseEvents, cases, children, documents, users, type AdviceKind, type AdviceRequest, type Case, type User } from '../../../db/schema';
import { adviceCanBeRequested, adviceDueBy, adviceStatus, professionalHasAccess, releasedToFamily, remindersDue, type AdviceStatus } from '~/domain/advice';
import { compareDates, todayInLondon } from '~/domain/timescales';
import { caseEvent } from '~/domain/case-events';
import { getDb } from '~/db.server';
import { linkTo } from '~/domain/council';
import { formatDate } from '~/i18n/format';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { issueProfessionalInvite } from '../identity/index.server';
import { recordAudit } from '~/audit/audit.server';
import { familyAudience } from '../family/index.server';
import { personName } from '~/domain/names';
import { isUuid } from '~/domain/ids';

/**
 * Advice during an EHC needs assessment: the caseworker asks named professionals, each writes
 * their advice (draft, then submitted), and the family reads it unless the LA holds it back with
 * a recorded reason. Access for the professional follows app/domain/advice.ts.
 */


/** The account kind a new professional gets for each kind of advice. */
const professionalKindFor: Record<AdviceKind, User['professionalKind']> = {
  educational_psychologist: 'educational_psychologist',
  health: 'health',
  social_care: 'social_care',
  school: 'school_senco',
  other: null,
};

export type Professional = { id: string; name: string; email: string; kind: User['professionalKind'] };

/** Professionals with an account in this LA, to choose from when asking for advice. */
export async function professionalsOf(laId: string): Promise<Professional[]> {
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email, kind: users.professionalKind })
    .from(users)
    .where(and(eq(users.laId, laId), eq(users.role, 'professional')))
    .orderBy(asc(users.name));
}

export type NewAdviceRequest = {
  kind: AdviceKind;
  /** An existing professional, or a new one to invite by email. */
  professional: { id: string } | { name: string; email: string };
  requestedOn: string;
  formKey: string;
};

export type RequestAdviceOutcome = { ok: true; id: string } | { ok: false; field: string; error: string };

/**
 * Records a request for advice and emails the professional a link: to sign in if they have an
 * account, or a one-time invitation that makes one. A form sent twice stores one request.
 */
export async function requestAdvice(actor: User, caseRecord: Case, input: NewAdviceRequest, now = new Date()): Promise<RequestAdviceOutcome> {
  const today = todayInLondon(now);
  if (!adviceCanBeRequested(caseRecord.stage)) return { ok: false, field: 'form', error: 'errors.advice.wrongStage' };
  if (compareDates(input.requestedOn, today) > 0) return { ok: false, field: 'requestedOn', error: 'errors.advice.requestedInFuture' };
  if (compareDates(input.requestedOn, caseRecord.requestReceived) < 0) return { ok: false, field: 'requestedOn', error: 'errors.advice.requestedBeforeRequest' };
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    let professional: User | undefined;
    let invite: string | null = null;
    if ('id' in input.professional) {
      [professional] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, input.professional.id), eq(users.role, 'professional'), eq(users.laId, caseRecord.laId)));
      if (!professional) return { ok: false as const, field: 'professionalId', error: 'errors.advice.professionalRequired' };
    } else {
      const email = input.professional.email.toLowerCase();
      const [existing] = await tx.select().from(users).where(eq(users.email, email));
      if (existing && (existing.role !== 'professional' || existing.laId !== caseRecord.laId)) {
        return { ok: false as const, field: 'email', error: 'errors.advice.emailInUse' };
      }
      professional = existing;
      if (!professional) {
        [professional] = await tx
          .insert(users)
          .values({ email, name: input.professional.name, role: 'professional', laId: caseRecord.laId, professionalKind: professionalKindFor[input.kind], locale: actor.locale })
          .returning();
      }
      if (!professional.passwordHash) invite = await issueProfessionalInvite(tx, professional.id, now);
    }
    const dueBy = adviceDueBy(input.requestedOn);
    const [created] = await tx
      .insert(adviceRequests)
      .values({ caseId: caseRecord.id, laId: caseRecord.laId, professionalId: professional.id, kind: input.kind, requestedBy: actor.id, requestedOn: input.requestedOn, dueBy, formKey: input.formKey, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [earlier] = await tx
        .select({ id: adviceRequests.id })
        .from(adviceRequests)
        .where(and(eq(adviceRequests.requestedBy, actor.id), eq(adviceRequests.formKey, input.formKey)));
      return { ok: true as const, id: earlier.id, duplicate: true as const };
    }
    await tx.insert(caseEvents).values({
      caseId: caseRecord.id,
      actorId: actor.id,
      occurredAt: now,
      ...caseEvent('advice_requested', { adviceKind: input.kind, professionalName: professional.name, requestedOn: input.requestedOn, dueBy }),
    });
    await recordAudit(
      { userId: actor.id, action: 'request:advice', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: { adviceRequestId: created.id, professionalId: professional.id, invited: Boolean(invite) } },
      tx,
    );
    const [names] = await tx
      .select({ childFirstName: children.firstName })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .where(eq(cases.id, caseRecord.id));
    const council = await councilContext(caseRecord.laId, tx);
    await queueEmail(tx, council, invite ? 'adviceInvite' : 'adviceRequested', professional, {
      name: professional.name,
      childName: names?.childFirstName ?? '',
      laName: council.name ?? '',
      dueBy: formatDate(dueBy, professional.locale),
      link: linkTo(council, invite ? `/accept-invite/${invite}` : `/advice/${created.id}`),
    });
    return { ok: true as const, id: created.id, duplicate: false as const };
  });
  if (!result.ok) return result;
  if (!result.duplicate) wakeMailer();
  return { ok: true, id: result.id };
}

export type AdviceRequestSummary = {
  id: string;
  caseId: string;
  kind: AdviceKind;
  professionalName: string;
  professionalId: string;
  requestedOn: string;
  dueBy: string;
  status: AdviceStatus;
  submittedAt: string | null;
  withheldReason: string | null;
  released: boolean;
};

function summaryOf(row: AdviceRequest & { professionalName: string }, today: string): AdviceRequestSummary {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    professionalName: row.professionalName,
    professionalId: row.professionalId,
    requestedOn: row.requestedOn,
    dueBy: row.dueBy,
    status: adviceStatus(row, today),
    submittedAt: row.submittedAt ? row.submittedAt.toISOString() : null,
    withheldReason: row.withheldReason,
    released: releasedToFamily(row),
  };
}

/** Every request for advice on a case, oldest first (the caller has checked access). */
export async function adviceRequestsOfCase(caseId: string, today: string): Promise<AdviceRequestSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ request: adviceRequests, professionalName: users.name })
    .from(adviceRequests)
    .innerJoin(users, eq(users.id, adviceRequests.professionalId))
    .where(eq(adviceRequests.caseId, caseId))
    .orderBy(asc(adviceRequests.requestedOn), asc(adviceRequests.createdAt));
  return rows.map((r) => summaryOf({ ...r.request, professionalName: r.professionalName }, today));
}

/** What the family may read: submitted advice the LA has not held back. */
export function releasedAdvice(requests: readonly AdviceRequestSummary[]) {
  return requests.filter((r) => r.released);
}

export type ProfessionalRequest = AdviceRequestSummary & { childName: string; caseReference: string };

/** A professional's own requests they can still open (open, or closed within the grace period). */
export async function adviceRequestsOfProfessional(professionalId: string, today: string): Promise<ProfessionalRequest[]> {
  const db = await getDb();
  const rows = await db
    .select({ request: adviceRequests, first: children.firstName, last: children.lastName, reference: cases.reference })
    .from(adviceRequests)
    .innerJoin(cases, eq(cases.id, adviceRequests.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .where(eq(adviceRequests.professionalId, professionalId))
    .orderBy(asc(adviceRequests.dueBy));
  return rows
    .filter((r) => professionalHasAccess(r.request, today))
    .map((r) => ({ ...summaryOf({ ...r.request, professionalName: '' }, today), childName: personName({ firstName: r.first, lastName: r.last }), caseReference: r.reference }));
}

/** One request, or null (also for an id that is not a UUID). */
export async function getAdviceRequest(id: string): Promise<(AdviceRequest & { professionalName: string; professionalKind: User['professionalKind'] }) | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ request: adviceRequests, professionalName: users.name, professionalKind: users.professionalKind })
    .from(adviceRequests)
    .innerJoin(users, eq(users.id, adviceRequests.professionalId))
    .where(eq(adviceRequests.id, id));
  return row ? { ...row.request, professionalName: row.professionalName, professionalKind: row.professionalKind } : null;
}

export type AdviceText = { needs: string; provision: string; outcomes: string; consulted: string };

export type SaveAdviceOutcome = { ok: true; submitted: boolean } | { ok: false; error: 'errors.advice.closed' };

/**
 * Saves the professional's advice as a draft, or submits it (closing the request). Submitted
 * advice goes to the family at once unless the LA has held it back; they are emailed.
 */
export async function saveAdvice(professional: User, requestId: string, text: AdviceText, submit: boolean, now = new Date()): Promise<SaveAdviceOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(adviceRequests)
      .where(and(eq(adviceRequests.id, requestId), eq(adviceRequests.professionalId, professional.id)))
      .for('update');
    if (!row) return { ok: false as const, error: 'errors.advice.closed' as const };
    if (row.state !== 'open') {
      // The same submit sent twice: already done.
      return row.state === 'submitted' && submit ? { ok: true as const, submitted: true, notify: false, caseId: row.caseId } : { ok: false as const, error: 'errors.advice.closed' as const };
    }
    await tx
      .update(adviceRequests)
      .set({
        ...text,
        writtenIn: professional.locale,
        draftSavedAt: now,
        ...(submit ? { state: 'submitted' as const, submittedAt: now, closedOn: todayInLondon(now) } : {}),
      })
      .where(eq(adviceRequests.id, requestId));
    if (submit) {
      await tx.insert(caseEvents).values({
        caseId: row.caseId,
        actorId: professional.id,
        occurredAt: now,
        ...caseEvent('advice_submitted', { adviceKind: row.kind, professionalName: professional.name }),
      });
    }
    await recordAudit(
      { userId: professional.id, action: submit ? 'submit:advice' : 'save:advice', subjectType: 'case', subjectId: row.caseId, outcome: 'allowed', details: { adviceRequestId: requestId } },
      tx,
    );
    return { ok: true as const, submitted: submit, notify: submit && releasedToFamily({ state: 'submitted', withheldReason: row.withheldReason }), caseId: row.caseId };
  });
  if (!outcome.ok) return outcome;
  if (outcome.notify) await tellFamilyAdviceIsReady(requestId, now);
  return { ok: true, submitted: outcome.submitted };
}

/** Emails the family once per request that new advice can be read (never its content). */
async function tellFamilyAdviceIsReady(requestId: string, now: Date) {
  const db = await getDb();
  const queued = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(adviceRequests)
      .set({ familyNotifiedAt: now })
      // Claimed only while the advice is released to the family: `releasedToFamily` (app/domain/advice.ts) as SQL.
      .where(and(eq(adviceRequests.id, requestId), isNull(adviceRequests.familyNotifiedAt), eq(adviceRequests.state, 'submitted'), isNull(adviceRequests.withheldReason)))
      .returning({ caseId: adviceRequests.caseId });
    if (!claimed) return false;
    const [child] = await tx
      .select({ id: children.id, firstName: children.firstName, laId: cases.laId })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .where(eq(cases.id, claimed.caseId));
    if (!child) return false;
    const council = await councilContext(child.laId, tx);
    for (const member of await familyAudience(tx, child.id, 'read:case')) {
      await queueEmail(tx, council, 'adviceAvailable', member, { name: member.name, childName: child.firstName, link: linkTo(council, `/cases/${claimed.caseId}/advice/${requestId}`) });
    }
    return true;
  });
  if (queued) wakeMailer();
}

/** The LA holds submitted advice back from the family, always with a reason (e.g. safeguarding). */
export async function withholdAdvice(actor: User, caseId: string, requestId: string, reason: string, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(adviceRequests)
      .set({ withheldReason: reason, withheldBy: actor.id })
      .where(and(eq(adviceRequests.id, requestId), eq(adviceRequests.caseId, caseId)))
      .returning();
    if (!row) return;
    await tx.insert(caseEvents).values({ caseId, actorId: actor.id, occurredAt: now, ...caseEvent('advice_withheld', { adviceKind: row.kind }) });
    await recordAudit({ userId: actor.id, action: 'withhold:advice', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { adviceRequestId: requestId, reason } }, tx);
  });
}

/** Releases held-back advice to the family, who are emailed if they have not been already. */
export async function releaseAdvice(actor: User, caseId: string, requestId: string, now = new Date()) {
  const db = await getDb();
  const released = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(adviceRequests)
      .set({ withheldReason: null, withheldBy: null })
      .where(and(eq(adviceRequests.id, requestId), eq(adviceRequests.caseId, caseId)))
      .returning();
    if (!row) return false;
    await recordAudit({ userId: actor.id, action: 'release:advice', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { adviceRequestId: requestId } }, tx);
    return true;
  });
  if (released) await tellFamilyAdviceIsReady(requestId, now);
}

/** The caseworker closes a request that is no longer needed; the professional's access ends after the grace period. */
export async function cancelAdviceRequest(actor: User, caseId: string, requestId: string, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(adviceRequests)
      .set({ state: 'cancelled', closedOn: todayInLondon(now) })
      .where(and(eq(adviceRequests.id, requestId), eq(adviceRequests.caseId, caseId), eq(adviceRequests.state, 'open')))
      .returning();
    if (!row) return;
    await tx.insert(caseEvents).values({ caseId, actorId: actor.id, occurredAt: now, ...caseEvent('advice_cancelled', { adviceKind: row.kind }) });
    await recordAudit({ userId: actor.id, action: 'cancel:advice', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { adviceRequestId: requestId } }, tx);
  });
}

/** Reports attached to a request's advice. */
export async function adviceReports(requestId: string) {
  const db = await getDb();
  return db.select().from(documents).where(eq(documents.adviceRequestId, requestId)).orderBy(asc(documents.createdAt));
}

/**
 * Sends the reminder before advice is due and the overdue notice after, each at most once per
 * request however often it runs: the row is claimed (its "sent" column set) before the email
 * goes. Overdue notices go to the professional and to the case's caseworker. For the job queue
 * to run daily; each email is from the case's council and links to its address (ADR 0023).
 */
export async function sendAdviceReminders(now = new Date()): Promise<{ reminders: number; overdue: number }> {
  const db = await getDb();
  const today = todayInLondon(now);
  const open = await db.select().from(adviceRequests).where(eq(adviceRequests.state, 'open'));
  const due = remindersDue(
    open.map((r) => ({ ...r, reminderSent: Boolean(r.reminderSentAt), overdueNoticeSent: Boolean(r.overdueNoticeSentAt) })),
    today,
  );
  let reminders = 0;
  let overdue = 0;
  for (const item of due) {
    const column = item.notice === 'reminder' ? adviceRequests.reminderSentAt : adviceRequests.overdueNoticeSentAt;
    // Claimed and queued in one transaction: each notice is written once however often this runs.
    const sent = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(adviceRequests)
        .set(item.notice === 'reminder' ? { reminderSentAt: now } : { overdueNoticeSentAt: now })
        .where(and(eq(adviceRequests.id, item.id), isNull(column), eq(adviceRequests.state, 'open')))
        .returning();
      if (!claimed) return null;
      const [details] = await tx
        .select({ professional: users, childFirstName: children.firstName, caseworkerId: cases.caseworkerId, laId: cases.laId })
        .from(adviceRequests)
        .innerJoin(users, eq(users.id, adviceRequests.professionalId))
        .innerJoin(cases, eq(cases.id, adviceRequests.caseId))
        .innerJoin(children, eq(children.id, cases.childId))
        .where(eq(adviceRequests.id, item.id));
      if (!details) return null;
      const { professional } = details;
      const council = await councilContext(details.laId, tx);
      const params = { name: professional.name, childName: details.childFirstName, dueBy: formatDate(claimed.dueBy, professional.locale), link: linkTo(council, `/advice/${claimed.id}`) };
      if (item.notice === 'reminder') {
        await queueEmail(tx, council, 'adviceReminder', professional, params);
        return 'reminder' as const;
      }
      await queueEmail(tx, council, 'adviceOverdue', professional, params);
      const [caseworker] = details.caseworkerId ? await tx.select().from(users).where(eq(users.id, details.caseworkerId)) : [];
      if (caseworker) {
        await queueEmail(tx, council, 'adviceOverdueCaseworker', caseworker, {
          name: caseworker.name,
          childName: details.childFirstName,
          professionalName: professional.name,
          dueBy: formatDate(claimed.dueBy, caseworker.locale),
          link: linkTo(council, `/cases/${claimed.caseId}/advice`),
        });
      }
      return 'overdue' as const;
    });
    if (sent === 'reminder') reminders += 1;
    if (sent === 'overdue') overdue += 1;
  }
  if (reminders + overdue > 0) wakeMailer();
  return { reminders, overdue };
}
