import { and, desc, eq } from 'drizzle-orm';
import { children, interpreterRequests, interpreters, users, type Case, type User } from '../../../db/schema';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { interpretersFor, type GenderPreference, type InterpreterPurpose, type InterpreterRequestStatus } from '~/domain/interpreters';
import { linkTo } from '~/domain/council';
import { formatDateTime } from '~/i18n/format';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { familyAudience } from '../family/index.server';
import type { InterpreterAsk, InterpreterBooking } from './interpreter-forms.server';

/**
 * Interpreters for families (issue 18): the council's list (kept by its LA admin), a family's
 * requests on a case, and their bookings. Every row carries the council's id; a booking takes
 * only an interpreter of the case's own council.
 */

export type InterpreterRequestEntry = {
  id: string;
  purpose: InterpreterPurpose;
  language: string;
  dialect: string | null;
  genderPreference: GenderPreference;
  details: string | null;
  status: InterpreterRequestStatus;
  requestedByName: string;
  requestedAt: string;
  booking: { interpreterName: string; interpreterLanguages: string[]; bookedFor: string } | null;
};

/** A case's requests, newest first, each with its booking. */
export async function interpreterRequestsOf(caseId: string): Promise<InterpreterRequestEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ request: interpreterRequests, requestedByName: users.name, interpreterName: interpreters.name, interpreterLanguages: interpreters.languages })
    .from(interpreterRequests)
    .innerJoin(users, eq(users.id, interpreterRequests.requestedBy))
    .leftJoin(interpreters, eq(interpreters.id, interpreterRequests.interpreterId))
    .where(eq(interpreterRequests.caseId, caseId))
    .orderBy(desc(interpreterRequests.createdAt), desc(interpreterRequests.id));
  return rows.map(({ request: r, requestedByName, interpreterName, interpreterLanguages }) => ({
    id: r.id,
    purpose: r.purpose,
    language: r.language,
    dialect: r.dialect,
    genderPreference: r.genderPreference,
    details: r.details,
    status: r.status,
    requestedByName,
    requestedAt: r.createdAt.toISOString(),
    booking: r.status === 'booked' && interpreterName && r.bookedFor ? { interpreterName, interpreterLanguages: interpreterLanguages ?? [], bookedFor: r.bookedFor.toISOString() } : null,
  }));
}

/**
 * The family asks. The caseworker (if the case has one) is emailed; the need shows on every
 * staff page of the case from now on. A form sent twice records one request.
 */
export async function askForInterpreter(user: Pick<User, 'id'>, caseRecord: Pick<Case, 'id' | 'laId' | 'reference' | 'caseworkerId'>, ask: InterpreterAsk) {
  const db = await getDb();
  await db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(interpreterRequests)
        .values({ caseId: caseRecord.id, laId: caseRecord.laId, requestedBy: user.id, purpose: ask.purpose, language: ask.language, dialect: ask.dialect || null, genderPreference: ask.genderPreference, details: ask.details || null, formKey: ask.formKey })
        .onConflictDoNothing()
        .returning({ id: interpreterRequests.id });
      if (!row || !caseRecord.caseworkerId) return;
      const [caseworker] = await tx.select().from(users).where(eq(users.id, caseRecord.caseworkerId));
      if (!caseworker) return;
      const council = await councilContext(caseRecord.laId, tx);
      await queueEmail(tx, council, 'interpreterRequested', caseworker, { name: caseworker.name, reference: caseRecord.reference, language: ask.language, link: linkTo(council, `/cases/${caseRecord.id}/interpreters`) });
    })
    .finally(wakeMailer);
}

export type BookingOutcome = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Staff book an interpreter of the council's own list who speaks the language asked for, for a
 * request still waiting. The family is emailed who and when. Booking a request already booked
 * changes nothing (a second press).
 */
export async function bookInterpreter(staff: Pick<User, 'id'>, caseRecord: Pick<Case, 'id' | 'laId' | 'childId'>, booking: InterpreterBooking, options: { now?: Date; address?: string } = {}): Promise<BookingOutcome> {
  const now = options.now ?? new Date();
  const db = await getDb();
  return db
    .transaction(async (tx): Promise<BookingOutcome> => {
      const [request] = await tx
        .select()
        .from(interpreterRequests)
        .where(and(eq(interpreterRequests.id, booking.requestId), eq(interpreterRequests.caseId, caseRecord.id)))
        .for('update');
      if (!request) return { ok: false, errors: { interpreterId: 'errors.generic' } };
      if (request.status !== 'requested') return { ok: true };
      const list = await tx.select().from(interpreters).where(eq(interpreters.laId, caseRecord.laId));
      const fits = interpretersFor(list, request.language, request.genderPreference).some((m) => m.interpreter.id === booking.interpreterId);
      if (!fits) return { ok: false, errors: { interpreterId: 'errors.interpreter.notOnList' } };
      const chosen = list.find((i) => i.id === booking.interpreterId)!;
      await tx.update(interpreterRequests).set({ status: 'booked', interpreterId: chosen.id, bookedFor: booking.bookedFor, bookedBy: staff.id, bookedAt: now }).where(eq(interpreterRequests.id, request.id));
      await recordAudit({ userId: staff.id, action: 'book:interpreter', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', address: options.address, details: { requestId: request.id, interpreterId: chosen.id } }, tx);
      const council = await councilContext(caseRecord.laId, tx);
      const [child] = await tx.select({ firstName: children.firstName }).from(children).where(eq(children.id, caseRecord.childId));
      for (const member of await familyAudience(tx, caseRecord.childId, 'read:case')) {
        await queueEmail(tx, council, 'interpreterBooked', member, {
          name: member.name,
          childName: child?.firstName ?? '',
          interpreter: chosen.name,
          language: request.language,
          when: formatDateTime(booking.bookedFor, member.locale),
          link: linkTo(council, `/cases/${caseRecord.id}/interpreters`),
        });
      }
      return { ok: true };
    })
    .finally(wakeMailer);
}
