import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { caseEvents, cases, children, mediations, tribunalAppeals, tribunalOrders, users } from '../../db/schema';
import { mediationAppealDeadline, orderCompliesBy } from '~/domain/appeals';
import { caseEvent, readCaseEvent } from '~/domain/case-events';
import { addDays, compareDates, todayInLondon, type IsoDate } from '~/domain/timescales';

/**
 * The demo's mediation and appeals (ADR 0051), dates relative to the seed day:
 * - Oscar Taylor (parent4; the council refused to assess): his family contacted the mediation
 *   adviser a week after the refusal and chose not to mediate; the certificate, issued a few days
 *   later, gives the last day to appeal; the appeal is registered and its hearing set 8 weeks on.
 * - The first of the East team's cases the council refused to assess (no family account): an
 *   appeal the council conceded 100 days ago, its order to assess due 98 days after (14 weeks),
 *   so two days late and on the council's list of Tribunal orders (/appeals).
 */
export async function seedDemoAppeals(tx: Transaction, at: { laId: string; eastTeamId: string; caseworkerId: string }, today: Date) {
  const day = todayInLondon(today);
  const notAfterToday = (date: IsoDate) => (compareDates(date, day) > 0 ? day : date);
  const [oscar] = await tx
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .where(and(eq(cases.laId, at.laId), eq(children.firstName, 'Oscar'), eq(cases.stage, 'assessment_refused')));
  if (oscar) {
    const [caseworker] = await tx.select({ id: users.id }).from(users).where(eq(users.email, 'caseworker3@example.com'));
    const refusal = (await tx.select().from(caseEvents).where(and(eq(caseEvents.caseId, oscar.id), eq(caseEvents.kind, 'assessment_refused'))))
      .map((row) => readCaseEvent(row))
      .find((event) => event.kind === 'assessment_refused');
    const decisionSentOn = refusal?.kind === 'assessment_refused' ? refusal.details.decidedOn : addDays(day, -3);
    const adviserContactedOn = notAfterToday(addDays(decisionSentOn, 1));
    const certificateIssuedOn = notAfterToday(addDays(adviserContactedOn, 1));
    const appealDeadline = mediationAppealDeadline({ decisionSentOn, certificateIssuedOn });
    const registeredOn = notAfterToday(addDays(certificateIssuedOn, 1));
    const hearingOn = addDays(day, 56);
    const recordedBy = caseworker?.id ?? at.caseworkerId;
    await tx.insert(mediations).values({ laId: at.laId, caseId: oscar.id, decision: 'refuse_assessment', decisionSentOn, adviserContactedOn, certificateIssuedOn, certificateKind: 'not_pursued', appealDeadline, recordedBy, formKey: 'demo-mediation' });
    await tx.insert(tribunalAppeals).values({ laId: at.laId, caseId: oscar.id, decision: 'refuse_assessment', tribunalReference: 'EH888/26/00101', registeredOn, status: 'hearing_listed', hearingOn, recordedBy });
    await tx.insert(caseEvents).values([
      { caseId: oscar.id, actorId: recordedBy, occurredAt: new Date(`${certificateIssuedOn}T11:00:00Z`), ...caseEvent('mediation_recorded', { decision: 'refuse_assessment', certificateIssuedOn, appealDeadline }) },
      { caseId: oscar.id, actorId: recordedBy, occurredAt: new Date(`${registeredOn}T12:00:00Z`), ...caseEvent('appeal_registered', { decision: 'refuse_assessment', registeredOn, tribunalReference: 'EH888/26/00101' }) },
      { caseId: oscar.id, actorId: recordedBy, occurredAt: new Date(`${registeredOn}T12:05:00Z`), ...caseEvent('appeal_hearing_listed', { tribunalReference: 'EH888/26/00101', hearingOn }) },
    ]);
  }
  const [east] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.laId, at.laId), eq(cases.teamId, at.eastTeamId), eq(cases.stage, 'assessment_refused')))
    .orderBy(asc(cases.reference))
    .limit(1);
  if (east) {
    const decidedOn = addDays(day, -100);
    const registeredOn = addDays(day, -160);
    const compliesBy = orderCompliesBy('assess', decidedOn);
    const [appeal] = await tx
      .insert(tribunalAppeals)
      .values({ laId: at.laId, caseId: east.id, decision: 'refuse_assessment', tribunalReference: 'EH888/26/00077', registeredOn, status: 'decided', decidedOn, outcome: 'conceded', recordedBy: at.caseworkerId })
      .returning({ id: tribunalAppeals.id });
    await tx.insert(tribunalOrders).values({ laId: at.laId, caseId: east.id, appealId: appeal.id, kind: 'assess', orderedOn: decidedOn, compliesBy, recordedBy: at.caseworkerId });
    await tx.insert(caseEvents).values([
      { caseId: east.id, actorId: at.caseworkerId, occurredAt: new Date(`${registeredOn}T12:00:00Z`), ...caseEvent('appeal_registered', { decision: 'refuse_assessment', registeredOn, tribunalReference: 'EH888/26/00077' }) },
      { caseId: east.id, actorId: at.caseworkerId, occurredAt: new Date(`${decidedOn}T12:00:00Z`), ...caseEvent('appeal_decided', { tribunalReference: 'EH888/26/00077', decidedOn, outcome: 'conceded' }) },
      { caseId: east.id, actorId: at.caseworkerId, occurredAt: new Date(`${decidedOn}T12:05:00Z`), ...caseEvent('tribunal_order_recorded', { orderKind: 'assess', orderedOn: decidedOn, compliesBy }) },
    ]);
  }
}
