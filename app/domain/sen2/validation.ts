/**
 * The DfE's checks on a SEN2 return, written from the guide's rules as the portal can check them
 * before a file is sent (ADR 0053): required items by module, codes from the lists (./codes),
 * dates in order, and for every placement a URN, a UKPRN or a SENsetting code (guide 2025 v1.4,
 * items 5.7a-c). Pure.
 *
 * Each failure names its rule, the case, the module and field, and what fixes it: the case's
 * return details page, the setting's page (a missing URN or UKPRN is the setting's), or the
 * council's record (its LA number).
 */
import { compareDates, type IsoDate } from '../timescales';
import {
  ASSESSMENT_OUTCOMES,
  CEASE_REASONS,
  ETHNICITIES,
  PERSONAL_BUDGETS,
  PLACEMENT_SETTINGS,
  REQUEST_OUTCOMES,
  REQUEST_SOURCES,
  SEN_TYPES,
  SEXES,
  UPN_UNKNOWN_REASONS,
  isCode,
  isValidUln,
  isValidUpn,
  type CodeList,
} from './codes';
import type { Sen2Person, Sen2Return } from './build';

export const SEN2_RULES = [
  'laNumber',
  'sex',
  'ethnicity',
  'upn',
  'uln',
  'requestSource',
  'requestOutcome',
  'requestOutcomeBeforeReceived',
  'assessmentOutcome',
  'assessmentBeforeRequestOutcome',
  'planStartBeforeAssessment',
  'primaryNeed',
  'needCode',
  'needsRepeated',
  'personalBudget',
  'ceaseReason',
  'ceaseBeforeStart',
  'reviewDecisionBeforeMeeting',
  'placementMissing',
  'placementCode',
  'placementIdentifier',
  'leavingBeforeEntry',
] as const;
export type Sen2RuleId = (typeof SEN2_RULES)[number];

/** Each rule's message, a translation key in the `sen2` namespace (written out, so every key is findable). */
export const SEN2_RULE_MESSAGES: Record<Sen2RuleId, string> = {
  laNumber: 'sen2.rules.laNumber',
  sex: 'sen2.rules.sex',
  ethnicity: 'sen2.rules.ethnicity',
  upn: 'sen2.rules.upn',
  uln: 'sen2.rules.uln',
  requestSource: 'sen2.rules.requestSource',
  requestOutcome: 'sen2.rules.requestOutcome',
  requestOutcomeBeforeReceived: 'sen2.rules.requestOutcomeBeforeReceived',
  assessmentOutcome: 'sen2.rules.assessmentOutcome',
  assessmentBeforeRequestOutcome: 'sen2.rules.assessmentBeforeRequestOutcome',
  planStartBeforeAssessment: 'sen2.rules.planStartBeforeAssessment',
  primaryNeed: 'sen2.rules.primaryNeed',
  needCode: 'sen2.rules.needCode',
  needsRepeated: 'sen2.rules.needsRepeated',
  personalBudget: 'sen2.rules.personalBudget',
  ceaseReason: 'sen2.rules.ceaseReason',
  ceaseBeforeStart: 'sen2.rules.ceaseBeforeStart',
  reviewDecisionBeforeMeeting: 'sen2.rules.reviewDecisionBeforeMeeting',
  placementMissing: 'sen2.rules.placementMissing',
  placementCode: 'sen2.rules.placementCode',
  placementIdentifier: 'sen2.rules.placementIdentifier',
  leavingBeforeEntry: 'sen2.rules.leavingBeforeEntry',
};

export type Sen2Module = 'header' | 'person' | 'request' | 'assessment' | 'namedPlan' | 'activePlan' | 'placement';

/** Where a failure is put right. */
export type Sen2Fix = { kind: 'case'; caseId: string } | { kind: 'setting'; settingId: string } | { kind: 'council' };

export type Sen2Failure = {
  rule: Sen2RuleId;
  /** Translation key of the message, in the `sen2` namespace. */
  messageKey: string;
  module: Sen2Module;
  /** The guide's item name. */
  field: string;
  caseId: string | null;
  reference: string | null;
  childName: string | null;
  fix: Sen2Fix;
};

const before = (a: IsoDate, b: IsoDate) => compareDates(a, b) < 0;

function failure(rule: Sen2RuleId, module: Sen2Module, field: string, person: Sen2Person | null, fix?: Sen2Fix): Sen2Failure {
  return {
    rule,
    messageKey: SEN2_RULE_MESSAGES[rule],
    module,
    field,
    caseId: person?.caseId ?? null,
    reference: person?.reference ?? null,
    childName: person ? `${person.forename} ${person.surname}` : null,
    fix: fix ?? (person ? { kind: 'case', caseId: person.caseId } : { kind: 'council' }),
  };
}

const missingOrUnknown = <C extends string>(list: CodeList<C>, value: string | null) => value === null || !isCode(list, value);

/** Every check on one person's records. */
export function personFailures(p: Sen2Person): Sen2Failure[] {
  const out: Sen2Failure[] = [];
  const push = (rule: Sen2RuleId, module: Sen2Module, field: string, fix?: Sen2Fix) => out.push(failure(rule, module, field, p, fix));
  // Module 1: the person.
  if (missingOrUnknown(SEXES, p.sex)) push('sex', 'person', 'Sex');
  if (missingOrUnknown(ETHNICITIES, p.ethnicity)) push('ethnicity', 'person', 'Ethnicity');
  if (p.upn ? !isValidUpn(p.upn) : missingOrUnknown(UPN_UNKNOWN_REASONS, p.upnUnknown)) push('upn', 'person', p.upn ? 'UPN' : 'UPNunknown');
  if (p.uln !== null && !isValidUln(p.uln)) push('uln', 'person', 'UniqueLearnerNumber');
  // Module 2: the request.
  const r = p.request;
  if (!isCode(REQUEST_SOURCES, r.requestSource)) push('requestSource', 'request', 'RequestSource');
  if (r.requestOutcome !== null && !isCode(REQUEST_OUTCOMES, r.requestOutcome)) push('requestOutcome', 'request', 'RequestOutcome');
  if (r.requestOutcomeDate && before(r.requestOutcomeDate, r.receivedDate)) push('requestOutcomeBeforeReceived', 'request', 'RequestOutcomeDate');
  // Module 3: the assessment.
  const a = r.assessment;
  if (!a) return out;
  if (!isCode(ASSESSMENT_OUTCOMES, a.assessmentOutcome)) push('assessmentOutcome', 'assessment', 'AssessmentOutcome');
  if (r.requestOutcomeDate && before(a.assessmentOutcomeDate, r.requestOutcomeDate)) push('assessmentBeforeRequestOutcome', 'assessment', 'AssessmentOutcomeDate');
  // Module 4: the named plan.
  const plan = a.namedPlan;
  if (!plan) return out;
  if (before(plan.startDate, a.assessmentOutcomeDate)) push('planStartBeforeAssessment', 'namedPlan', 'StartDate');
  const primary = plan.needs.find((n) => n.rank === 1);
  if (!primary) push('primaryNeed', 'namedPlan', 'SENtype');
  for (const need of plan.needs) if (!isCode(SEN_TYPES, need.senType)) push('needCode', 'namedPlan', 'SENtype');
  if (plan.needs.length > 1 && new Set(plan.needs.map((n) => n.senType)).size < plan.needs.length) push('needsRepeated', 'namedPlan', 'SENtypeRank');
  if (plan.personalBudget !== null && !isCode(PERSONAL_BUDGETS, plan.personalBudget)) push('personalBudget', 'namedPlan', 'PersonalBudget');
  if (plan.ceaseDate && missingOrUnknown(CEASE_REASONS, plan.ceaseReason)) push('ceaseReason', 'namedPlan', 'CeaseReason');
  if (plan.ceaseDate && before(plan.ceaseDate, plan.startDate)) push('ceaseBeforeStart', 'namedPlan', 'CeaseDate');
  // Module 5: the active plan and its placements.
  const active = plan.activePlan;
  if (!active) return out;
  for (const review of active.annualReviews) {
    if (review.meetingDate && review.decisionDate && before(review.decisionDate, review.meetingDate)) push('reviewDecisionBeforeMeeting', 'activePlan', 'AnnualReviewDecisionDate');
  }
  if (active.placements.length === 0) push('placementMissing', 'activePlan', 'Placement');
  for (const placement of active.placements) {
    // The builder has already picked one identifier (./build placementIdentifier): the URN, else
    // the UKPRN, else the SENsetting code; a placement with none cannot be reported.
    if (placement.senSetting !== null && !isCode(PLACEMENT_SETTINGS, placement.senSetting)) push('placementCode', 'placement', 'SENsetting');
    else if (!placement.urn && !placement.ukprn && placement.senSetting === null) {
      // At one of the council's settings, its URN or UKPRN is put right on the setting's page;
      // with no setting, the placement's type is recorded on the case.
      push('placementIdentifier', 'placement', 'URN', placement.settingId ? { kind: 'setting', settingId: placement.settingId } : undefined);
    }
    if (placement.leavingDate && before(placement.leavingDate, placement.entryDate)) push('leavingBeforeEntry', 'placement', 'LeavingDate');
  }
  return out;
}

/** Every failure in the return, the header's first, then each person's in reference order. */
export function sen2Failures(sen2: Sen2Return, header: { laNumber: string | null }): Sen2Failure[] {
  const out: Sen2Failure[] = [];
  if (!header.laNumber || !/^\d{3}$/.test(header.laNumber)) out.push(failure('laNumber', 'header', 'LEA', null));
  for (const person of sen2.persons) out.push(...personFailures(person));
  return out;
}
