import { and, asc, count, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { statutoryClock, missedSteps, type ClockStep } from '~/domain/case-clock';
import { clockInputOf, readCaseEvent } from '~/domain/case-events';
import { areaTeams, assessmentRequests, caseEvents, cases, childParents, children, localAuthorities, users, type CaseStage, type User } from '../../../db/schema';
import { interpreterLanguageSql } from '../requests/index.server';
import { getDb } from '~/db.server';
import { personName } from '~/domain/names';
import { isUuid } from '~/domain/ids';

/** The lists each role starts from: a family's children, a caseworker's caseload, a manager's teams. */

const CLOSED_STAGES: CaseStage[] = ['withdrawn', 'ceased'];

export type FamilyChild = {
  childId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  cases: { id: string; reference: string; stage: CaseStage; requestReceived: string }[];
};

/** Children the user has parental responsibility for, or is (as a young person), with their cases. */
export async function childrenOfFamilyMember(user: Pick<User, 'id'>): Promise<FamilyChild[]> {
  const db = await getDb();
  const rows = await db
    .select({
      childId: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      caseId: cases.id,
      reference: cases.reference,
      stage: cases.stage,
      requestReceived: cases.requestReceived,
    })
    .from(children)
    .leftJoin(cases, eq(cases.childId, children.id))
    .where(
      or(
        eq(children.youngPersonUserId, user.id),
        inArray(children.id, db.select({ id: childParents.childId }).from(childParents).where(eq(childParents.userId, user.id))),
      ),
    )
    .orderBy(asc(children.firstName), asc(cases.requestReceived));
  const byChild = new Map<string, FamilyChild>();
  for (const row of rows) {
    let child = byChild.get(row.childId);
    if (!child) {
      child = { childId: row.childId, firstName: row.firstName, lastName: row.lastName, dateOfBirth: row.dateOfBirth, cases: [] };
      byChild.set(row.childId, child);
    }
    if (row.caseId && row.reference && row.stage && row.requestReceived) {
      child.cases.push({ id: row.caseId, reference: row.reference, stage: row.stage, requestReceived: row.requestReceived });
    }
  }
  return [...byChild.values()];
}

export type CaseloadEntry = {
  id: string;
  reference: string;
  childName: string;
  stage: CaseStage;
  requestReceived: string;
  missed: ClockStep[];
  /** The language the family asked an interpreter for, if they did. */
  interpreterLanguage: string | null;
};

/**
 * Open cases allocated to a caseworker, oldest request first (the statutory clock runs longest
 * there), each flagged with any statutory date already missed.
 */
export async function caseloadOf(caseworker: Pick<User, 'id' | 'laId'>, today: string): Promise<CaseloadEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      child: { firstName: children.firstName, lastName: children.lastName },
      stage: cases.stage,
      requestReceived: cases.requestReceived,
      interpreterLanguage: interpreterLanguageSql,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
    .where(and(eq(cases.caseworkerId, caseworker.id), eq(cases.laId, caseworker.laId!), notInArray(cases.stage, CLOSED_STAGES)))
    .orderBy(asc(cases.requestReceived));
  if (rows.length === 0) return [];
  const events = await db
    .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, details: caseEvents.details })
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, rows.map((r) => r.id)))
    .orderBy(asc(caseEvents.occurredAt));
  return rows.map(({ child, ...row }) => {
    const own = events.filter((e) => e.caseId === row.id).map(readCaseEvent);
    const clock = statutoryClock(clockInputOf(row, own, today));
    return { ...row, childName: personName(child), missed: missedSteps(clock).map((m) => m.step) };
  });
}

export type TeamSummary = { teamId: string; teamName: string; openCases: number; unallocated: number; caseworkers: number };

/** Per area team: open cases, how many have no caseworker, and team size. */
export async function teamSummaries(laId: string): Promise<TeamSummary[]> {
  const db = await getDb();
  const teams = await db.select().from(areaTeams).where(eq(areaTeams.laId, laId)).orderBy(asc(areaTeams.name));
  const caseCounts = await db
    .select({
      teamId: cases.teamId,
      open: count(),
      unallocated: sql<number>`count(*) filter (where ${cases.caseworkerId} is null)`.mapWith(Number),
    })
    .from(cases)
    .where(and(eq(cases.laId, laId), notInArray(cases.stage, CLOSED_STAGES)))
    .groupBy(cases.teamId);
  const staffCounts = await db
    .select({ teamId: users.teamId, caseworkers: count() })
    .from(users)
    .where(and(eq(users.laId, laId), eq(users.role, 'caseworker')))
    .groupBy(users.teamId);
  return teams.map((team) => {
    const c = caseCounts.find((row) => row.teamId === team.id);
    return {
      teamId: team.id,
      teamName: team.name,
      openCases: c?.open ?? 0,
      unallocated: c?.unallocated ?? 0,
      caseworkers: staffCounts.find((row) => row.teamId === team.id)?.caseworkers ?? 0,
    };
  });
}

export type CaseSummary = {
  id: string;
  reference: string;
  stage: CaseStage;
  requestReceived: string;
  child: { id: string; firstName: string; lastName: string; dateOfBirth: string };
  la: { name: string; contactEmail: string; contactPhone: string };
  team: { name: string };
  caseworker: { name: string; email: string; phone: string | null } | null;
  interpreterLanguage: string | null;
  /** The case began with a request sent through the portal, which can be read again. */
  requestSent: boolean;
};

/** What the case page shows; access has already been checked by the caller. */
export async function caseSummary(caseId: string): Promise<CaseSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      stage: cases.stage,
      requestReceived: cases.requestReceived,
      child: { id: children.id, firstName: children.firstName, lastName: children.lastName, dateOfBirth: children.dateOfBirth },
      la: { name: localAuthorities.name, contactEmail: localAuthorities.contactEmail, contactPhone: localAuthorities.contactPhone },
      team: { name: areaTeams.name },
      caseworkerId: cases.caseworkerId,
      interpreterLanguage: interpreterLanguageSql,
      requestSent: sql<boolean>`${assessmentRequests.submittedAt} is not null`,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(localAuthorities, eq(localAuthorities.id, cases.laId))
    .innerJoin(areaTeams, eq(areaTeams.id, cases.teamId))
    .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const [caseworker] = row.caseworkerId
    ? await db.select({ name: users.name, email: users.email, phone: users.phone }).from(users).where(eq(users.id, row.caseworkerId))
    : [];
  const { caseworkerId: _omit, ...rest } = row;
  return { ...rest, caseworker: caseworker ?? null };
}

export async function teamsOf(laId: string) {
  const db = await getDb();
  return db.select({ id: areaTeams.id, name: areaTeams.name }).from(areaTeams).where(eq(areaTeams.laId, laId)).orderBy(asc(areaTeams.name));
}

/** Whether `caseId` names a case (a malformed id names none). */
export async function caseExists(caseId: string): Promise<boolean> {
  if (!isUuid(caseId)) return false;
  const db = await getDb();
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId));
  return Boolean(row);
}
