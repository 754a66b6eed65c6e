/**
 * From what the portal holds about each case to the SEN2 return's records for a census date.
 * Pure: the feature (app/features/sen2) reads the facts for a whole council in a handful of
 * queries and hands them here; the serialisers (./serialise) and the checks (./validation) work
 * on what this gives back.
 *
 * Modules (ADR 0053): 1 person; 2 requests (with mediation and tribunal flags); 3 EHC needs
 * assessments (with the 20-week exception); 4 the named plan (start, ranked needs, personal
 * budget, cease date and reason); 5 active plans on the census date (annual reviews, phase
 * transfers) and their placements.
 *
 * Who is in the return:
 * - a request received in the reference period, or received before it and still undecided at
 *   its start, is reported with whatever followed it;
 * - a plan active on the census date (started on or before it, not ceased by it), or ceased in
 *   the reference period, is reported with its request;
 * - anything else (a request decided years ago, a plan that ended before the period) is not.
 */
import { compareDates, type IsoDate } from '../timescales';
import { inPeriod, referencePeriod, type ReferencePeriod } from './census';

/** Flags about disagreements with a decision: the appeals feature's mediation and tribunal records. */
export type Sen2AppealFlags = {
  requestMediation: boolean;
  requestTribunal: boolean;
  assessmentMediation: boolean;
  assessmentTribunal: boolean;
};
export const NO_APPEALS: Sen2AppealFlags = { requestMediation: false, requestTribunal: false, assessmentMediation: false, assessmentTribunal: false };

/** Everything the return needs to know about one case, as plain values. */
export type Sen2CaseFacts = {
  caseId: string;
  reference: string;
  child: { firstName: string; lastName: string; dateOfBirth: IsoDate };
  /** What staff record on the case's return details page; null: nothing recorded yet. */
  details: {
    upn: string | null;
    uln: string | null;
    upnUnknown: string | null;
    sex: string | null;
    ethnicity: string | null;
    postcode: string | null;
    primaryNeed: string | null;
    secondaryNeed: string | null;
    personalBudget: string | null;
    ceaseReason: string | null;
  } | null;
  request: {
    receivedOn: IsoDate;
    /** Who asked: the family (parent or young person), a setting, or someone recorded by staff. */
    source: string;
    /** The council's decision whether to assess; withdrawn before that decision: 'withdrawn'. */
    decision: { outcome: 'agreed' | 'refused' | 'withdrawn'; on: IsoDate } | null;
  };
  /** The decision whether to issue a plan after the assessment. */
  assessment: { outcome: 'issue' | 'not_issue' | 'withdrawn'; on: IsoDate; twentyWeekException: boolean } | null;
  /** The final plan: its first issue, and its end. */
  plan: { startedOn: IsoDate; ceasedOn: IsoDate | null } | null;
  reviews: readonly {
    meetingOn: IsoDate | null;
    decisionOn: IsoDate | null;
    /** The proposed amended plan (the amendment notice) sent. */
    draftAmendedOn: IsoDate | null;
    transferDueOn: IsoDate | null;
    finalOn: IsoDate | null;
  }[];
  placements: readonly {
    placementId: string;
    settingId: string | null;
    settingName: string | null;
    urn: string | null;
    ukprn: string | null;
    /** The SENsetting code staff chose: for a placement with no URN or UKPRN. */
    settingCode: string | null;
    entryOn: IsoDate;
    leavingOn: IsoDate | null;
  }[];
  appeals: Sen2AppealFlags;
};

export type Sen2Person = {
  caseId: string;
  reference: string;
  surname: string;
  forename: string;
  birthDate: IsoDate;
  sex: string | null;
  ethnicity: string | null;
  postcode: string | null;
  upn: string | null;
  uln: string | null;
  upnUnknown: string | null;
  request: Sen2Request;
};

export type Sen2Request = {
  receivedDate: IsoDate;
  requestSource: string;
  requestOutcome: string | null;
  requestOutcomeDate: IsoDate | null;
  requestMediation: boolean;
  requestTribunal: boolean;
  assessment: Sen2Assessment | null;
};

export type Sen2Assessment = {
  assessmentOutcome: string;
  assessmentOutcomeDate: IsoDate;
  assessmentMediation: boolean;
  assessmentTribunal: boolean;
  twentyWeekException: boolean;
  namedPlan: Sen2NamedPlan | null;
};

export type Sen2NamedPlan = {
  startDate: IsoDate;
  needs: { senType: string; rank: 1 | 2 }[];
  personalBudget: string | null;
  ceaseDate: IsoDate | null;
  ceaseReason: string | null;
  /** Present when the plan is active on the census date. */
  activePlan: Sen2ActivePlan | null;
};

export type Sen2ActivePlan = {
  annualReviews: { meetingDate: IsoDate | null; decisionDate: IsoDate | null; draftAmendedPlanDate: IsoDate | null; phaseTransferDueDate: IsoDate | null; phaseTransferFinalDate: IsoDate | null }[];
  /** One identifier each, as the guide asks: the URN, else the UKPRN, else the SENsetting code. */
  placements: { placementId: string; settingId: string | null; settingName: string | null; urn: string | null; ukprn: string | null; senSetting: string | null; rank: number; entryDate: IsoDate; leavingDate: IsoDate | null }[];
};

export type Sen2Return = {
  censusDate: IsoDate;
  period: ReferencePeriod;
  persons: Sen2Person[];
};

const REQUEST_OUTCOME_CODE = { agreed: 'A', refused: 'N', withdrawn: 'W' } as const;
const ASSESSMENT_OUTCOME_CODE = { issue: 'Y', not_issue: 'N', withdrawn: 'W' } as const;

const onOrBefore = (a: IsoDate, b: IsoDate) => compareDates(a, b) <= 0;
const after = (a: IsoDate, b: IsoDate) => compareDates(a, b) > 0;

/** Whether the plan is in force on the census date. */
export function planActiveOn(plan: Sen2CaseFacts['plan'], censusDate: IsoDate): boolean {
  return !!plan && onOrBefore(plan.startedOn, censusDate) && (plan.ceasedOn === null || after(plan.ceasedOn, censusDate));
}

/** Whether a case belongs in the return for this census date (see the module's comment). */
export function inReturn(facts: Sen2CaseFacts, censusDate: IsoDate): boolean {
  const period = referencePeriod(censusDate);
  const received = facts.request.receivedOn;
  if (after(received, period.end)) return false;
  if (inPeriod(received, period)) return true;
  const decidedBeforePeriod = facts.request.decision !== null && compareDates(facts.request.decision.on, period.start) < 0;
  if (!decidedBeforePeriod) return true;
  if (facts.assessment && inPeriod(facts.assessment.on, period)) return true;
  if (facts.plan && (inPeriod(facts.plan.startedOn, period) || inPeriod(facts.plan.ceasedOn, period))) return true;
  return planActiveOn(facts.plan, censusDate);
}

/** Only what had happened by the census date is reported: a later decision is not yet known to the return. */
function byCensus<T extends { on: IsoDate }>(value: T | null, censusDate: IsoDate): T | null {
  return value && onOrBefore(value.on, censusDate) ? value : null;
}

export function personRecord(facts: Sen2CaseFacts, censusDate: IsoDate): Sen2Person {
  const d = facts.details;
  const decision = byCensus(facts.request.decision, censusDate);
  const assessmentFacts = decision?.outcome === 'agreed' ? byCensus(facts.assessment, censusDate) : null;
  const plan = assessmentFacts?.outcome === 'issue' && facts.plan && onOrBefore(facts.plan.startedOn, censusDate) ? facts.plan : null;
  const ceasedByCensus = plan?.ceasedOn && onOrBefore(plan.ceasedOn, censusDate) ? plan.ceasedOn : null;
  const active = plan !== null && planActiveOn(plan, censusDate);
  const needs: Sen2NamedPlan['needs'] = [];
  if (d?.primaryNeed) needs.push({ senType: d.primaryNeed, rank: 1 });
  if (d?.secondaryNeed) needs.push({ senType: d.secondaryNeed, rank: 2 });
  const placementsOnCensus = facts.placements
    .filter((p) => onOrBefore(p.entryOn, censusDate) && (p.leavingOn === null || after(p.leavingOn, censusDate)))
    .sort((a, b) => compareDates(a.entryOn, b.entryOn) || a.placementId.localeCompare(b.placementId));
  return {
    caseId: facts.caseId,
    reference: facts.reference,
    surname: facts.child.lastName,
    forename: facts.child.firstName,
    birthDate: facts.child.dateOfBirth,
    sex: d?.sex ?? null,
    ethnicity: d?.ethnicity ?? null,
    postcode: d?.postcode ?? null,
    upn: d?.upn ?? null,
    uln: d?.uln ?? null,
    upnUnknown: d?.upnUnknown ?? null,
    request: {
      receivedDate: facts.request.receivedOn,
      requestSource: facts.request.source,
      requestOutcome: decision ? REQUEST_OUTCOME_CODE[decision.outcome] : null,
      requestOutcomeDate: decision?.on ?? null,
      requestMediation: facts.appeals.requestMediation,
      requestTribunal: facts.appeals.requestTribunal,
      assessment: assessmentFacts
        ? {
            assessmentOutcome: ASSESSMENT_OUTCOME_CODE[assessmentFacts.outcome],
            assessmentOutcomeDate: assessmentFacts.on,
            assessmentMediation: facts.appeals.assessmentMediation,
            assessmentTribunal: facts.appeals.assessmentTribunal,
            twentyWeekException: assessmentFacts.twentyWeekException,
            namedPlan: plan
              ? {
                  startDate: plan.startedOn,
                  needs,
                  personalBudget: d?.personalBudget ?? null,
                  ceaseDate: ceasedByCensus,
                  ceaseReason: ceasedByCensus ? (d?.ceaseReason ?? null) : null,
                  activePlan: active
                    ? {
                        annualReviews: facts.reviews
                          .filter((r) => r.meetingOn === null || onOrBefore(r.meetingOn, censusDate))
                          .map((r) => ({
                            meetingDate: r.meetingOn,
                            decisionDate: r.decisionOn && onOrBefore(r.decisionOn, censusDate) ? r.decisionOn : null,
                            draftAmendedPlanDate: r.draftAmendedOn && onOrBefore(r.draftAmendedOn, censusDate) ? r.draftAmendedOn : null,
                            phaseTransferDueDate: r.transferDueOn,
                            phaseTransferFinalDate: r.finalOn && r.transferDueOn && onOrBefore(r.finalOn, censusDate) ? r.finalOn : null,
                          })),
                        placements: placementsOnCensus.map((p, index) => ({
                          placementId: p.placementId,
                          settingId: p.settingId,
                          settingName: p.settingName,
                          ...placementIdentifier(p),
                          rank: index + 1,
                          entryDate: p.entryOn,
                          leavingDate: p.leavingOn,
                        })),
                      }
                    : null,
                }
              : null,
          }
        : null,
    },
  };
}

/**
 * How a placement is identified in the return (guide 2025 v1.4, items 5.7a-c): by the setting's
 * URN when it has one, else its UKPRN; the SENsetting type only when it has neither (home
 * education, arrangements otherwise than at school, a nursery with no URN, not in education).
 * A code left on a placement whose setting has since been given a URN is not written.
 */
export function placementIdentifier(p: { urn: string | null; ukprn: string | null; settingCode: string | null }): { urn: string | null; ukprn: string | null; senSetting: string | null } {
  if (p.urn) return { urn: p.urn, ukprn: null, senSetting: null };
  if (p.ukprn) return { urn: null, ukprn: p.ukprn, senSetting: null };
  return { urn: null, ukprn: null, senSetting: p.settingCode };
}

/** The return for a census date: the cases in it, one person record each, in reference order. */
export function buildSen2Return(allFacts: readonly Sen2CaseFacts[], censusDate: IsoDate): Sen2Return {
  const persons = allFacts
    .filter((f) => inReturn(f, censusDate))
    .map((f) => personRecord(f, censusDate))
    .sort((a, b) => a.reference.localeCompare(b.reference));
  return { censusDate, period: referencePeriod(censusDate), persons };
}

/** How many records each module holds: the page's summary. */
export function moduleCounts(sen2: Sen2Return) {
  let requests = 0;
  let assessments = 0;
  let namedPlans = 0;
  let activePlans = 0;
  let placements = 0;
  for (const p of sen2.persons) {
    requests += 1;
    const a = p.request.assessment;
    if (!a) continue;
    assessments += 1;
    if (!a.namedPlan) continue;
    namedPlans += 1;
    if (!a.namedPlan.activePlan) continue;
    activePlans += 1;
    placements += a.namedPlan.activePlan.placements.length;
  }
  return { persons: sen2.persons.length, requests, assessments, namedPlans, activePlans, placements };
}
