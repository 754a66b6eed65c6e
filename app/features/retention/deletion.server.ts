import { rm } from 'node:fs/promises';
import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  adviceRequests,
  annualReviews,
  caseDecisions,
  caseStepDates,
  reviewRemindersSent,
  advocateConsents,
  assessmentRequests,
  capacityRecords,
  caseEvents,
  caseMeetings,
  caseNotes,
  cases,
  childParents,
  children,
  consentEvents,
  documents,
  draftPlanComments,
  draftPlanPreferences,
  familyViews,
  feedbackOffers,
  feedbackResponses,
  heldMessages,
  interpreterRequests,
  complaints,
  mediations,
  tribunalAppeals,
  tribunalOrders,
  messageAttachments,
  messages,
  planVersions,
  rectificationRequests,
  retentionDeletions,
  retentionDue,
  sen2CaseDetails,
  sen2Placements,
  retentionHolds,
  replyWaits,
  serviceStandardBreaches,
  subjectAccessRequests,
  threadReads,
  type User,
} from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { isDue, retentionDue as dueUnder } from '~/domain/retention';
import { todayInLondon } from '~/domain/timescales';
import { isUuid } from '~/domain/ids';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { storedPath } from '~/features/documents/index.server';
import { casesForRetention, legalHoldsOf, retentionSettingsOf } from './schedule.server';

/**
 * Deleting what a manager approved (ADR 0037): the rows of a closed case (or a draft never sent)
 * and, once nothing of the child is left, the child's own records, in one transaction; then the
 * files. A file that cannot be removed now is left with no row naming it, and the hourly upload
 * sweep (sweepOrphanUploads, app/jobs) removes it: nothing stays behind.
 *
 * Every table that holds a case's or a child's data is named in DELETED_TABLES;
 * tests/integration/retention.test.ts walks the schema's foreign keys and fails on a table that
 * reaches a case or a child and is not named here.
 */
export const DELETED_TABLES = [
  'feedback_responses',
  'feedback_offers',
  'message_attachments',
  'documents',
  'draft_plan_comments',
  'draft_plan_preferences',
  'case_meetings',
  'family_views',
  'advice_requests',
  'messages',
  'service_standard_breaches',
  'thread_reads',
  'held_messages',
  'case_events',
  'case_notes',
  'interpreter_requests',
  'sen2_placements',
  'sen2_case_details',
  'complaints',
  'tribunal_orders',
  'tribunal_appeals',
  'mediations',
  'review_reminders_sent',
  'annual_reviews',
  'plan_versions',
  'case_step_dates',
  'case_decisions',
  'reply_waits',
  'retention_due',
  'assessment_requests',
  'cases',
  'retention_holds',
  'consent_events',
  'advocate_consents',
  'capacity_records',
  'child_parents',
  'rectification_requests',
  'children',
  // Not deleted: the request is the requester's record of asking, kept with their account; its link to the child is cleared.
  'subject_access_requests',
] as const;

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const anyOf = (conditions: (SQL | false)[]) => {
  const real = conditions.filter((c): c is SQL => c !== false);
  return real.length > 0 ? or(...real) : undefined;
};

/** Deletes the case's (or draft's) rows, then the child's if nothing of theirs is left. Returns the files to remove. */
async function deleteRecords(tx: Transaction, item: { childId: string; caseId: string | null; requestId: string | null }): Promise<string[]> {
  const caseIds = item.caseId ? [item.caseId] : [];
  const requestIds = item.caseId
    ? ids(await tx.select({ id: assessmentRequests.id }).from(assessmentRequests).where(eq(assessmentRequests.caseId, item.caseId)))
    : item.requestId
      ? [item.requestId]
      : [];
  const inCases = (column: AnyPgColumn) => (caseIds.length > 0 ? inArray(column, caseIds) : sql`false`);
  const messageIds = caseIds.length ? ids(await tx.select({ id: messages.id }).from(messages).where(inCases(messages.caseId))) : [];
  const adviceIds = caseIds.length ? ids(await tx.select({ id: adviceRequests.id }).from(adviceRequests).where(inCases(adviceRequests.caseId))) : [];
  const viewsIds = caseIds.length ? ids(await tx.select({ id: familyViews.id }).from(familyViews).where(inCases(familyViews.caseId))) : [];
  const documentMatch = anyOf([
    caseIds.length > 0 && inArray(documents.caseId, caseIds),
    requestIds.length > 0 && inArray(documents.requestId, requestIds),
    adviceIds.length > 0 && inArray(documents.adviceRequestId, adviceIds),
    viewsIds.length > 0 && inArray(documents.familyViewsId, viewsIds),
  ]);
  const files = documentMatch ? await tx.select({ id: documents.id, storedName: documents.storedName }).from(documents).where(documentMatch) : [];
  const attachmentMatch = anyOf([messageIds.length > 0 && inArray(messageAttachments.messageId, messageIds), files.length > 0 && inArray(messageAttachments.documentId, ids(files))]);
  if (attachmentMatch) await tx.delete(messageAttachments).where(attachmentMatch);
  if (files.length > 0) await tx.delete(documents).where(inArray(documents.id, ids(files)));
  if (caseIds.length > 0) {
    // An issued plan version refuses deletion except to retention, in this transaction only (migration 0016).
    await tx.execute(sql`select set_config('ehcp.retention_delete', 'on', true)`);
    await tx.delete(draftPlanComments).where(inCases(draftPlanComments.caseId));
    await tx.delete(draftPlanPreferences).where(inCases(draftPlanPreferences.caseId));
    await tx.delete(caseMeetings).where(inCases(caseMeetings.caseId));
    await tx.delete(familyViews).where(inCases(familyViews.caseId));
    await tx.delete(adviceRequests).where(inCases(adviceRequests.caseId));
    await tx.delete(messages).where(inCases(messages.caseId));
    await tx.delete(serviceStandardBreaches).where(inCases(serviceStandardBreaches.caseId));
    await tx.delete(replyWaits).where(inCases(replyWaits.caseId));
    await tx.delete(threadReads).where(inCases(threadReads.caseId));
    await tx.delete(heldMessages).where(inCases(heldMessages.caseId));
    await tx.delete(caseEvents).where(inCases(caseEvents.caseId));
    await tx.delete(caseNotes).where(inCases(caseNotes.caseId));
    await tx.delete(interpreterRequests).where(inCases(interpreterRequests.caseId));
    await tx.delete(sen2Placements).where(inCases(sen2Placements.caseId));
    await tx.delete(sen2CaseDetails).where(inCases(sen2CaseDetails.caseId));
    await tx.delete(complaints).where(inCases(complaints.caseId));
    await tx.delete(feedbackResponses).where(inCases(feedbackResponses.caseId));
    await tx.delete(feedbackOffers).where(inCases(feedbackOffers.caseId));
    await tx.delete(tribunalOrders).where(inCases(tribunalOrders.caseId));
    await tx.delete(tribunalAppeals).where(inCases(tribunalAppeals.caseId));
    await tx.delete(mediations).where(inCases(mediations.caseId));
    await tx.delete(reviewRemindersSent).where(inArray(reviewRemindersSent.reviewId, tx.select({ id: annualReviews.id }).from(annualReviews).where(inCases(annualReviews.caseId))));
    await tx.delete(annualReviews).where(inCases(annualReviews.caseId));
    await tx.delete(planVersions).where(inCases(planVersions.caseId));
    await tx.delete(caseStepDates).where(inCases(caseStepDates.caseId));
    await tx.delete(caseDecisions).where(inCases(caseDecisions.caseId));
    await tx.delete(retentionDue).where(inCases(retentionDue.caseId));
    await tx.execute(sql`select set_config('ehcp.retention_delete', 'off', true)`);
  }
  if (requestIds.length > 0) {
    await tx.delete(retentionDue).where(inArray(retentionDue.requestId, requestIds));
    await tx.delete(assessmentRequests).where(inArray(assessmentRequests.id, requestIds));
  }
  if (caseIds.length > 0) await tx.delete(cases).where(inArray(cases.id, caseIds));

  // The child's own records go with their last case or request: a child with another is kept whole.
  const [{ remaining }] = await tx
    .select({ remaining: sql<number>`(select count(*) from ${cases} where ${cases.childId} = ${item.childId}) + (select count(*) from ${assessmentRequests} where ${assessmentRequests.childId} = ${item.childId})` })
    .from(children)
    .where(eq(children.id, item.childId));
  if (Number(remaining) === 0) {
    const consentIds = ids(await tx.select({ id: advocateConsents.id }).from(advocateConsents).where(eq(advocateConsents.childId, item.childId)));
    if (consentIds.length > 0) await tx.delete(consentEvents).where(inArray(consentEvents.consentId, consentIds));
    await tx.delete(advocateConsents).where(eq(advocateConsents.childId, item.childId));
    await tx.delete(capacityRecords).where(eq(capacityRecords.childId, item.childId));
    await tx.delete(retentionHolds).where(eq(retentionHolds.childId, item.childId));
    await tx.delete(retentionDue).where(eq(retentionDue.childId, item.childId));
    await tx.delete(childParents).where(eq(childParents.childId, item.childId));
    // A correction holds the child's details as they were and became: it goes with the child.
    await tx.delete(rectificationRequests).where(eq(rectificationRequests.childId, item.childId));
    await tx.update(subjectAccessRequests).set({ childId: null }).where(eq(subjectAccessRequests.childId, item.childId));
    await tx.delete(children).where(eq(children.id, item.childId));
  }
  return files.map((f) => f.storedName);
}

export type ApprovalOutcome = 'deleted' | 'held' | 'not_due' | 'gone';

/** How files are removed; a test passes one that fails, to prove the sweep finishes the job. */
export type FileRemover = (path: string) => Promise<void>;
const removeFile: FileRemover = (path) => rm(path, { force: true });

/**
 * Deletes one item of the council's list, if it is still due and nothing holds it, checked again
 * inside the transaction under a lock on its row: a second press, another manager, or a hold
 * placed since the page was drawn all leave the records alone. Writes the minimal deletion
 * record and the audit entry in the same transaction; removes the files after the commit.
 */
export async function approveDeletion(manager: Pick<User, 'id'> & { laId: string }, dueId: string, options: { now?: Date; address?: string; remove?: FileRemover } = {}): Promise<ApprovalOutcome> {
  if (!isUuid(dueId)) return 'gone';
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(retentionDue)
      .where(and(eq(retentionDue.id, dueId), eq(retentionDue.laId, manager.laId)))
      .for('update');
    if (!item) return { outcome: 'gone' as const, files: [] };
    const settings = await retentionSettingsOf(manager.laId, tx);
    let reference: string | null = null;
    if (item.caseId) {
      const facts = (await casesForRetention(tx, [item.caseId])).get(item.caseId);
      if (!facts || !isDue(dueUnder(facts, settings), today)) return { outcome: 'not_due' as const, files: [] };
      reference = facts.reference;
    } else if (item.requestId) {
      const [draft] = await tx.select().from(assessmentRequests).where(eq(assessmentRequests.id, item.requestId));
      if (!draft || draft.status !== 'draft' || !isDue(dueUnder({ kind: 'draft_request', lastChangedOn: todayInLondon(draft.updatedAt) }, settings), today)) return { outcome: 'not_due' as const, files: [] };
    }
    const holds = (await legalHoldsOf(tx, manager.laId, [item.childId], today)).get(item.childId) ?? [];
    if (holds.length > 0) return { outcome: 'held' as const, files: [] };
    const files = await deleteRecords(tx, item);
    const [record] = await tx.insert(retentionDeletions).values({ laId: manager.laId, caseReference: reference, rule: item.rule, dueOn: item.dueOn, approvedBy: manager.id, deletedAt: now }).returning();
    await recordAudit({ userId: manager.id, action: 'delete:retention', subjectType: 'retention_deletion', subjectId: record.id, outcome: 'allowed', address: options.address, details: { rule: item.rule, documents: files.length } }, tx);
    return { outcome: 'deleted' as const, files };
  });
  for (const name of result.files) {
    try {
      await (options.remove ?? removeFile)(storedPath(name));
    } catch (error) {
      // The row is gone: the hourly upload sweep removes a file no row names.
      console.error('[retention] file left for the upload sweep', name, error);
    }
  }
  return result.outcome;
}

/** The council's deletions, newest first: the minimal record kept. */
export async function deletionsOf(laId: string, limit = 20) {
  const db = await getDb();
  return db.select().from(retentionDeletions).where(eq(retentionDeletions.laId, laId)).orderBy(sql`${retentionDeletions.deletedAt} desc`).limit(limit);
}
