import { and, asc, eq, inArray } from 'drizzle-orm';
import { annualReviews, assessmentRequests, caseEvents, cases, children, educationSettings, localAuthorities, sen2CaseDetails, sen2Placements, users } from '../../../db/schema';
import { readCaseEvent } from '~/domain/case-events';
import { buildSen2Return, NO_APPEALS, type Sen2CaseFacts, type Sen2Return } from '~/domain/sen2/build';
import { sen2Failures, type Sen2Failure } from '~/domain/sen2/validation';
import type { RequestSource } from '~/domain/sen2/codes';
import { todayInLondon, type IsoDate } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { sen2AppealFlagsByCase } from './appeal-flags.server';

/** The case events the return reads; the rest of a case's history is not fetched. */
const RETURN_EVENT_KINDS = ['assessment_agreed', 'assessment_refused', 'plan_agreed', 'plan_refused', 'final_plan_issued', 'request_withdrawn', 'plan_ceased', 'exception_recorded'] as const;

type EventRow = { caseId: string; kind: string; details: unknown; occurredAt: Date };

/** The London date of a stored moment (an event's time, for events that carry no date of their own). */
const londonDate = (at: Date): IsoDate => todayInLondon(at);

/**
 * Every case of a council as the return's facts, in five set-based queries whatever the council's
 * size (cases with children and details, the events the return reads, reviews, placements, the
 * council itself), and the appeals' flags (two more). Only this council's rows: every query filters on its id.
 */
export async function sen2FactsOf(laId: string): Promise<{ facts: Sen2CaseFacts[]; council: { name: string; laNumber: string | null } }> {
  const db = await getDb();
  const [caseRows, eventRows, reviewRows, placementRows, appeals, [council]] = await Promise.all([
    db
      .select({
        caseId: cases.id,
        reference: cases.reference,
        requestReceived: cases.requestReceived,
        receivedVia: cases.receivedVia,
        firstName: children.firstName,
        lastName: children.lastName,
        dateOfBirth: children.dateOfBirth,
        requestingSettingId: assessmentRequests.requestedBySettingId,
        requesterRole: users.role,
        details: sen2CaseDetails,
      })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
      .leftJoin(users, eq(users.id, assessmentRequests.createdBy))
      .leftJoin(sen2CaseDetails, and(eq(sen2CaseDetails.caseId, cases.id), eq(sen2CaseDetails.laId, laId)))
      .where(eq(cases.laId, laId)),
    db
      .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, details: caseEvents.details, occurredAt: caseEvents.occurredAt })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(and(eq(cases.laId, laId), inArray(caseEvents.kind, [...RETURN_EVENT_KINDS])))
      .orderBy(asc(caseEvents.occurredAt)),
    db
      .select({
        caseId: annualReviews.caseId,
        number: annualReviews.number,
        meetingOn: annualReviews.meetingDate,
        decisionOn: annualReviews.decisionOn,
        draftAmendedOn: annualReviews.amendmentsSentOn,
        transferDueOn: annualReviews.transferDate,
        finalOn: annualReviews.finalIssuedOn,
      })
      .from(annualReviews)
      .where(eq(annualReviews.laId, laId))
      .orderBy(asc(annualReviews.caseId), asc(annualReviews.number)),
    db
      .select({
        placementId: sen2Placements.id,
        caseId: sen2Placements.caseId,
        settingId: sen2Placements.settingId,
        settingName: educationSettings.name,
        urn: educationSettings.urn,
        ukprn: educationSettings.ukprn,
        settingCode: sen2Placements.settingCode,
        entryOn: sen2Placements.entryDate,
        leavingOn: sen2Placements.leavingDate,
      })
      .from(sen2Placements)
      .leftJoin(educationSettings, and(eq(educationSettings.id, sen2Placements.settingId), eq(educationSettings.laId, laId)))
      .where(eq(sen2Placements.laId, laId)),
    sen2AppealFlagsByCase(laId),
    db.select({ name: localAuthorities.name, laNumber: localAuthorities.dfeLaNumber }).from(localAuthorities).where(eq(localAuthorities.id, laId)),
  ]);
  const eventsByCase = groupBy(eventRows, (e) => e.caseId);
  const reviewsByCase = groupBy(reviewRows, (r) => r.caseId);
  const placementsByCase = groupBy(placementRows, (p) => p.caseId);
  const facts = caseRows.map((row): Sen2CaseFacts => {
    const outcome = outcomesOf(eventsByCase.get(row.caseId) ?? []);
    return {
      caseId: row.caseId,
      reference: row.reference,
      child: { firstName: row.firstName, lastName: row.lastName, dateOfBirth: row.dateOfBirth },
      details: row.details
        ? {
            upn: row.details.upn,
            uln: row.details.uln,
            upnUnknown: row.details.upnUnknown,
            sex: row.details.sex,
            ethnicity: row.details.ethnicity,
            postcode: row.details.postcode,
            primaryNeed: row.details.primaryNeed,
            secondaryNeed: row.details.secondaryNeed,
            personalBudget: row.details.personalBudget,
            ceaseReason: row.details.ceaseReason,
          }
        : null,
      request: { receivedOn: row.requestReceived, source: requestSource(row), decision: outcome.requestDecision },
      assessment: outcome.assessment,
      plan: outcome.plan,
      reviews: (reviewsByCase.get(row.caseId) ?? []).map(({ meetingOn, decisionOn, draftAmendedOn, transferDueOn, finalOn }) => ({ meetingOn, decisionOn, draftAmendedOn, transferDueOn, finalOn })),
      placements: (placementsByCase.get(row.caseId) ?? []).map(({ caseId: _caseId, ...placement }) => placement),
      appeals: appeals.get(row.caseId) ?? NO_APPEALS,
    };
  });
  return { facts, council: council ?? { name: '', laNumber: null } };
}

/** Who asked for the assessment, as SEN2 codes it: a setting (SS), the young person (RY), or the family (RP). */
function requestSource(row: { receivedVia: string; requestingSettingId: string | null; requesterRole: string | null }): RequestSource {
  if (row.requestingSettingId || row.receivedVia === 'school') return 'SS';
  if (row.requesterRole === 'young_person') return 'RY';
  return 'RP';
}

/**
 * A case's decisions as the return counts them, from its events in order. A request withdrawn
 * before the decision to assess is the request's outcome; withdrawn after it, before the decision
 * to issue, the assessment's. The 20-week exception is one recorded against the final plan's date.
 */
function outcomesOf(events: readonly EventRow[]): Pick<Sen2CaseFacts, 'assessment' | 'plan'> & { requestDecision: Sen2CaseFacts['request']['decision'] } {
  let requestDecision: Sen2CaseFacts['request']['decision'] = null;
  let assessment: Sen2CaseFacts['assessment'] = null;
  let startedOn: IsoDate | null = null;
  let ceasedOn: IsoDate | null = null;
  let exception = false;
  for (const row of events) {
    const event = readCaseEvent(row);
    switch (event.kind) {
      case 'assessment_agreed':
        requestDecision = { outcome: 'agreed', on: event.details.decidedOn };
        break;
      case 'assessment_refused':
        requestDecision = { outcome: 'refused', on: event.details.decidedOn };
        break;
      case 'request_withdrawn':
        if (!requestDecision) requestDecision = { outcome: 'withdrawn', on: londonDate(row.occurredAt) };
        else if (requestDecision.outcome === 'agreed' && !assessment) assessment = { outcome: 'withdrawn', on: londonDate(row.occurredAt), twentyWeekException: false };
        break;
      case 'plan_agreed':
        assessment = { outcome: 'issue', on: event.details.decidedOn, twentyWeekException: false };
        break;
      case 'plan_refused':
        assessment = { outcome: 'not_issue', on: event.details.decidedOn, twentyWeekException: false };
        break;
      case 'final_plan_issued':
        startedOn ??= event.details.issuedOn;
        break;
      case 'plan_ceased':
        ceasedOn = londonDate(row.occurredAt);
        break;
      case 'exception_recorded':
        if (event.details.step === 'finalPlan') exception = true;
        break;
      default:
        break;
    }
  }
  if (assessment) assessment = { ...assessment, twentyWeekException: exception };
  return { requestDecision, assessment, plan: startedOn ? { startedOn, ceasedOn } : null };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

export type Sen2Export = { sen2: Sen2Return; failures: Sen2Failure[]; council: { name: string; laNumber: string | null } };

/** The council's return for a census date, and everything in it that would fail the DfE's checks. */
export async function sen2Export(laId: string, censusDate: IsoDate): Promise<Sen2Export> {
  const { facts, council } = await sen2FactsOf(laId);
  const sen2 = buildSen2Return(facts, censusDate);
  return { sen2, failures: sen2Failures(sen2, { laNumber: council.laNumber }), council };
}
