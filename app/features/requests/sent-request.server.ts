import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { assessmentRequests, cases, documents, interpreterRequests, users, type User } from '../../../db/schema';
import { sizeInKb } from '~/domain/file-types';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { storeUpload, type ReceivedFile, type StoreUploadResult } from '../documents/index.server';
import type { RequestAnswerValues } from './request-answers';

export type SentRequestDocument = { id: string; name: string; sizeKb: number; addedAt: string; addedBy: string };

/** A request for assessment as it was sent, and the evidence the council added to it since. */
export type SentRequest = {
  requestId: string;
  sentAt: string;
  sentBy: string | null;
  /** An adviser sent it: the family member they acted for. */
  onBehalfOf: string | null;
  receivedVia: string;
  answers: RequestAnswerValues;
  /** Uploaded with the request, before it was sent. */
  sentWith: SentRequestDocument[];
  /** Added by the council after it was sent (evidence the family sent later by post or email). */
  addedLater: SentRequestDocument[];
};

/**
 * The language a family needs an interpreter for (null if they never said), as SQL over `cases`
 * joined to its `assessment_requests`: the latest interpreter they asked for on the case (with
 * its dialect), else what their request said. Staff lists show it beside every case, without
 * loading answers.
 */
export const interpreterLanguageSql = sql<string | null>`coalesce(
  (select ir.language || coalesce(' (' || ir.dialect || ')', '') from ${interpreterRequests} ir where ir.case_id = ${cases.id} order by ir.created_at desc limit 1),
  case when ${assessmentRequests.answers} -> 'communication' ->> 'interpreter' = 'yes' then nullif(trim(${assessmentRequests.answers} -> 'communication' ->> 'interpreterLanguage'), '') end
)`;

const sender = alias(users, 'sender');
const onBehalf = alias(users, 'on_behalf');
const uploader = alias(users, 'uploader');

/** The request that opened a case, exactly as sent (answers are never changed after sending). */
export async function sentRequestOfCase(caseId: string): Promise<SentRequest | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      requestId: assessmentRequests.id,
      submittedAt: assessmentRequests.submittedAt,
      answers: assessmentRequests.answers,
      sentBy: sender.name,
      onBehalfOf: onBehalf.name,
      receivedVia: cases.receivedVia,
    })
    .from(assessmentRequests)
    .innerJoin(cases, eq(cases.id, assessmentRequests.caseId))
    .leftJoin(sender, eq(sender.id, assessmentRequests.submittedBy))
    .leftJoin(onBehalf, eq(onBehalf.id, assessmentRequests.submittedOnBehalfOf))
    .where(and(eq(assessmentRequests.caseId, caseId), eq(assessmentRequests.status, 'submitted')));
  if (!row?.submittedAt) return null;
  const files = await db
    .select({ id: documents.id, name: documents.originalName, sizeBytes: documents.sizeBytes, createdAt: documents.createdAt, addedBy: uploader.name })
    .from(documents)
    .innerJoin(uploader, eq(uploader.id, documents.uploadedBy))
    .where(eq(documents.requestId, row.requestId))
    .orderBy(asc(documents.createdAt));
  const sentAt = row.submittedAt;
  const shown = files.map((f) => ({ id: f.id, name: f.name, sizeKb: sizeInKb(f.sizeBytes), addedAt: f.createdAt.toISOString(), addedBy: f.addedBy, later: f.createdAt > sentAt }));
  const strip = ({ later: _later, ...file }: (typeof shown)[number]) => file;
  return {
    requestId: row.requestId,
    sentAt: sentAt.toISOString(),
    sentBy: row.sentBy,
    onBehalfOf: row.onBehalfOf,
    receivedVia: row.receivedVia,
    answers: row.answers,
    sentWith: shown.filter((f) => !f.later).map(strip),
    addedLater: shown.filter((f) => f.later).map(strip),
  };
}

/**
 * Evidence the family sends after the request (by post or email), added to it by the council: it
 * sits with the request's own documents, marked as added later, and the family can download it.
 */
export async function addEvidenceToSentRequest(staff: Pick<User, 'id'>, caseId: string, file: ReceivedFile): Promise<StoreUploadResult | { ok: false; error: 'errors.request.notSent' }> {
  const sent = await sentRequestOfCase(caseId);
  if (!sent) return { ok: false, error: 'errors.request.notSent' };
  const stored = await storeUpload({ file, uploadedBy: staff.id, requestId: sent.requestId, caseId, kind: 'evidence' });
  if (stored.ok) {
    await recordAudit({ userId: staff.id, action: 'add:evidence', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { documentId: stored.document.id } });
  }
  return stored;
}
