import { asc, eq, inArray, or } from 'drizzle-orm';
import { areaTeams, cases, childParents, children, type CaseStage, type User } from '../../../db/schema';
import { isUuid } from '~/domain/ids';
import { getDb } from '~/db.server';
import { readCaseRecord, type CaseSummary } from './case-record.server';

export type { CaseSummary };

/** A family's children and their cases, and the summary a case page starts from (staff lists: app/features/caseload). */


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


/**
 * What the case page shows; access has already been checked by the caller. Read with the case
 * itself, in the one statement every page of the case starts from (./case-record.server.ts).
 */
export async function caseSummary(caseId: string): Promise<CaseSummary | null> {
  return (await readCaseRecord(caseId))?.summary ?? null;
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
