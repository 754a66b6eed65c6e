/**
 * The SEN2 return as files: XML in the collection's shape (Message > Header > Persons > Person >
 * Requests > Request > Assessment > NamedPlan > SENneed / ActivePlans > AnnualReview, Placement)
 * and CSV for the council's own checking. Pure. Both say which guide they follow (./codes).
 */
import { csvDocument } from '../csv';
import type { IsoDate } from '../timescales';
import { SEN2_GUIDE } from './codes';
import type { Sen2Return } from './build';

export type Sen2Source = {
  /** The council's DfE LA number (3 digits); null: not recorded. */
  laNumber: string | null;
  laName: string;
  /** When the file was made, as an ISO timestamp. */
  madeAt: string;
  softwareCode: string;
};

const flag = (value: boolean) => (value ? '1' : '0');

export function escapeXml(value: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five it reserves are escaped.
  return value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

class XmlWriter {
  private readonly lines: string[] = [];
  private depth = 0;
  line(text: string) {
    this.lines.push(`${'  '.repeat(this.depth)}${text}`);
  }
  open(tag: string) {
    this.line(`<${tag}>`);
    this.depth += 1;
  }
  close(tag: string) {
    this.depth -= 1;
    this.line(`</${tag}>`);
  }
  /** An element with text; left out when there is no value (the guide's optional items are absent, not empty). */
  value(tag: string, value: string | IsoDate | null | undefined) {
    if (value === null || value === undefined || value === '') return;
    this.line(`<${tag}>${escapeXml(value)}</${tag}>`);
  }
  toString() {
    return this.lines.join('\n') + '\n';
  }
}

export function sen2Xml(sen2: Sen2Return, source: Sen2Source): string {
  const w = new XmlWriter();
  w.line('<?xml version="1.0" encoding="UTF-8"?>');
  w.line(`<!-- ${escapeXml(`${SEN2_GUIDE.basedOn}; portal mapping ${SEN2_GUIDE.mappingVersion} (ADR 0053)`)} -->`);
  w.open('Message');
  w.open('Header');
  w.open('CollectionDetails');
  w.value('Collection', SEN2_GUIDE.collection);
  w.value('Year', sen2.censusDate.slice(0, 4));
  w.value('ReferenceDate', sen2.censusDate);
  w.close('CollectionDetails');
  w.open('Source');
  w.value('SourceLevel', 'L');
  w.value('LEA', source.laNumber);
  w.value('SoftwareCode', source.softwareCode);
  w.value('Release', SEN2_GUIDE.mappingVersion);
  w.value('DateTime', source.madeAt);
  w.close('Source');
  w.close('Header');
  w.open('Persons');
  for (const p of sen2.persons) {
    w.open('Person');
    w.value('Surname', p.surname);
    w.value('Forename', p.forename);
    w.value('PersonBirthDate', p.birthDate);
    w.value('Sex', p.sex);
    w.value('Ethnicity', p.ethnicity);
    w.value('PostCode', p.postcode);
    w.value('UPN', p.upn);
    w.value('UniqueLearnerNumber', p.uln);
    w.value('UPNunknown', p.upn ? null : p.upnUnknown);
    w.open('Requests');
    const r = p.request;
    w.open('Request');
    w.value('ReceivedDate', r.receivedDate);
    w.value('RequestSource', r.requestSource);
    w.value('RequestOutcomeDate', r.requestOutcomeDate);
    w.value('RequestOutcome', r.requestOutcome);
    w.value('RequestMediation', flag(r.requestMediation));
    w.value('RequestTribunal', flag(r.requestTribunal));
    const a = r.assessment;
    if (a) {
      w.open('Assessment');
      w.value('AssessmentOutcome', a.assessmentOutcome);
      w.value('AssessmentOutcomeDate', a.assessmentOutcomeDate);
      w.value('AssessmentMediation', flag(a.assessmentMediation));
      w.value('AssessmentTribunal', flag(a.assessmentTribunal));
      w.value('TwentyWeekTimeLimitException', flag(a.twentyWeekException));
      const plan = a.namedPlan;
      if (plan) {
        w.open('NamedPlan');
        w.value('StartDate', plan.startDate);
        w.value('PersonalBudget', plan.personalBudget);
        w.value('CeaseDate', plan.ceaseDate);
        w.value('CeaseReason', plan.ceaseReason);
        for (const need of plan.needs) {
          w.open('SENneed');
          w.value('SENtype', need.senType);
          w.value('SENtypeRank', String(need.rank));
          w.close('SENneed');
        }
        if (plan.activePlan) {
          w.open('ActivePlans');
          for (const review of plan.activePlan.annualReviews) {
            w.open('AnnualReview');
            w.value('AnnualReviewDate', review.meetingDate);
            w.value('AnnualReviewDecisionDate', review.decisionDate);
            w.value('DraftAmendedPlanDate', review.draftAmendedPlanDate);
            w.value('PhaseTransferDueDate', review.phaseTransferDueDate);
            w.value('PhaseTransferFinalDate', review.phaseTransferFinalDate);
            w.close('AnnualReview');
          }
          for (const placement of plan.activePlan.placements) {
            w.open('Placement');
            w.value('URN', placement.urn);
            w.value('UKPRN', placement.ukprn);
            w.value('SENsetting', placement.senSetting);
            w.value('PlacementRank', String(placement.rank));
            w.value('EntryDate', placement.entryDate);
            w.value('LeavingDate', placement.leavingDate);
            w.close('Placement');
          }
          w.close('ActivePlans');
        }
        w.close('NamedPlan');
      }
      w.close('Assessment');
    }
    w.close('Request');
    w.close('Requests');
    w.close('Person');
  }
  w.close('Persons');
  w.close('Message');
  return w.toString();
}

/** The CSV's columns: every module's fields; each row fills its own module's. */
export const SEN2_CSV_COLUMNS = [
  'Module',
  'CaseReference',
  'Surname',
  'Forename',
  'PersonBirthDate',
  'Sex',
  'Ethnicity',
  'PostCode',
  'UPN',
  'UniqueLearnerNumber',
  'UPNunknown',
  'ReceivedDate',
  'RequestSource',
  'RequestOutcome',
  'RequestOutcomeDate',
  'RequestMediation',
  'RequestTribunal',
  'AssessmentOutcome',
  'AssessmentOutcomeDate',
  'AssessmentMediation',
  'AssessmentTribunal',
  'TwentyWeekTimeLimitException',
  'StartDate',
  'SENtype1',
  'SENtype2',
  'PersonalBudget',
  'CeaseDate',
  'CeaseReason',
  'AnnualReviewDate',
  'AnnualReviewDecisionDate',
  'DraftAmendedPlanDate',
  'PhaseTransferDueDate',
  'PhaseTransferFinalDate',
  'URN',
  'UKPRN',
  'SENsetting',
  'PlacementRank',
  'EntryDate',
  'LeavingDate',
] as const;
type Column = (typeof SEN2_CSV_COLUMNS)[number];

/**
 * One row per person (modules 1 to 4, which are one to one for a case), then one per annual
 * review and one per placement of an active plan (module 5), each with the case reference. The
 * first line says which guide and census date; the second names the columns. Cells go through
 * the one CSV helper, so nothing typed can run as a formula.
 */
export function sen2Csv(sen2: Sen2Return, source: Sen2Source): string {
  const row = (values: Partial<Record<Column, string | null>>) => SEN2_CSV_COLUMNS.map((c) => values[c] ?? null);
  const rows: (string | null)[][] = [
    [`${SEN2_GUIDE.collection} ${sen2.censusDate.slice(0, 4)}`, `ReferenceDate ${sen2.censusDate}`, `LEA ${source.laNumber ?? ''}`, SEN2_GUIDE.basedOn, `mapping ${SEN2_GUIDE.mappingVersion}`],
    [...SEN2_CSV_COLUMNS],
  ];
  for (const p of sen2.persons) {
    const r = p.request;
    const a = r.assessment;
    const plan = a?.namedPlan ?? null;
    rows.push(
      row({
        Module: 'Person',
        CaseReference: p.reference,
        Surname: p.surname,
        Forename: p.forename,
        PersonBirthDate: p.birthDate,
        Sex: p.sex,
        Ethnicity: p.ethnicity,
        PostCode: p.postcode,
        UPN: p.upn,
        UniqueLearnerNumber: p.uln,
        UPNunknown: p.upn ? null : p.upnUnknown,
        ReceivedDate: r.receivedDate,
        RequestSource: r.requestSource,
        RequestOutcome: r.requestOutcome,
        RequestOutcomeDate: r.requestOutcomeDate,
        RequestMediation: flag(r.requestMediation),
        RequestTribunal: flag(r.requestTribunal),
        AssessmentOutcome: a?.assessmentOutcome,
        AssessmentOutcomeDate: a?.assessmentOutcomeDate,
        AssessmentMediation: a ? flag(a.assessmentMediation) : null,
        AssessmentTribunal: a ? flag(a.assessmentTribunal) : null,
        TwentyWeekTimeLimitException: a ? flag(a.twentyWeekException) : null,
        StartDate: plan?.startDate,
        SENtype1: plan?.needs.find((n) => n.rank === 1)?.senType,
        SENtype2: plan?.needs.find((n) => n.rank === 2)?.senType,
        PersonalBudget: plan?.personalBudget,
        CeaseDate: plan?.ceaseDate,
        CeaseReason: plan?.ceaseReason,
      }),
    );
    for (const review of plan?.activePlan?.annualReviews ?? []) {
      rows.push(
        row({
          Module: 'AnnualReview',
          CaseReference: p.reference,
          AnnualReviewDate: review.meetingDate,
          AnnualReviewDecisionDate: review.decisionDate,
          DraftAmendedPlanDate: review.draftAmendedPlanDate,
          PhaseTransferDueDate: review.phaseTransferDueDate,
          PhaseTransferFinalDate: review.phaseTransferFinalDate,
        }),
      );
    }
    for (const placement of plan?.activePlan?.placements ?? []) {
      rows.push(
        row({
          Module: 'Placement',
          CaseReference: p.reference,
          URN: placement.urn,
          UKPRN: placement.ukprn,
          SENsetting: placement.senSetting,
          PlacementRank: String(placement.rank),
          EntryDate: placement.entryDate,
          LeavingDate: placement.leavingDate,
        }),
      );
    }
  }
  return csvDocument(rows);
}
