import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import { areaTeams, assessmentRequests, cases, childParents, children, educationSettings, localAuthorities, users, type CaseStage, type User } from '../../../db/schema';
import { interpreterLanguageSql } from '../requests/index.server';
import { getDb } from '~/db.server';
import { isUuid } from '~/domain/ids';
import { alias } from 'drizzle-orm/pg-core';
import { oncePerRequest } from '~/request-scope.server';

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
  /** A request a school or setting made (issue 14): the setting, and the family's agreement it recorded. */
  requestedBySetting: { name: string; familyAgreedOn: string | null; familyAgreementNote: string | null } | null;
};

const caseworkerOfCase = alias(users, 'caseworker');

/**
 * What the case page shows; access has already been checked by the caller. Read once for all of
 * a page's loaders (the case layout and the page both show it).
 */
export function caseSummary(caseId: string): Promise<CaseSummary | null> {
  return oncePerRequest(`case-summary:${caseId}`, () => readCaseSummary(caseId));
}

async function readCaseSummary(caseId: string): Promise<CaseSummary | null> {
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
      caseworkerName: caseworkerOfCase.name,
      caseworkerEmail: caseworkerOfCase.email,
      caseworkerPhone: caseworkerOfCase.phone,
      interpreterLanguage: interpreterLanguageSql,
      requestSent: sql<boolean>`${assessmentRequests.submittedAt} is not null`,
      settingName: educationSettings.name,
      familyAgreedOn: assessmentRequests.familyAgreedOn,
      familyAgreementNote: assessmentRequests.familyAgreementNote,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(localAuthorities, eq(localAuthorities.id, cases.laId))
    .innerJoin(areaTeams, eq(areaTeams.id, cases.teamId))
    .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
    .leftJoin(educationSettings, eq(educationSettings.id, assessmentRequests.requestedBySettingId))
    .leftJoin(caseworkerOfCase, eq(caseworkerOfCase.id, cases.caseworkerId))
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const { caseworkerId: _omit, caseworkerName, caseworkerEmail, caseworkerPhone, settingName, familyAgreedOn, familyAgreementNote, ...rest } = row;
  const caseworker = caseworkerName !== null && caseworkerEmail !== null ? { name: caseworkerName, email: caseworkerEmail, phone: caseworkerPhone } : null;
  return { ...rest, caseworker, requestedBySetting: settingName ? { name: settingName, familyAgreedOn, familyAgreementNote } : null };
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
