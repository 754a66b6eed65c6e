import { and, eq, getTableColumns, inArray, or, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import {
  annualReviews,
  reviewRemindersSent,
  adviceRequests,
  advocateConsents,
  assessmentRequests,
  auditLog,
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
  emailTokens,
  familyViews,
  heldMessages,
  messageAttachments,
  messages,
  mfaRecoveryCodes,
  outboxEmails,
  planVersions,
  interpreterRequests,
  complaints,
  feedbackOffers,
  feedbackResponses,
  mediations,
  tribunalAppeals,
  tribunalOrders,
  rectificationRequests,
  retentionDue,
  retentionHolds,
  sen2CaseDetails,
  sen2Placements,
  serviceStandardBreaches,
  sessions,
  subjectAccessRequests,
  threadReads,
  users,
  type StoredDocument,
  type User,
} from '../../../db/schema';
import type { Database } from '../../../db/client';
import { getDb } from '~/db.server';
import { readDocumentFile } from '~/features/documents/index.server';

/**
 * Everything the portal holds about one person and their child's case, for a subject access
 * request (UK GDPR Article 15) or the person's own account download (ADR 0034).
 *
 * Every table of db/schema is either collected here (COLLECTORS, by its SQL name) or named in
 * TABLES_WITHOUT_REQUESTER_DATA with the reason; tests/integration/subject-access.test.ts fails
 * when a table is in neither, so a new table holding personal data cannot be left out unnoticed.
 */

export type ExportScope = {
  user: User;
  /** The council asked: its records of the person's children. Null: the account alone. */
  laId: string | null;
};

type Row = Record<string, unknown>;

/** What the collectors need: the ids the person's records hang from. */
type Reach = {
  userId: string;
  email: string;
  childIds: string[];
  caseIds: string[];
  requestIds: string[];
  messageIds: string[];
  consentIds: string[];
};

type Collector = (db: Database, reach: Reach) => Promise<Row[]>;

/** `inArray` with an empty list matches nothing: say so without a query. */
const within = (ids: string[], match: (ids: string[]) => SQL): SQL | null => (ids.length > 0 ? match(ids) : null);

async function rowsWhere(db: Database, table: PgTable, condition: SQL | null | undefined): Promise<Row[]> {
  if (!condition) return [];
  return (await db.select().from(table).where(condition)) as Row[];
}

/** Security credentials are never released (a hash could help someone break into the account): left out by name. */
export const WITHHELD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  users: ['passwordHash', 'mfaSecret', 'mfaLastStep'],
  sessions: ['id'],
  email_tokens: ['id'],
  mfa_recovery_codes: ['codeHash'],
  held_messages: ['tokenHash'],
};

const COLLECTORS: Record<string, Collector> = {
  users: (db, r) => rowsWhere(db, users, eq(users.id, r.userId)),
  sessions: (db, r) => rowsWhere(db, sessions, eq(sessions.userId, r.userId)),
  email_tokens: (db, r) => rowsWhere(db, emailTokens, eq(emailTokens.userId, r.userId)),
  mfa_recovery_codes: (db, r) => rowsWhere(db, mfaRecoveryCodes, eq(mfaRecoveryCodes.userId, r.userId)),
  children: (db, r) => rowsWhere(db, children, within(r.childIds, (ids) => inArray(children.id, ids))),
  // The person's own links, and who else holds parental responsibility for their children.
  child_parents: (db, r) => rowsWhere(db, childParents, or(eq(childParents.userId, r.userId), within(r.childIds, (ids) => inArray(childParents.childId, ids)) ?? undefined)),
  cases: (db, r) => rowsWhere(db, cases, within(r.caseIds, (ids) => inArray(cases.id, ids))),
  case_events: (db, r) => rowsWhere(db, caseEvents, within(r.caseIds, (ids) => inArray(caseEvents.caseId, ids))),
  // Staff-only notes are the family's personal data too: listed for review, normally released (ADR 0034).
  case_notes: (db, r) => rowsWhere(db, caseNotes, within(r.caseIds, (ids) => inArray(caseNotes.caseId, ids))),
  complaints: (db, r) => rowsWhere(db, complaints, within(r.caseIds, (ids) => inArray(complaints.caseId, ids))),
  interpreter_requests: (db, r) => rowsWhere(db, interpreterRequests, within(r.caseIds, (ids) => inArray(interpreterRequests.caseId, ids))),
  // What the council reports about the child to the DfE each year (SEN2, ADR 0053).
  sen2_case_details: (db, r) => rowsWhere(db, sen2CaseDetails, within(r.caseIds, (ids) => inArray(sen2CaseDetails.caseId, ids))),
  sen2_placements: (db, r) => rowsWhere(db, sen2Placements, within(r.caseIds, (ids) => inArray(sen2Placements.caseId, ids))),
  // The family's survey answers (their comments already without names) and which surveys they were offered.
  feedback_offers: (db, r) => rowsWhere(db, feedbackOffers, within(r.caseIds, (ids) => inArray(feedbackOffers.caseId, ids))),
  feedback_responses: (db, r) => rowsWhere(db, feedbackResponses, within(r.caseIds, (ids) => inArray(feedbackResponses.caseId, ids))),
  mediations: (db, r) => rowsWhere(db, mediations, within(r.caseIds, (ids) => inArray(mediations.caseId, ids))),
  tribunal_appeals: (db, r) => rowsWhere(db, tribunalAppeals, within(r.caseIds, (ids) => inArray(tribunalAppeals.caseId, ids))),
  tribunal_orders: (db, r) => rowsWhere(db, tribunalOrders, within(r.caseIds, (ids) => inArray(tribunalOrders.caseId, ids))),
  // What the person did, and who opened their children's records.
  audit_log: (db, r) =>
    rowsWhere(db, auditLog, or(eq(auditLog.userId, r.userId), inArray(auditLog.subjectId, [r.userId, ...r.childIds, ...r.caseIds, ...r.requestIds]))),
  assessment_requests: (db, r) => rowsWhere(db, assessmentRequests, within(r.childIds, (ids) => inArray(assessmentRequests.childId, ids))),
  documents: (db, r) =>
    rowsWhere(db, documents, or(within(r.caseIds, (ids) => inArray(documents.caseId, ids)) ?? undefined, within(r.requestIds, (ids) => inArray(documents.requestId, ids)) ?? undefined)),
  messages: (db, r) => rowsWhere(db, messages, within(r.caseIds, (ids) => inArray(messages.caseId, ids))),
  service_standard_breaches: (db, r) => rowsWhere(db, serviceStandardBreaches, within(r.caseIds, (ids) => inArray(serviceStandardBreaches.caseId, ids))),
  // Only the person's own reading: staff's reading is about staff, not the family.
  thread_reads: (db, r) => rowsWhere(db, threadReads, eq(threadReads.userId, r.userId)),
  message_attachments: (db, r) => rowsWhere(db, messageAttachments, within(r.messageIds, (ids) => inArray(messageAttachments.messageId, ids))),
  held_messages: (db, r) => rowsWhere(db, heldMessages, within(r.caseIds, (ids) => inArray(heldMessages.caseId, ids))),
  outbox_emails: (db, r) => rowsWhere(db, outboxEmails, or(eq(outboxEmails.recipientId, r.userId), eq(outboxEmails.toAddress, r.email))),
  advice_requests: (db, r) => rowsWhere(db, adviceRequests, within(r.caseIds, (ids) => inArray(adviceRequests.caseId, ids))),
  family_views: (db, r) => rowsWhere(db, familyViews, within(r.caseIds, (ids) => inArray(familyViews.caseId, ids))),
  draft_plan_comments: (db, r) => rowsWhere(db, draftPlanComments, within(r.caseIds, (ids) => inArray(draftPlanComments.caseId, ids))),
  draft_plan_preferences: (db, r) => rowsWhere(db, draftPlanPreferences, within(r.caseIds, (ids) => inArray(draftPlanPreferences.caseId, ids))),
  case_meetings: (db, r) => rowsWhere(db, caseMeetings, within(r.caseIds, (ids) => inArray(caseMeetings.caseId, ids))),
  plan_versions: (db, r) => rowsWhere(db, planVersions, within(r.caseIds, (ids) => inArray(planVersions.caseId, ids))),
  annual_reviews: (db, r) => rowsWhere(db, annualReviews, within(r.caseIds, (ids) => inArray(annualReviews.caseId, ids))),
  review_reminders_sent: (db, r) =>
    rowsWhere(db, reviewRemindersSent, within(r.caseIds, (ids) => inArray(reviewRemindersSent.reviewId, db.select({ id: annualReviews.id }).from(annualReviews).where(inArray(annualReviews.caseId, ids))))),
  advocate_consents: (db, r) => rowsWhere(db, advocateConsents, or(eq(advocateConsents.grantedBy, r.userId), within(r.childIds, (ids) => inArray(advocateConsents.childId, ids)) ?? undefined)),
  consent_events: (db, r) => rowsWhere(db, consentEvents, within(r.consentIds, (ids) => inArray(consentEvents.consentId, ids))),
  capacity_records: (db, r) => rowsWhere(db, capacityRecords, within(r.childIds, (ids) => inArray(capacityRecords.childId, ids))),
  subject_access_requests: (db, r) => rowsWhere(db, subjectAccessRequests, eq(subjectAccessRequests.requesterId, r.userId)),
  // The person's own corrections, and those of their children's records (a correction's old and new values are the child's details).
  rectification_requests: (db, r) =>
    rowsWhere(db, rectificationRequests, or(eq(rectificationRequests.requesterId, r.userId), within(r.childIds, (ids) => inArray(rectificationRequests.childId, ids)) ?? undefined)),
  // A legal hold's note is the manager's words about the child's case, and may name people (ADR 0037).
  retention_holds: (db, r) => rowsWhere(db, retentionHolds, within(r.childIds, (ids) => inArray(retentionHolds.childId, ids))),
  // When the child's records fall due for deletion, and under which rule.
  retention_due: (db, r) => rowsWhere(db, retentionDue, within(r.childIds, (ids) => inArray(retentionDue.childId, ids))),
};

/** The tables the export reads, by SQL name. */
export const COVERED_TABLES: readonly string[] = Object.keys(COLLECTORS);

/**
 * Tables that hold nothing about the person who asks, each with the reason. A table is added
 * here only after checking that reason holds: anything else belongs in COLLECTORS.
 */
export const TABLES_WITHOUT_REQUESTER_DATA: Readonly<Record<string, string>> = {
  local_authorities: "The council's own settings and contact details.",
  council_privacy_notices: "The council's published privacy notice: no one's personal data (who changed it is in the audit log).",
  area_teams: "The council's team names.",
  interpreters: "The council's list of interpreters: the interpreters' own work details, not the family's.",
  advice_organisations: 'Names of advice services (organisations, not people).',
  education_settings: "Schools, colleges and early-years settings: names and DfE references (organisations, not people).",
  setting_term_notices: 'Which term notices each setting was sent: the setting and the term, no one of the family.',
  service_standard_history: "A council's past service standards, and which admin changed them.",
  case_step_dates: "The statutory dates derived from the case's events (ADR 0056), which the copy holds in full (case_events): nothing the events do not say.",
  case_decisions: "The decisions derived from the case's events (ADR 0057), which the copy holds in full (case_events): nothing the events do not say.",
  reply_waits: "When the family waited for a reply, derived from the thread (ADR 0057), which the copy holds in full (messages): nothing the messages do not say.",
  // Keys are one-way hashes of an account or address, kept for minutes: they cannot be read back to a person.
  rate_limit_events: 'Hashed throttling keys, kept only for minutes; they cannot be tied back to a person.',
  retention_settings: "The council's retention schedule, and which admin set it.",
  scrutiny_thresholds: "The council's red, amber and green thresholds for its scrutiny report, and which member of staff set them.",
  complaint_settings: "The council's complaint response times, and which admin set them.",
  // The deleted case's records are gone; what is left names no one and cannot be traced to a person through the portal.
  retention_deletions: 'The minimal record that deleted records existed: a case reference, the rule and dates, the approving manager; no names or dates of birth.',
};

/** Why a record is on the staff's review list before release. */
export const reviewReasons = ['third_party', 'names_others', 'staff_note', 'withheld_advice', 'professionals_only_meeting', 'young_person'] as const;
export type ReviewReason = (typeof reviewReasons)[number];

/** One thing staff decide on before release: a field of a record, keyed `table:rowId:field`. */
export type ReviewItem = { key: string; table: string; rowId: string; field: string; reason: ReviewReason; person: string | null };

export type ExportDocument = { id: string; name: string; path: string; mimeType: string; sizeBytes: number };

export type DataExport = {
  generatedAt: string;
  person: { id: string; name: string; email: string };
  laId: string | null;
  tables: Record<string, Row[]>;
  documents: ExportDocument[];
  review: ReviewItem[];
  withheldFields: Readonly<Record<string, readonly string[]>>;
};

async function reachOf(db: Database, scope: ExportScope): Promise<Reach> {
  const { user, laId } = scope;
  const reach: Reach = { userId: user.id, email: user.email, childIds: [], caseIds: [], requestIds: [], messageIds: [], consentIds: [] };
  if (laId) {
    // The person's children known to this council: as a parent, or the young person themself.
    const linked = await db
      .selectDistinct({ id: children.id })
      .from(children)
      .leftJoin(childParents, eq(childParents.childId, children.id))
      .where(and(eq(children.laId, laId), or(eq(childParents.userId, user.id), eq(children.youngPersonUserId, user.id))));
    reach.childIds = linked.map((c) => c.id);
  }
  if (reach.childIds.length > 0) {
    reach.caseIds = (await db.select({ id: cases.id }).from(cases).where(inArray(cases.childId, reach.childIds))).map((c) => c.id);
    reach.requestIds = (await db.select({ id: assessmentRequests.id }).from(assessmentRequests).where(inArray(assessmentRequests.childId, reach.childIds))).map((r) => r.id);
  }
  if (reach.caseIds.length > 0) {
    reach.messageIds = (await db.select({ id: messages.id }).from(messages).where(inArray(messages.caseId, reach.caseIds))).map((m) => m.id);
  }
  const consentMatch = reach.childIds.length > 0 ? or(eq(advocateConsents.grantedBy, user.id), inArray(advocateConsents.childId, reach.childIds)) : eq(advocateConsents.grantedBy, user.id);
  reach.consentIds = (await db.select({ id: advocateConsents.id }).from(advocateConsents).where(consentMatch)).map((c) => c.id);
  return reach;
}

/** The JS keys of a table's columns that point at a user (found from its foreign keys, so a new one is seen). */
function userColumnsOf(table: PgTable): string[] {
  const config = getTableConfig(table);
  const sqlNames = new Set(
    config.foreignKeys.flatMap((fk) => {
      const ref = fk.reference();
      return getTableConfig(ref.foreignTable).name === 'users' ? ref.columns.map((c) => c.name) : [];
    }),
  );
  return Object.entries(getTableColumns(table))
    .filter(([, column]) => sqlNames.has(column.name))
    .map(([key]) => key);
}

const TABLES_BY_NAME: Record<string, PgTable> = Object.fromEntries(
  [users, sessions, emailTokens, mfaRecoveryCodes, children, childParents, cases, caseEvents, caseNotes, auditLog, assessmentRequests, documents, messages, serviceStandardBreaches, threadReads, messageAttachments, heldMessages, outboxEmails, adviceRequests, familyViews, draftPlanComments, draftPlanPreferences, caseMeetings, planVersions, annualReviews, reviewRemindersSent, advocateConsents, consentEvents, capacityRecords, subjectAccessRequests, rectificationRequests, interpreterRequests, complaints, feedbackOffers, feedbackResponses, mediations, tribunalAppeals, tribunalOrders, retentionHolds, retentionDue, sen2CaseDetails, sen2Placements].map((t) => [getTableConfig(t).name, t]),
);

/** A row's identity in review keys: its id, or for the link tables without one, what it links. */
function rowIdOf(row: Row): string {
  return String(row.id ?? [row.messageId ?? row.childId ?? row.userId, row.documentId ?? row.caseId ?? row.userId].join('/'));
}

const COUNCIL_ROLES = new Set(['caseworker', 'manager', 'la_admin']);

/**
 * The review list: what may be someone else's personal data, or held back by an exemption.
 * Council staff named in the records acted in their job, and are normally disclosed; other
 * people (another parent, the young person, professionals, advisers) are listed for a decision.
 */
async function reviewOf(db: Database, scope: ExportScope, tables: Record<string, Row[]>): Promise<ReviewItem[]> {
  const items: ReviewItem[] = [];
  const add = (table: string, row: Row, field: string, reason: ReviewReason, person: string | null = null) => {
    const rowId = rowIdOf(row);
    items.push({ key: `${table}:${rowId}:${field}`, table, rowId, field, reason, person });
  };
  const mentioned = new Map<string, { table: string; row: Row; field: string }[]>();
  for (const [name, rows] of Object.entries(tables)) {
    if (name === 'users' || name === 'audit_log') continue;
    const columns = userColumnsOf(TABLES_BY_NAME[name]);
    for (const row of rows) {
      for (const field of columns) {
        const value = row[field];
        if (typeof value === 'string' && value !== scope.user.id) mentioned.set(value, [...(mentioned.get(value) ?? []), { table: name, row, field }]);
      }
    }
  }
  if (mentioned.size > 0) {
    const people = await db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(inArray(users.id, [...mentioned.keys()]));
    for (const person of people) {
      if (COUNCIL_ROLES.has(person.role)) continue;
      for (const place of mentioned.get(person.id) ?? []) add(place.table, place.row, place.field, person.role === 'young_person' ? 'young_person' : 'third_party', person.name);
    }
  }
  for (const row of tables.children ?? []) if (row.otherParentalResponsibility) add('children', row, 'otherParentalResponsibility', 'names_others');
  for (const row of tables.case_meetings ?? []) {
    add('case_meetings', row, 'attendees', 'names_others');
    if (row.familyInvited === false) add('case_meetings', row, 'minutes', 'professionals_only_meeting');
  }
  for (const row of tables.case_notes ?? []) add('case_notes', row, 'body', 'staff_note');
  for (const row of tables.advice_requests ?? []) if (row.withheldReason) add('advice_requests', row, 'needs', 'withheld_advice');
  return items;
}

/** The person's records, gathered in one read-only transaction so the tables agree with each other. */
export async function buildDataExport(scope: ExportScope, now = new Date()): Promise<DataExport> {
  const db = await getDb();
  const tables: Record<string, Row[]> = {};
  const reach = await reachOf(db, scope);
  for (const [name, collect] of Object.entries(COLLECTORS)) {
    const withheld = WITHHELD_FIELDS[name] ?? [];
    tables[name] = (await collect(db, reach)).map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !withheld.includes(key))));
  }
  const documentRows = tables.documents as unknown as StoredDocument[];
  return {
    generatedAt: now.toISOString(),
    person: { id: scope.user.id, name: scope.user.name, email: scope.user.email },
    laId: scope.laId,
    tables,
    documents: documentRows.map((d) => ({ id: d.id, name: d.originalName, path: documentPath(d), mimeType: d.mimeType, sizeBytes: d.sizeBytes })),
    review: await reviewOf(db, scope, tables),
    withheldFields: WITHHELD_FIELDS,
  };
}

/** A file's name in the archive: its id keeps two uploads of "report.pdf" apart; the rest of the name is made safe for any unzip tool. */
function documentPath(d: Pick<StoredDocument, 'id' | 'originalName'>) {
  return `documents/${d.id}-${d.originalName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120)}`;
}

export const REDACTED = '[redacted]';

/** Every record of the export as `table:rowId`: what the manager reviewed, kept at release. */
export function rowKeysOf(data: DataExport): string[] {
  return Object.entries(data.tables).flatMap(([name, rows]) => rows.map((row) => `${name}:${rowIdOf(row)}`));
}

/**
 * The export as released: only the records the manager reviewed (`releasedRows`; anything added
 * since is left for a new request), the fields they chose to hold back replaced, and the review
 * list (staff's working) left out.
 */
export function redactedForRelease(data: DataExport, redactions: readonly string[], releasedRows: readonly string[] | null): DataExport {
  const chosen = data.review.filter((item) => redactions.includes(item.key));
  const reviewed = releasedRows ? new Set(releasedRows) : null;
  const tables = Object.fromEntries(
    Object.entries(data.tables).map(([name, rows]) => [
      name,
      rows
        .filter((row) => !reviewed || reviewed.has(`${name}:${rowIdOf(row)}`))
        .map((row) => {
          const copy = { ...row };
          for (const item of chosen) if (item.table === name && rowIdOf(row) === item.rowId) copy[item.field] = REDACTED;
          return copy;
        }),
    ]),
  );
  const documentIds = new Set((tables.documents ?? []).map((row) => String(row.id)));
  return { ...data, tables, documents: data.documents.filter((d) => documentIds.has(d.id)), review: [] };
}

/** The archive's files: the documents' bytes, read through the same check as a download. */
export async function documentFiles(data: DataExport): Promise<{ name: string; data: Buffer }[]> {
  const rows = (data.tables.documents ?? []) as unknown as StoredDocument[];
  const files: { name: string; data: Buffer }[] = [];
  if (rows.length === 0) return files;
  const db = await getDb();
  // Re-read in full: the export's rows are what the family sees, the file check needs the stored name and hash.
  const stored = await db.select().from(documents).where(inArray(documents.id, rows.map((r) => r.id)));
  for (const row of stored) files.push({ name: documentPath(row), data: await readDocumentFile(row) });
  return files;
}
