import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import { areaTeams, assessmentRequests, caseEvents, cases, childParents, children, users, type User } from '../../../db/schema';
import { assessmentDeadlines } from '~/domain/timescales';
import { caseEvent } from '~/domain/case-events';
import { getDb } from '~/db.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { linkTo } from '~/domain/council';
import { councilContext } from '~/tenancy/council.server';
import { recordAudit } from '~/audit/audit.server';
import { familyAudience } from '../family/index.server';
import { findUserByEmail } from '../identity/index.server';
import { saveSection, startOrResumeRequest, submitRequest } from './requests.server';
import { interpreterLanguageSql } from './sent-request.server';
import { personName } from '~/domain/names';
import { isUuid } from '~/domain/ids';

/** New requests waiting for a caseworker, and allocating one. */

export type IntakeEntry = {
  id: string;
  reference: string;
  childName: string;
  teamName: string;
  requestReceived: string;
  receivedVia: string;
  decisionDue: string;
  /** The language the family asked an interpreter for, if they did. */
  interpreterLanguage: string | null;
};

/** Unallocated open cases: a caseworker sees their team's, a manager the whole LA's. Oldest first. */
export async function intakeQueue(viewer: User): Promise<IntakeEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      child: { firstName: children.firstName, lastName: children.lastName },
      teamName: areaTeams.name,
      requestReceived: cases.requestReceived,
      receivedVia: cases.receivedVia,
      interpreterLanguage: interpreterLanguageSql,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(areaTeams, eq(areaTeams.id, cases.teamId))
    .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
    .where(
      and(
        eq(cases.laId, viewer.laId!),
        isNull(cases.caseworkerId),
        notInArray(cases.stage, ['withdrawn', 'ceased']),
        viewer.role === 'caseworker' && viewer.teamId ? eq(cases.teamId, viewer.teamId) : undefined,
      ),
    )
    .orderBy(asc(cases.requestReceived));
  return rows.map(({ child, ...r }) => ({ ...r, childName: personName(child), decisionDue: assessmentDeadlines(r.requestReceived).decisionToAssess }));
}

/**
 * Gives a case its caseworker, or another one, and tells the family: the name and how to reach
 * them, and on a change whom they replace. Only a manager may take a case from one caseworker
 * to another (`mayReassign`, the policy's 'reassign:case'); choosing the caseworker the case
 * already has (a form sent twice) changes nothing and sends nothing.
 */
export async function allocateCaseworker(actor: User, caseId: string, caseworkerId: string, { mayReassign = false, now = new Date() }: { mayReassign?: boolean; now?: Date } = {}) {
  if (!isUuid(caseworkerId)) return { ok: false as const, error: 'errors.intake.caseworker' };
  const db = await getDb();
  const [caseworker] = await db.select().from(users).where(and(eq(users.id, caseworkerId), eq(users.role, 'caseworker'), eq(users.laId, actor.laId!)));
  if (!caseworker) return { ok: false as const, error: 'errors.intake.caseworker' };
  return db.transaction(async (tx) => {
    // Locked, so two people allocating at once are told in turn.
    const [current] = await tx.select({ caseworkerId: cases.caseworkerId, childId: cases.childId, laId: cases.laId }).from(cases).where(eq(cases.id, caseId)).for('update');
    if (current.caseworkerId === caseworkerId) return { ok: true as const, changed: false };
    if (current.caseworkerId && !mayReassign) return { ok: false as const, error: 'errors.allocation.alreadyAllocated' };
    const [previous] = current.caseworkerId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.caseworkerId)) : [];
    await tx.update(cases).set({ caseworkerId, updatedAt: now }).where(eq(cases.id, caseId));
    // From the case's council, linking to its address (ADR 0023).
    const council = await councilContext(current.laId, tx);
    await tx.insert(caseEvents).values({ caseId, actorId: actor.id, occurredAt: now, ...caseEvent('caseworker_allocated', { caseworkerId, caseworkerName: caseworker.name }) });
    await recordAudit({ userId: actor.id, action: previous ? 'reassign:case' : 'allocate:case', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { caseworkerId, previousCaseworkerId: current.caseworkerId } }, tx);
    const [family, [child]] = await Promise.all([
      familyAudience(tx, current.childId, 'read:case'),
      tx.select({ firstName: children.firstName }).from(children).where(eq(children.id, current.childId)),
    ]);
    for (const member of family) {
      const contact = { name: member.name, childName: child.firstName, caseworker: caseworker.name, email: caseworker.email, phone: caseworker.phone ?? '', link: linkTo(council, `/cases/${caseId}`) };
      if (previous) await queueEmail(tx, council, 'caseworkerChanged', member, { ...contact, previous: previous.name });
      else await queueEmail(tx, council, 'caseworkerAllocated', member, contact);
    }
    return { ok: true as const, changed: true };
  }).finally(wakeMailer);
}

/** Whom a case is allocated to now, for the confirmation after allocating (within the viewer's council only). */
export async function allocationOf(laId: string, caseId: string) {
  if (!isUuid(caseId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: cases.id, reference: cases.reference, child: { firstName: children.firstName, lastName: children.lastName }, caseworkerName: users.name })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(users, eq(users.id, cases.caseworkerId))
    .where(and(eq(cases.id, caseId), eq(cases.laId, laId)));
  return row ? { id: row.id, reference: row.reference, childName: personName(row.child), caseworkerName: row.caseworkerName } : null;
}

export type AssistedRequest = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  parentEmail: string;
  receivedVia: 'phone' | 'letter' | 'email' | 'school';
  receivedOn: string;
  asking: string;
};

/**
 * Assisted digital: a caseworker records a request that arrived by phone, letter, email or from
 * a school, with the date it actually arrived (the statutory clock started then). A parent
 * with an account is linked to the child, so they can follow the case.
 */
export async function recordAssistedRequest(actor: User, input: AssistedRequest) {
  const db = await getDb();
  const parent = input.parentEmail ? await findUserByEmail(input.parentEmail) : null;
  const [child] = await db
    .insert(children)
    .values({ laId: actor.laId!, firstName: input.firstName, lastName: input.lastName, dateOfBirth: input.dateOfBirth })
    .returning();
  if (parent?.role === 'parent') await db.insert(childParents).values({ childId: child.id, userId: parent.id });
  const started = await startOrResumeRequest(actor, child);
  if (!started.ok) throw new Error('A caseworker can always start a request');
  await saveSection(started.request.id, 'what-you-are-asking-for', { asking: input.asking });
  return submitRequest(actor, started.request.id, { receivedOn: input.receivedOn, receivedVia: input.receivedVia, requireComplete: false });
}
