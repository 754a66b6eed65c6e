import { asc, eq } from 'drizzle-orm';
import { caseEvents, caseMeetings, users, type User } from '../../../db/schema';
import { caseEvent } from '~/domain/case-events';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';

/**
 * Meetings about a case. The family is invited by default; a professionals-only meeting needs a
 * recorded reason, and its minutes are shared with the family like any other.
 */

export type NewMeeting = { heldOn: string; attendees: string; minutes: string; familyInvited: boolean; reason: string | null; formKey: string };

export async function recordMeeting(actor: User, caseId: string, meeting: NewMeeting, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseMeetings)
      .values({
        caseId,
        heldOn: meeting.heldOn,
        attendees: meeting.attendees,
        minutes: meeting.minutes,
        familyInvited: meeting.familyInvited,
        professionalsOnlyReason: meeting.familyInvited ? null : meeting.reason,
        recordedBy: actor.id,
        formKey: meeting.formKey,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return;
    await tx.insert(caseEvents).values({ caseId, actorId: actor.id, occurredAt: now, ...caseEvent('meeting_recorded', { heldOn: meeting.heldOn, familyInvited: meeting.familyInvited }) });
    await recordAudit({ userId: actor.id, action: 'record:meeting', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { meetingId: row.id } }, tx);
  });
}

export type MeetingEntry = { id: string; heldOn: string; attendees: string; minutes: string; familyInvited: boolean; professionalsOnlyReason: string | null; recordedByName: string };

/** Newest first. */
export async function meetingsOf(caseId: string): Promise<MeetingEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ meeting: caseMeetings, recordedByName: users.name })
    .from(caseMeetings)
    .innerJoin(users, eq(users.id, caseMeetings.recordedBy))
    .where(eq(caseMeetings.caseId, caseId))
    .orderBy(asc(caseMeetings.heldOn), asc(caseMeetings.createdAt));
  return rows
    .map(({ meeting, recordedByName }) => ({
      id: meeting.id,
      heldOn: meeting.heldOn,
      attendees: meeting.attendees,
      minutes: meeting.minutes,
      familyInvited: meeting.familyInvited,
      professionalsOnlyReason: meeting.professionalsOnlyReason,
      recordedByName,
    }))
    .reverse();
}
