import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { adviceRequests, areaTeams, assessmentRequests, cases, children, educationSettings, localAuthorities, users, type AdviceRequest, type Case, type CaseStage, type Child } from '../../../db/schema';
import { isUuid } from '~/domain/ids';
import { adviceStatus } from '~/domain/advice';
import type { IsoDate } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { oncePerRequest } from '~/request-scope.server';
import { familyFactsSql, type FamilyFacts } from '../family/index.server';
import { interpreterLanguageSql } from '../requests/index.server';

/**
 * A case as every page of it starts: the row and its child, what the policy needs to decide who
 * may see it (the family side, the professionals asked for advice, the settings involved) and the
 * summary its header shows, in one statement read once for all of a page's loaders (issue 17:
 * at most 6 statements a page). The guard (app/auth/access.server.ts) and the pages use it.
 */
export type CaseRecordRead = {
  record: Case;
  child: Child;
  requestingSettingId: string | null;
  family: FamilyFacts;
  /** The professionals asked for advice, with what decides whether they still see the case. */
  asked: Pick<AdviceRequest, 'professionalId' | 'state' | 'closedOn' | 'dueBy'>[];
  summary: CaseSummary;
};

/** What every page of a case shows of it: the header, the people to contact. */
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

export function readCaseRecord(caseId: string): Promise<CaseRecordRead | null> {
  if (!isUuid(caseId)) return Promise.resolve(null);
  return oncePerRequest(`case-record:${caseId}`, () => read(caseId));
}

async function read(caseId: string): Promise<CaseRecordRead | null> {
  const db = await getDb();
  const asked = sql<CaseRecordRead['asked']>`coalesce((select json_agg(json_build_object('professionalId', a.professional_id, 'state', a.state, 'closedOn', a.closed_on, 'dueBy', a.due_by)) from ${adviceRequests} a where a.case_id = ${cases.id}), '[]'::json)`;
  const [row] = await db
    .select({
      record: cases,
      child: children,
      requestingSettingId: assessmentRequests.requestedBySettingId,
      ...familyFactsSql(cases.childId),
      asked,
      la: { name: localAuthorities.name, contactEmail: localAuthorities.contactEmail, contactPhone: localAuthorities.contactPhone },
      teamName: areaTeams.name,
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
  const { record, child } = row;
  return {
    record,
    child,
    requestingSettingId: row.requestingSettingId,
    family: { parentIds: row.parentIds, lacksCapacityRecorded: Boolean(row.lacksCapacityRecorded), consents: row.consents },
    asked: row.asked,
    summary: {
      id: record.id,
      reference: record.reference,
      stage: record.stage,
      requestReceived: record.requestReceived,
      child: { id: child.id, firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth },
      la: row.la,
      team: { name: row.teamName },
      caseworker: row.caseworkerName !== null && row.caseworkerEmail !== null ? { name: row.caseworkerName, email: row.caseworkerEmail, phone: row.caseworkerPhone } : null,
      interpreterLanguage: row.interpreterLanguage,
      requestSent: Boolean(row.requestSent),
      requestedBySetting: row.settingName ? { name: row.settingName, familyAgreedOn: row.familyAgreedOn, familyAgreementNote: row.familyAgreementNote } : null,
    },
  };
}

/** How many of the case's requests for advice are overdue today (app/domain/advice.ts), from the case's own read. */
export async function overdueAdviceCount(caseId: string, today: IsoDate): Promise<number> {
  const row = await readCaseRecord(caseId);
  return row ? row.asked.filter((a) => adviceStatus(a, today) === 'overdue').length : 0;
}
