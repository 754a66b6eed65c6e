import { describe, expect, it } from 'vitest';
import { buildSen2Return, inReturn, moduleCounts, NO_APPEALS, personRecord, planActiveOn, type Sen2CaseFacts } from '~/domain/sen2/build';
import { censusDateOf, defaultCensusDate, parseCensusDate, referencePeriod } from '~/domain/sen2/census';
import { CEASE_REASONS, ETHNICITIES, isCode, isValidUln, isValidUpn, PLACEMENT_SETTINGS, SEN_TYPES, SEN2_GUIDE } from '~/domain/sen2/codes';
import { escapeXml, SEN2_CSV_COLUMNS, sen2Csv, sen2Xml } from '~/domain/sen2/serialise';
import { personFailures, SEN2_RULE_MESSAGES, SEN2_RULES, sen2Failures, type Sen2RuleId } from '~/domain/sen2/validation';

const CENSUS = '2027-01-21';
const VALID_UPN = 'H801200001001';

/** A child with a plan active on the census date, every item the return needs recorded and valid. */
function fullCase(overrides: Partial<Sen2CaseFacts> = {}): Sen2CaseFacts {
  return {
    caseId: 'case-1',
    reference: 'NHB-2026-00001',
    child: { firstName: 'Ruby', lastName: 'Jones', dateOfBirth: '2016-03-04' },
    details: { upn: VALID_UPN, uln: null, upnUnknown: null, sex: 'F', ethnicity: 'WBRI', postcode: 'NF1 2AB', primaryNeed: 'SLCN', secondaryNeed: 'ASD', personalBudget: 'NON', ceaseReason: null },
    request: { receivedOn: '2026-02-02', source: 'RP', decision: { outcome: 'agreed', on: '2026-03-09' } },
    assessment: { outcome: 'issue', on: '2026-05-08', twentyWeekException: false },
    plan: { startedOn: '2026-06-12', ceasedOn: null },
    reviews: [],
    placements: [{ placementId: 'p1', settingId: 'setting-1', settingName: 'Northfield Primary School', urn: '131001', ukprn: null, settingCode: null, entryOn: '2025-09-03', leavingOn: null }],
    appeals: NO_APPEALS,
    ...overrides,
  };
}

const rulesOf = (facts: Sen2CaseFacts) => personFailures(personRecord(facts, CENSUS)).map((f) => f.rule);

describe('SEN2 census dates', () => {
  it('is the third Thursday of January', () => {
    expect(censusDateOf(2024)).toBe('2024-01-18');
    expect(censusDateOf(2025)).toBe('2025-01-16');
    expect(censusDateOf(2026)).toBe('2026-01-15'); // 1 January 2026 is itself a Thursday
    expect(censusDateOf(2027)).toBe('2027-01-21');
    expect(censusDateOf(2028)).toBe('2028-01-20'); // a leap year starting on a Saturday
  });

  it('defaults to the current collection until the end of June, then the coming one', () => {
    expect(defaultCensusDate('2026-12-06')).toBe('2027-01-21');
    expect(defaultCensusDate('2027-01-01')).toBe('2027-01-21');
    expect(defaultCensusDate('2027-06-30')).toBe('2027-01-21');
    expect(defaultCensusDate('2027-07-01')).toBe('2028-01-20');
  });

  it('reports requests for the calendar year before the census', () => {
    expect(referencePeriod('2027-01-21')).toEqual({ start: '2026-01-01', end: '2026-12-31' });
  });

  it('accepts a valid date in January only', () => {
    expect(parseCensusDate('2027-01-21')).toBe('2027-01-21');
    expect(parseCensusDate('2027-02-01')).toBeNull();
    expect(parseCensusDate('2027-01-32')).toBeNull();
    expect(parseCensusDate('21/01/2027')).toBeNull();
    expect(parseCensusDate('')).toBeNull();
    expect(parseCensusDate(null)).toBeNull();
  });
});

describe('SEN2 codes', () => {
  it('knows the 2025 guide v1.4’s lists (SENtype 5.8a, CeaseReason 4.6, SENsetting 4.7c/5.7c)', () => {
    expect(SEN_TYPES).toEqual({ codes: ['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'DS', 'OTH'], source: 'guide 2025 v1.4' });
    expect(isCode(SEN_TYPES, 'NSA')).toBe(false);
    expect(CEASE_REASONS).toEqual({ codes: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], source: 'guide 2025 v1.4' });
    expect(PLACEMENT_SETTINGS).toEqual({ codes: ['OLA', 'OPA', 'EHE', 'EYP', 'OTH', 'NEET', 'NIEC', 'NIEO'], source: 'guide 2025 v1.4' });
    expect(SEN2_GUIDE.mappingVersion).toBe('2027.2');
    expect(isCode(ETHNICITIES, 'WBRI')).toBe(true);
    expect(isCode(ETHNICITIES, 'wbri')).toBe(false);
    expect(isCode(CEASE_REASONS, '9')).toBe(true);
    expect(isCode(PLACEMENT_SETTINGS, 'XX')).toBe(false);
    expect(SEN2_GUIDE.basedOn).toMatch(/2025: guide v1\.4/);
  });

  it('checks a UPN’s check letter, a temporary UPN included', () => {
    expect(isValidUpn(VALID_UPN)).toBe(true);
    expect(isValidUpn('U80120000100A')).toBe(true);
    expect(isValidUpn('A801200001001')).toBe(false); // wrong check letter
    expect(isValidUpn('H80120000100')).toBe(false); // too short
    expect(isValidUpn('h801200001001')).toBe(false);
  });

  it('checks a ULN is 10 digits', () => {
    expect(isValidUln('1234567890')).toBe(true);
    expect(isValidUln('123456789')).toBe(false);
  });
});

describe('who is in the return', () => {
  it('includes a request received in the reference period, however it ended', () => {
    expect(inReturn(fullCase({ request: { receivedOn: '2026-11-30', source: 'RP', decision: null }, assessment: null, plan: null }), CENSUS)).toBe(true);
  });

  it('excludes a request received after the period', () => {
    expect(inReturn(fullCase({ request: { receivedOn: '2027-01-05', source: 'RP', decision: null }, assessment: null, plan: null }), CENSUS)).toBe(false);
  });

  it('includes an older request still undecided at the period’s start', () => {
    expect(inReturn(fullCase({ request: { receivedOn: '2025-12-01', source: 'RP', decision: { outcome: 'agreed', on: '2026-01-12' } }, assessment: null, plan: null }), CENSUS)).toBe(true);
  });

  it('excludes a request refused long before the period', () => {
    expect(inReturn(fullCase({ request: { receivedOn: '2023-01-01', source: 'RP', decision: { outcome: 'refused', on: '2023-02-01' } }, assessment: null, plan: null }), CENSUS)).toBe(false);
  });

  it('includes an old plan active on the census date, and one ceased in the period; not one ceased before it', () => {
    const old = { request: { receivedOn: '2019-01-01', source: 'RP', decision: { outcome: 'agreed' as const, on: '2019-02-01' } }, assessment: { outcome: 'issue' as const, on: '2019-04-01', twentyWeekException: false } };
    expect(inReturn(fullCase({ ...old, plan: { startedOn: '2019-05-01', ceasedOn: null } }), CENSUS)).toBe(true);
    expect(inReturn(fullCase({ ...old, plan: { startedOn: '2019-05-01', ceasedOn: '2026-07-20' } }), CENSUS)).toBe(true);
    expect(inReturn(fullCase({ ...old, plan: { startedOn: '2019-05-01', ceasedOn: '2025-07-20' } }), CENSUS)).toBe(false);
  });

  it('counts a plan active on the census date if it ceases after it, not on it', () => {
    expect(planActiveOn({ startedOn: '2026-01-01', ceasedOn: '2027-01-22' }, CENSUS)).toBe(true);
    expect(planActiveOn({ startedOn: '2026-01-01', ceasedOn: CENSUS }, CENSUS)).toBe(false);
    expect(planActiveOn({ startedOn: '2027-01-22', ceasedOn: null }, CENSUS)).toBe(false);
  });
});

describe('the records', () => {
  it('builds modules 1 to 5 from the facts', () => {
    const facts = fullCase({
      assessment: { outcome: 'issue', on: '2026-05-08', twentyWeekException: true },
      appeals: { requestMediation: true, requestTribunal: false, assessmentMediation: false, assessmentTribunal: true },
      reviews: [{ meetingOn: '2026-12-01', decisionOn: '2026-12-10', draftAmendedOn: '2026-12-10', transferDueOn: '2027-09-01', finalOn: null }],
    });
    const person = personRecord(facts, CENSUS);
    expect(person.upn).toBe(VALID_UPN);
    expect(person.request).toMatchObject({ receivedDate: '2026-02-02', requestSource: 'RP', requestOutcome: 'A', requestOutcomeDate: '2026-03-09', requestMediation: true, requestTribunal: false });
    expect(person.request.assessment).toMatchObject({ assessmentOutcome: 'Y', assessmentOutcomeDate: '2026-05-08', twentyWeekException: true, assessmentTribunal: true });
    const plan = person.request.assessment!.namedPlan!;
    expect(plan.needs).toEqual([
      { senType: 'SLCN', rank: 1 },
      { senType: 'ASD', rank: 2 },
    ]);
    expect(plan.activePlan!.annualReviews).toEqual([{ meetingDate: '2026-12-01', decisionDate: '2026-12-10', draftAmendedPlanDate: '2026-12-10', phaseTransferDueDate: '2027-09-01', phaseTransferFinalDate: null }]);
    expect(plan.activePlan!.placements).toMatchObject([{ urn: '131001', ukprn: null, senSetting: null, rank: 1, entryDate: '2025-09-03' }]);
  });

  it('reports nothing decided after the census date', () => {
    const person = personRecord(fullCase({ request: { receivedOn: '2026-12-01', source: 'SS', decision: { outcome: 'agreed', on: '2027-01-25' } } }), CENSUS);
    expect(person.request.requestOutcome).toBeNull();
    expect(person.request.assessment).toBeNull();
  });

  it('codes refusals and withdrawals', () => {
    expect(personRecord(fullCase({ request: { receivedOn: '2026-02-02', source: 'RP', decision: { outcome: 'refused', on: '2026-03-09' } }, assessment: null, plan: null }), CENSUS).request.requestOutcome).toBe('N');
    expect(personRecord(fullCase({ request: { receivedOn: '2026-02-02', source: 'RP', decision: { outcome: 'withdrawn', on: '2026-03-09' } }, assessment: null, plan: null }), CENSUS).request.requestOutcome).toBe('W');
    expect(personRecord(fullCase({ assessment: { outcome: 'not_issue', on: '2026-05-08', twentyWeekException: false }, plan: null }), CENSUS).request.assessment?.assessmentOutcome).toBe('N');
  });

  it('gives a ceased plan its cease date and reason, and no active plan', () => {
    const person = personRecord(fullCase({ plan: { startedOn: '2026-06-12', ceasedOn: '2026-11-01' }, details: { ...fullCase().details!, ceaseReason: '5' } }), CENSUS);
    expect(person.request.assessment!.namedPlan).toMatchObject({ ceaseDate: '2026-11-01', ceaseReason: '5', activePlan: null });
  });

  it('keeps placements on the census date only, ranked by entry', () => {
    const person = personRecord(
      fullCase({
        placements: [
          { placementId: 'b', settingId: null, settingName: null, urn: null, ukprn: null, settingCode: 'OLA', entryOn: '2026-01-10', leavingOn: null },
          { placementId: 'a', settingId: 's', settingName: 'A', urn: '131001', ukprn: null, settingCode: null, entryOn: '2025-09-03', leavingOn: null },
          { placementId: 'c', settingId: 's', settingName: 'A', urn: '131001', ukprn: null, settingCode: null, entryOn: '2020-09-03', leavingOn: '2025-07-20' },
        ],
      }),
      CENSUS,
    );
    expect(person.request.assessment!.namedPlan!.activePlan!.placements.map((p) => [p.placementId, p.rank])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('identifies a placement by its URN, else its UKPRN, else its SENsetting code: one of them only', () => {
    const at = (urn: string | null, ukprn: string | null, settingCode: string | null) =>
      personRecord(fullCase({ placements: [{ placementId: 'p', settingId: 's', settingName: 'S', urn, ukprn, settingCode, entryOn: '2025-09-03', leavingOn: null }] }), CENSUS).request.assessment!.namedPlan!.activePlan!.placements[0];
    expect(at('131001', '10004567', 'OTH')).toMatchObject({ urn: '131001', ukprn: null, senSetting: null });
    expect(at(null, '10004567', 'OTH')).toMatchObject({ urn: null, ukprn: '10004567', senSetting: null });
    expect(at(null, null, 'EYP')).toMatchObject({ urn: null, ukprn: null, senSetting: 'EYP' });
    expect(at(null, null, null)).toMatchObject({ urn: null, ukprn: null, senSetting: null });
  });

  it('orders the return by reference and counts each module', () => {
    const sen2 = buildSen2Return([fullCase({ caseId: 'b', reference: 'NHB-2026-00002' }), fullCase({ caseId: 'a', reference: 'NHB-2026-00001', assessment: null, plan: null })], CENSUS);
    expect(sen2.persons.map((p) => p.reference)).toEqual(['NHB-2026-00001', 'NHB-2026-00002']);
    expect(moduleCounts(sen2)).toEqual({ persons: 2, requests: 2, assessments: 1, namedPlans: 1, activePlans: 1, placements: 1 });
  });
});

describe('the files', () => {
  const source = { laNumber: '999', laName: 'Northfield', madeAt: '2027-01-22T10:00:00', softwareCode: 'EHCP-PORTAL' };

  it('writes the collection’s XML, escaped, with the guide it follows', () => {
    const sen2 = buildSen2Return([fullCase({ child: { firstName: 'Amy & <Jo>', lastName: "O'Neil", dateOfBirth: '2016-03-04' } })], CENSUS);
    const xml = sen2Xml(sen2, source);
    expect(xml).toContain(SEN2_GUIDE.basedOn);
    expect(xml).toContain('<ReferenceDate>2027-01-21</ReferenceDate>');
    expect(xml).toContain('<LEA>999</LEA>');
    expect(xml).toContain('<Forename>Amy &amp; &lt;Jo&gt;</Forename>');
    expect(xml).toContain('<Surname>O&apos;Neil</Surname>');
    expect(xml).toContain('<SENtype>SLCN</SENtype>');
    expect(xml).toContain('<URN>131001</URN>');
    expect(xml).not.toContain('<SENsetting>');
    const eotas = sen2Xml(buildSen2Return([fullCase({ placements: [{ placementId: 'p', settingId: null, settingName: null, urn: null, ukprn: null, settingCode: 'OLA', entryOn: '2025-09-03', leavingOn: null }] })], CENSUS), source);
    expect(eotas).toContain('<SENsetting>OLA</SENsetting>');
    expect(eotas).not.toContain('<URN>');
    expect(xml).toContain('<TwentyWeekTimeLimitException>0</TwentyWeekTimeLimitException>');
    // Well formed: every element opened is closed, in order.
    const stack: string[] = [];
    for (const m of xml.matchAll(/<(\/?)([A-Za-z]+)>/g)) {
      if (m[1]) expect(stack.pop()).toBe(m[2]);
      else stack.push(m[2]);
    }
    expect(stack).toEqual([]);
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0001b')).toBe('ab');
  });

  it('writes CSV with a header line, the columns, a row per person, review and placement, formulas neutralised', () => {
    const sen2 = buildSen2Return([fullCase({ child: { firstName: '=HYPERLINK("x")', lastName: '+Jones', dateOfBirth: '2016-03-04' }, reviews: [{ meetingOn: '2026-12-01', decisionOn: null, draftAmendedOn: null, transferDueOn: null, finalOn: null }] })], CENSUS);
    const lines = sen2Csv(sen2, source).split('\r\n');
    expect(lines[0]).toContain('SEN2 2027');
    expect(lines[1]).toBe(SEN2_CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toContain(`"'+Jones"`);
    expect(lines[3].startsWith('"AnnualReview"')).toBe(true);
    expect(lines[4].startsWith('"Placement"')).toBe(true);
    expect(lines[5]).toBe('');
  });
});

describe('the DfE’s checks', () => {
  it('finds nothing wrong with a complete case', () => {
    expect(rulesOf(fullCase())).toEqual([]);
    expect(sen2Failures(buildSen2Return([fullCase()], CENSUS), { laNumber: '999' })).toEqual([]);
  });

  const d = fullCase().details!;
  const cases: [Sen2RuleId, Partial<Sen2CaseFacts>][] = [
    ['sex', { details: { ...d, sex: null } }],
    ['ethnicity', { details: { ...d, ethnicity: 'XXXX' } }],
    ['upn', { details: { ...d, upn: null, upnUnknown: null } }],
    ['upn', { details: { ...d, upn: 'A801200001001' } }],
    ['uln', { details: { ...d, uln: '12' } }],
    ['requestSource', { request: { receivedOn: '2026-02-02', source: 'ZZ', decision: { outcome: 'agreed', on: '2026-03-09' } } }],
    ['requestOutcomeBeforeReceived', { request: { receivedOn: '2026-02-02', source: 'RP', decision: { outcome: 'agreed', on: '2026-02-01' } } }],
    ['assessmentBeforeRequestOutcome', { assessment: { outcome: 'issue', on: '2026-03-01', twentyWeekException: false }, plan: { startedOn: '2026-06-12', ceasedOn: null } }],
    ['planStartBeforeAssessment', { plan: { startedOn: '2026-05-01', ceasedOn: null } }],
    ['primaryNeed', { details: { ...d, primaryNeed: null, secondaryNeed: null } }],
    ['needCode', { details: { ...d, secondaryNeed: 'DYS' } }],
    ['needsRepeated', { details: { ...d, secondaryNeed: 'SLCN' } }],
    ['personalBudget', { details: { ...d, personalBudget: 'ALL' } }],
    ['ceaseReason', { plan: { startedOn: '2026-06-12', ceasedOn: '2026-10-01' } }],
    ['reviewDecisionBeforeMeeting', { reviews: [{ meetingOn: '2026-12-01', decisionOn: '2026-11-30', draftAmendedOn: null, transferDueOn: null, finalOn: null }] }],
    ['placementMissing', { placements: [] }],
    // A code from before the 2025 guide's list, on a placement with no URN or UKPRN.
    ['placementCode', { placements: [{ placementId: 'p', settingId: null, settingName: null, urn: null, ukprn: null, settingCode: 'EOTAS', entryOn: '2025-09-03', leavingOn: null }] }],
    ['placementIdentifier', { placements: [{ placementId: 'p', settingId: 's', settingName: 'S', urn: null, ukprn: null, settingCode: null, entryOn: '2025-09-03', leavingOn: null }] }],
    ['placementIdentifier', { placements: [{ placementId: 'p', settingId: null, settingName: null, urn: null, ukprn: null, settingCode: null, entryOn: '2025-09-03', leavingOn: null }] }],
  ];
  for (const [rule, overrides] of cases) {
    it(`${rule}: fails when it should, and only that rule`, () => {
      expect(rulesOf(fullCase(overrides))).toEqual([rule]);
    });
  }

  it('ceaseBeforeStart and leavingBeforeEntry: dates out of order', () => {
    const person = personRecord(fullCase(), CENSUS);
    const plan = person.request.assessment!.namedPlan!;
    const broken = { ...person, request: { ...person.request, assessment: { ...person.request.assessment!, namedPlan: { ...plan, ceaseDate: '2026-06-01', ceaseReason: '9', activePlan: { annualReviews: [], placements: [{ ...plan.activePlan!.placements[0], leavingDate: '2025-09-01' }] } } } } };
    expect(personFailures(broken).map((f) => f.rule)).toEqual(['ceaseBeforeStart', 'leavingBeforeEntry']);
  });

  it('unknown request and assessment outcome codes', () => {
    const person = personRecord(fullCase(), CENSUS);
    const broken = { ...person, request: { ...person.request, requestOutcome: 'Q', assessment: { ...person.request.assessment!, assessmentOutcome: 'Q' } } };
    expect(personFailures(broken).map((f) => f.rule)).toEqual(['requestOutcome', 'assessmentOutcome']);
  });

  it('sends a setting’s missing URN or UKPRN to the setting’s page, everything else to the case’s', () => {
    const [urn, noSetting] = cases.filter(([r]) => r === 'placementIdentifier').map(([, o]) => personFailures(personRecord(fullCase(o), CENSUS))[0]);
    expect(urn).toMatchObject({ fix: { kind: 'setting', settingId: 's' }, field: 'URN', module: 'placement' });
    expect(noSetting.fix).toEqual({ kind: 'case', caseId: 'case-1' });
    const [sex] = personFailures(personRecord(fullCase({ details: { ...d, sex: null } }), CENSUS));
    expect(sex).toMatchObject({ fix: { kind: 'case', caseId: 'case-1' }, caseId: 'case-1', reference: 'NHB-2026-00001', childName: 'Ruby Jones', field: 'Sex', module: 'person' });
  });

  it('needs no URN for home education, and checks the council’s LA number', () => {
    expect(rulesOf(fullCase({ placements: [{ placementId: 'p', settingId: null, settingName: null, urn: null, ukprn: null, settingCode: 'EHE', entryOn: '2025-09-03', leavingOn: null }] }))).toEqual([]);
    // A setting the council lists with no URN or UKPRN (a private nursery) is reported by its type.
    expect(rulesOf(fullCase({ placements: [{ placementId: 'p', settingId: 's', settingName: 'S', urn: null, ukprn: null, settingCode: 'EYP', entryOn: '2025-09-03', leavingOn: null }] }))).toEqual([]);
    expect(sen2Failures(buildSen2Return([], CENSUS), { laNumber: null }).map((f) => [f.rule, f.fix.kind])).toEqual([['laNumber', 'council']]);
    expect(sen2Failures(buildSen2Return([], CENSUS), { laNumber: '99' }).map((f) => f.rule)).toEqual(['laNumber']);
  });

  it('has a message for every rule', () => {
    expect(Object.keys(SEN2_RULE_MESSAGES).sort()).toEqual([...SEN2_RULES].sort());
  });
});
