import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { adviceOrganisations, areaTeams, assessmentRequests, auditLog, cases, children, documents, localAuthorities, users, type Case } from '../../../db/schema';
import { ACCESSOR_ROLES, describeOpening, mostTelling, pageWindow, RECORD_SUBJECT_TYPES, whatKeyOf, type AccessorRole, type Opening } from '~/domain/access-history';
import { isUuid } from '~/domain/ids';
import { getDb } from '~/db.server';

/**
 * "Who has looked at this case" and a member of staff's own access history (ADR 0035), read from
 * the append-only audit log one page at a time: counted, ordered and paged in SQL on the
 * audit_log_subject (or audit_log_user) index, so a busy case's thousands of rows never reach
 * the server's memory.
 */

/**
 * One request's rows are one opening: the same person, page, method and second (a page's
 * layout and the page itself are guarded in the same request). The most telling permission of
 * the group says what was opened.
 */
const requestKey = [auditLog.userId, sql`${auditLog.details}->>'path'`, sql`${auditLog.details}->>'method'`, sql`date_trunc('second', ${auditLog.at})`];
const openedAt = sql<Date>`max(${auditLog.at})`.mapWith(auditLog.at);
const actionsOfRequest = sql<string>`string_agg(${auditLog.action}, ' ' order by ${auditLog.id})`;
const lastId = sql<number>`max(${auditLog.id})`;

/** Every id the child's record is logged under: the case, the child, their requests for assessment and documents. */
async function recordSubjects(caseRecord: Pick<Case, 'id' | 'childId'>): Promise<SQL> {
  const db = await getDb();
  const requests = await db.select({ id: assessmentRequests.id }).from(assessmentRequests).where(eq(assessmentRequests.childId, caseRecord.childId));
  const requestIds = requests.map((r) => r.id);
  const files = await db
    .select({ id: documents.id })
    .from(documents)
    .where(requestIds.length > 0 ? or(eq(documents.caseId, caseRecord.id), inArray(documents.requestId, requestIds)) : eq(documents.caseId, caseRecord.id));
  const fileIds = files.map((f) => f.id);
  return or(
    and(eq(auditLog.subjectType, 'case'), eq(auditLog.subjectId, caseRecord.id)),
    and(eq(auditLog.subjectType, 'child'), eq(auditLog.subjectId, caseRecord.childId)),
    requestIds.length > 0 ? and(eq(auditLog.subjectType, 'assessment_request'), inArray(auditLog.subjectId, requestIds)) : undefined,
    fileIds.length > 0 ? and(eq(auditLog.subjectType, 'document'), inArray(auditLog.subjectId, fileIds)) : undefined,
  ) as SQL;
}

export type OpeningsPage = { openings: Opening[]; total: number; page: number; pages: number };

/**
 * One page of the openings of a child's record by staff, professionals and advisers, newest
 * first. Staff-only notes are listed like any other page (that they were opened, never what they
 * say): the family is owed the fact of every access.
 */
export async function openingsOfCase(caseRecord: Pick<Case, 'id' | 'childId' | 'caseworkerId'>, requestedPage: number): Promise<OpeningsPage> {
  const db = await getDb();
  const where = and(await recordSubjects(caseRecord), eq(auditLog.outcome, 'allowed'), inArray(users.role, [...ACCESSOR_ROLES]));
  const grouped = db
    .select({ userId: auditLog.userId, at: openedAt, actions: actionsOfRequest, lastId: lastId.as('last_id') })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .groupBy(...requestKey);
  const [{ total }] = await db.select({ total: count() }).from(grouped.as('openings'));
  const window = pageWindow(requestedPage, total);
  const rows = await grouped.orderBy(desc(openedAt), desc(lastId)).limit(window.limit).offset(window.offset);
  const people = await accessorsById(rows.flatMap((r) => (r.userId ? [r.userId] : [])));
  const openings = rows.flatMap((row) => {
    const person = row.userId ? people.get(row.userId) : undefined;
    return person ? [describeOpening({ ...person, at: row.at, action: mostTelling(row.actions.split(' ')) }, caseRecord.caseworkerId)] : [];
  });
  return { openings, total, page: window.page, pages: window.pages };
}

/** Who each person is as the family is told: their name, role, council and team, or advice service. */
async function accessorsById(ids: string[]) {
  const db = await getDb();
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      role: users.role,
      professionalKind: users.professionalKind,
      laName: localAuthorities.name,
      teamName: areaTeams.name,
      adviceOrgName: adviceOrganisations.name,
    })
    .from(users)
    .leftJoin(localAuthorities, eq(localAuthorities.id, users.laId))
    .leftJoin(areaTeams, eq(areaTeams.id, users.teamId))
    .leftJoin(adviceOrganisations, eq(adviceOrganisations.id, users.adviceOrgId))
    .where(ids.length > 0 ? inArray(users.id, [...new Set(ids)]) : sql`false`);
  return new Map(rows.map((r) => [r.userId, { ...r, role: r.role as AccessorRole }]));
}

/** One line of a member of staff's own access history: the record they opened, what and when. */
export type OwnOpening = { at: string; whatKey: string; caseId: string | null; reference: string | null; childName: string | null };
export type OwnHistoryPage = { openings: OwnOpening[]; total: number; page: number; pages: number };

/** One page of the children's records a member of staff has opened, newest first. */
export async function ownAccessHistory(userId: string, requestedPage: number): Promise<OwnHistoryPage> {
  const db = await getDb();
  const where = and(eq(auditLog.userId, userId), eq(auditLog.outcome, 'allowed'), inArray(auditLog.subjectType, [...RECORD_SUBJECT_TYPES]));
  const grouped = db
    .select({ subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, at: openedAt, actions: actionsOfRequest, lastId: lastId.as('last_id') })
    .from(auditLog)
    .where(where)
    .groupBy(auditLog.subjectType, auditLog.subjectId, ...requestKey);
  const [{ total }] = await db.select({ total: count() }).from(grouped.as('openings'));
  const window = pageWindow(requestedPage, total);
  const rows = await grouped.orderBy(desc(openedAt), desc(lastId)).limit(window.limit).offset(window.offset);
  const records = await recordsOpened(rows);
  return {
    openings: rows.map((row) => ({
      at: new Date(row.at).toISOString(),
      whatKey: whatKeyOf(mostTelling(row.actions.split(' '))),
      ...(records.get(`${row.subjectType}:${row.subjectId}`) ?? { caseId: null, reference: null, childName: null }),
    })),
    total,
    page: window.page,
    pages: window.pages,
  };
}

/** The case and child behind each logged record id on one page (an id that matches nothing stays unnamed). */
async function recordsOpened(rows: { subjectType: string; subjectId: string | null }[]) {
  const db = await getDb();
  const idsOf = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type && r.subjectId && isUuid(r.subjectId)).map((r) => r.subjectId as string))];
  const found = new Map<string, { caseId: string | null; reference: string | null; childName: string | null }>();
  const childName = (c: { firstName: string; lastName: string }) => `${c.firstName} ${c.lastName}`;
  const caseIds = idsOf('case');
  if (caseIds.length > 0) {
    const rows = await db.select({ id: cases.id, reference: cases.reference, firstName: children.firstName, lastName: children.lastName }).from(cases).innerJoin(children, eq(children.id, cases.childId)).where(inArray(cases.id, caseIds));
    for (const r of rows) found.set(`case:${r.id}`, { caseId: r.id, reference: r.reference, childName: childName(r) });
  }
  const childIds = idsOf('child');
  if (childIds.length > 0) {
    const rows = await db.select({ id: children.id, firstName: children.firstName, lastName: children.lastName }).from(children).where(inArray(children.id, childIds));
    for (const r of rows) found.set(`child:${r.id}`, { caseId: null, reference: null, childName: childName(r) });
  }
  const requestIds = idsOf('assessment_request');
  if (requestIds.length > 0) {
    const rows = await db
      .select({ id: assessmentRequests.id, caseId: cases.id, reference: cases.reference, firstName: children.firstName, lastName: children.lastName })
      .from(assessmentRequests)
      .innerJoin(children, eq(children.id, assessmentRequests.childId))
      .leftJoin(cases, eq(cases.id, assessmentRequests.caseId))
      .where(inArray(assessmentRequests.id, requestIds));
    for (const r of rows) found.set(`assessment_request:${r.id}`, { caseId: r.caseId, reference: r.reference, childName: childName(r) });
  }
  return found;
}
