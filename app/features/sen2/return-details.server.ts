import { and, asc, eq } from 'drizzle-orm';
import { caseEvents, educationSettings, sen2CaseDetails, sen2Placements, type Case, type User } from '../../../db/schema';
import { recordAudit } from '~/audit/audit.server';
import { caseEvent } from '~/domain/case-events';
import { getDb } from '~/db.server';
import { RETURN_DETAIL_FIELDS, type PlacementInput, type ReturnDetailsInput } from './return-details-form.server';

/**
 * A case's details for the SEN2 return (ADR 0053), as its "Return details" page shows and saves
 * them: the child's identifiers and characteristics, the plan's ranked needs, personal budget,
 * cease reason, and the placements. Staff only (the policy's 'record:sen2-details'); every read
 * is audited by the guard, every change here with its case event and audit row.
 */

export type ReturnDetails = Record<(typeof RETURN_DETAIL_FIELDS)[number], string | null>;
export type PlacementEntry = { id: string; settingCode: string | null; settingName: string | null; entryDate: string; leavingDate: string | null };

const EMPTY: ReturnDetails = Object.fromEntries(RETURN_DETAIL_FIELDS.map((f) => [f, null])) as ReturnDetails;

export async function returnDetailsOf(caseRecord: Pick<Case, 'id' | 'laId'>) {
  const db = await getDb();
  const [[details], placements, settings] = await Promise.all([
    db.select().from(sen2CaseDetails).where(and(eq(sen2CaseDetails.caseId, caseRecord.id), eq(sen2CaseDetails.laId, caseRecord.laId))),
    db
      .select({ id: sen2Placements.id, settingCode: sen2Placements.settingCode, settingName: educationSettings.name, entryDate: sen2Placements.entryDate, leavingDate: sen2Placements.leavingDate })
      .from(sen2Placements)
      .leftJoin(educationSettings, eq(educationSettings.id, sen2Placements.settingId))
      .where(and(eq(sen2Placements.caseId, caseRecord.id), eq(sen2Placements.laId, caseRecord.laId)))
      .orderBy(asc(sen2Placements.entryDate), asc(sen2Placements.createdAt)),
    db.select({ id: educationSettings.id, name: educationSettings.name }).from(educationSettings).where(eq(educationSettings.laId, caseRecord.laId)).orderBy(asc(educationSettings.name)),
  ]);
  const current: ReturnDetails = details ? (Object.fromEntries(RETURN_DETAIL_FIELDS.map((f) => [f, details[f]])) as ReturnDetails) : EMPTY;
  return { details: current, placements: placements satisfies PlacementEntry[], settings };
}

/**
 * Saves the details. Only what changed is recorded on the timeline (by field name, never the
 * value); saving the same form again changes nothing and records nothing.
 */
export async function saveReturnDetails(actor: Pick<User, 'id'>, caseRecord: Pick<Case, 'id' | 'laId'>, input: ReturnDetailsInput, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(sen2CaseDetails).where(eq(sen2CaseDetails.caseId, caseRecord.id)).for('update');
    const changed = RETURN_DETAIL_FIELDS.filter((f) => (before?.[f] ?? null) !== input[f]);
    if (changed.length === 0) return { changed };
    const values = { ...input, updatedBy: actor.id, updatedAt: now };
    await tx
      .insert(sen2CaseDetails)
      .values({ caseId: caseRecord.id, laId: caseRecord.laId, ...values })
      .onConflictDoUpdate({ target: sen2CaseDetails.caseId, set: values });
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: actor.id, occurredAt: now, ...caseEvent('sen2_details_saved', { changed: [...changed] }) });
    await recordAudit({ userId: actor.id, action: 'record:sen2-details', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: { changed } }, tx);
    return { changed };
  });
}

/**
 * Adds a placement. The setting must be one of the case's council's; a SENsetting type only goes
 * with a setting that has no URN or UKPRN (the return writes one or the other, guide 2025 v1.4);
 * the same form sent twice adds one placement (its key is unique per case).
 */
export async function addPlacement(actor: Pick<User, 'id'>, caseRecord: Pick<Case, 'id' | 'laId'>, placement: PlacementInput, now = new Date()): Promise<{ ok: true } | { ok: false; field: 'settingId' | 'settingCode'; error: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (placement.settingId) {
      const [setting] = await tx
        .select({ id: educationSettings.id, urn: educationSettings.urn, ukprn: educationSettings.ukprn })
        .from(educationSettings)
        .where(and(eq(educationSettings.id, placement.settingId), eq(educationSettings.laId, caseRecord.laId)));
      if (!setting) return { ok: false as const, field: 'settingId' as const, error: 'errors.sen2.settingRequired' };
      if (placement.settingCode && (setting.urn || setting.ukprn)) return { ok: false as const, field: 'settingCode' as const, error: 'errors.sen2.codeWithIdentifier' };
    }
    const inserted = await tx
      .insert(sen2Placements)
      .values({ caseId: caseRecord.id, laId: caseRecord.laId, settingId: placement.settingId, settingCode: placement.settingCode, entryDate: placement.entryDate, leavingDate: placement.leavingDate, formKey: placement.formKey, createdBy: actor.id, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: sen2Placements.id });
    if (inserted.length === 0) return { ok: true as const };
    await tx.insert(caseEvents).values({
      caseId: caseRecord.id,
      actorId: actor.id,
      occurredAt: now,
      ...caseEvent('sen2_placement_recorded', { ...(placement.settingCode ? { settingCode: placement.settingCode } : {}), entryDate: placement.entryDate, ...(placement.leavingDate ? { leavingDate: placement.leavingDate } : {}) }),
    });
    await recordAudit({ userId: actor.id, action: 'record:sen2-details', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: { placementId: inserted[0].id } }, tx);
    return { ok: true as const };
  });
}
