import { and, eq } from 'drizzle-orm';
import { caseEvents, cases, children, complaints, users } from '../../db/schema';
import type { Transaction } from '../../db/client';
import { caseEvent } from '../domain/case-events';
import { DEFAULT_COMPLAINT_TIMES, lastDayToEscalate, stage1Deadlines, stage2Deadlines } from '../domain/complaints';
import { addDays, todayInLondon } from '../domain/timescales';

/**
 * Demo complaints (ADR 0050), on two families no browser journey changes:
 * - Niamh Murphy's (parent12): made on the portal three weeks ago, acknowledged, its stage 1
 *   response now late, so the manager's home and /complaints show a late complaint;
 * - Arjun Desai's (parent13): answered at stage 1 (partly upheld), then escalated by his mother;
 *   the stage 2 response is not yet due.
 */
export async function seedDemoComplaints(tx: Transaction, laId: string, now: Date): Promise<void> {
  const today = todayInLondon(now);
  const caseOf = async (first: string, last: string) => {
    const [row] = await tx
      .select({ id: cases.id, reference: cases.reference, caseworkerId: cases.caseworkerId })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .where(and(eq(cases.laId, laId), eq(children.firstName, first), eq(children.lastName, last)));
    return row;
  };
  const userId = async (email: string) => (await tx.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id;
  const [niamh, arjun, sean, priya] = await Promise.all([caseOf('Niamh', 'Murphy'), caseOf('Arjun', 'Desai'), userId('parent12@example.com'), userId('parent13@example.com')]);
  if (!niamh || !arjun || !sean || !priya) return;
  const at = (date: string) => new Date(`${date}T10:00:00Z`);

  // Niamh: late at stage 1.
  {
    const receivedOn = addDays(today, -21);
    const due = stage1Deadlines(receivedOn, DEFAULT_COMPLAINT_TIMES);
    const reference = `${niamh.reference}-C1`;
    await tx.insert(complaints).values({
      laId,
      caseId: niamh.id,
      reference,
      number: 1,
      channel: 'portal',
      madeBy: sean,
      about: 'Niamh’s annual review meeting was cancelled twice at a day’s notice, and nobody has told us a new date.',
      putRight: 'A date for the meeting this term, and to be told in good time if anything changes.',
      status: 'acknowledged',
      receivedOn,
      acknowledgeBy: due.acknowledgeBy,
      stage1DueBy: due.respondBy,
      acknowledgedOn: addDays(receivedOn, 1),
      formKey: 'demo-complaint-niamh',
    });
    await tx.insert(caseEvents).values([
      { caseId: niamh.id, actorId: sean, occurredAt: at(receivedOn), ...caseEvent('complaint_received', { reference, channel: 'portal', receivedOn, respondBy: due.respondBy }) },
      { caseId: niamh.id, actorId: niamh.caseworkerId, occurredAt: at(addDays(receivedOn, 1)), ...caseEvent('complaint_acknowledged', { reference, stage: 1, acknowledgedOn: addDays(receivedOn, 1) }) },
    ]);
  }

  // Arjun: answered at stage 1, escalated, stage 2 under way.
  {
    const receivedOn = addDays(today, -40);
    const due = stage1Deadlines(receivedOn, DEFAULT_COMPLAINT_TIMES);
    const respondedOn = addDays(today, -28);
    const escalatedOn = addDays(today, -7);
    const due2 = stage2Deadlines(escalatedOn, DEFAULT_COMPLAINT_TIMES);
    const reference = `${arjun.reference}-C1`;
    await tx.insert(complaints).values({
      laId,
      caseId: arjun.id,
      reference,
      number: 1,
      channel: 'portal',
      madeBy: priya,
      about: 'The speech and language therapy in Arjun’s plan has not happened since September.',
      putRight: 'The missed sessions made up, and a named person who checks the therapy happens.',
      status: 'escalated',
      stage: 2,
      receivedOn,
      acknowledgeBy: due.acknowledgeBy,
      stage1DueBy: due.respondBy,
      acknowledgedOn: addDays(receivedOn, 2),
      stage1Outcome: 'partly_upheld',
      stage1Letter: 'Thank you for your complaint. We agree that Arjun has missed sessions and have asked the therapy service to arrange them. We do not agree that a named person is needed, as his caseworker checks the provision at each review.',
      stage1RespondedOn: respondedOn,
      stage1RespondedBy: arjun.caseworkerId,
      escalateBy: lastDayToEscalate(respondedOn),
      escalatedOn,
      escalationReason: 'No sessions have been arranged yet, and the review is months away.',
      escalatedBy: priya,
      stage2AcknowledgeBy: due2.acknowledgeBy,
      stage2DueBy: due2.respondBy,
      formKey: 'demo-complaint-arjun',
    });
    await tx.insert(caseEvents).values([
      { caseId: arjun.id, actorId: priya, occurredAt: at(receivedOn), ...caseEvent('complaint_received', { reference, channel: 'portal', receivedOn, respondBy: due.respondBy }) },
      { caseId: arjun.id, actorId: arjun.caseworkerId, occurredAt: at(addDays(receivedOn, 2)), ...caseEvent('complaint_acknowledged', { reference, stage: 1, acknowledgedOn: addDays(receivedOn, 2) }) },
      { caseId: arjun.id, actorId: arjun.caseworkerId, occurredAt: at(respondedOn), ...caseEvent('complaint_responded', { reference, stage: 1, outcome: 'partly_upheld', respondedOn }) },
      { caseId: arjun.id, actorId: priya, occurredAt: at(escalatedOn), ...caseEvent('complaint_escalated', { reference, escalatedOn, respondBy: due2.respondBy }) },
    ]);
  }
}
