import { describe, expect, it } from 'vitest';
import { emptyPlan, emptySection, planSections, type PlanContent, type PlanProvision } from '~/domain/plan-content';
import {
  PLAN_FIELD_MAX_LENGTH,
  PLAN_LIST_MAX_ITEMS,
  PLAN_TEXT_MAX_LENGTH,
  parsePlanContent,
  parseSection,
  planContentErrorKeys,
  readinessToIssue,
  validateSection,
} from '~/domain/plan-validation';

const provision = (over: Partial<PlanProvision> = {}): PlanProvision => ({
  id: 'p1',
  what: 'Speech and language therapy',
  who: 'NHS speech and language therapist',
  howOften: 'Weekly, 45 minutes',
  forHowLong: 'Until the next annual review',
  ...over,
});

/** A plan ready to be issued as a final. */
function completePlan(): PlanContent {
  const plan = emptyPlan();
  plan.A.text = 'Sam loves trains and wants to be a driver.';
  plan.B = { text: 'Sam finds spoken language hard.', needs: { primary: 'SLCN', secondary: 'ASD' } };
  plan.E.outcomes = [{ id: 'o1', outcome: 'Sam will ask for help in class', byWhen: 'July 2027', steps: 'Use a help card' }];
  plan.F.provision = [provision()];
  plan.I.setting = { name: 'Hillside Primary School', urn: '123456', ukprn: '', withoutUrn: '', kind: 'mainstream' };
  return plan;
}

describe('parsePlanContent', () => {
  it.each([null, undefined, 42, 'plan', [], true])('reads %j as an empty plan', (junk) => {
    expect(parsePlanContent(junk)).toEqual(emptyPlan());
  });

  it('fills missing sections and keeps the ones present', () => {
    const plan = parsePlanContent({ A: { text: 'All about me' } });
    expect(plan.A).toEqual({ text: 'All about me' });
    expect(plan.E).toEqual(emptySection('E'));
    expect(Object.keys(plan)).toEqual([...planSections]);
  });

  it('drops unknown fields, sections and fields of another shape', () => {
    const plan = parsePlanContent({
      A: { text: 'x', colour: 'red', outcomes: [{ id: 'o', outcome: 'y' }] },
      Z: { text: 'not a section' },
      E: { text: '', outcomes: [{ id: 'o1', outcome: 'Read', byWhen: '', steps: '', secret: 1 }] },
    });
    expect(plan.A).toEqual({ text: 'x' });
    expect(plan).not.toHaveProperty('Z');
    expect(plan.E.outcomes).toEqual([{ id: 'o1', outcome: 'Read', byWhen: '', steps: '' }]);
  });

  it('treats wrong types as empty', () => {
    const plan = parsePlanContent({
      A: { text: 12 },
      B: { text: ['a'], needs: 'ASD' },
      E: { outcomes: 'none' },
      F: { provision: [{ id: 'p', what: 5, who: null, howOften: {}, forHowLong: 'a year' }, 'junk', null] },
      I: { setting: { name: 3, urn: 123456, ukprn: '10012345', withoutUrn: 7 } },
      J: { personalBudget: 'yes' },
      K: 'text',
    });
    expect(plan.A.text).toBe('');
    expect(plan.B.needs).toEqual({ primary: '', secondary: '' });
    expect(plan.E.outcomes).toEqual([]);
    expect(plan.F.provision).toEqual([{ id: 'p', what: '', who: '', howOften: '', forHowLong: 'a year' }]);
    expect(plan.I.setting).toEqual({ name: '', urn: '', ukprn: '10012345', withoutUrn: '', kind: '' });
    expect(plan.J.personalBudget).toBe(false);
    expect(plan.K).toEqual({ text: '' });
  });

  it('keeps a personal budget only when it is really true', () => {
    expect(parsePlanContent({ J: { text: '', personalBudget: true } }).J.personalBudget).toBe(true);
  });

  it('drops need types and setting codes outside the SEN2 lists', () => {
    const plan = parsePlanContent({
      B: { text: '', needs: { primary: 'ADHD', secondary: 'SEMH' } },
      I: { text: '', setting: { name: 'Home', urn: '', ukprn: '', withoutUrn: 'HOME', kind: '' } },
    });
    expect(plan.B.needs).toEqual({ primary: '', secondary: 'SEMH' });
    expect(plan.I.setting?.withoutUrn).toBe('');
    expect(parsePlanContent({ I: { setting: { withoutUrn: 'EHE', kind: '' } } }).I.setting?.withoutUrn).toBe('EHE');
  });

  it('gives every list item a unique id, so versions can still be compared', () => {
    const plan = parsePlanContent({ F: { provision: [{ what: 'a' }, { id: 'x', what: 'b' }, { id: 'x', what: 'c' }, { id: '  ', what: 'd' }] } });
    const ids = plan.F.provision!.map((item) => item.id);
    expect(ids).toEqual(['item-0', 'x', 'x~2', 'item-3']);
  });

  it('round-trips a well-formed plan unchanged', () => {
    const plan = completePlan();
    expect(parsePlanContent(JSON.parse(JSON.stringify(plan)))).toEqual(plan);
  });

  it('parses one posted section the same way', () => {
    expect(parseSection('B', { text: 'x', needs: { primary: 'HI' }, outcomes: [] })).toEqual({ text: 'x', needs: { primary: 'HI', secondary: '' } });
  });
});

describe('validateSection', () => {
  it('accepts empty sections: a draft is written over days', () => {
    for (const section of planSections) expect(validateSection(section, emptySection(section))).toEqual({});
  });

  it('accepts a complete plan', () => {
    const plan = completePlan();
    for (const section of planSections) expect(validateSection(section, plan[section])).toEqual({});
  });

  it('limits the text to 20,000 characters', () => {
    expect(validateSection('C', { text: 'a'.repeat(PLAN_TEXT_MAX_LENGTH) })).toEqual({});
    expect(validateSection('C', { text: 'a'.repeat(PLAN_TEXT_MAX_LENGTH + 1) })).toEqual({ text: 'errors.plan.textTooLong' });
  });

  it('limits each item field to 2,000 characters', () => {
    const long = 'a'.repeat(PLAN_FIELD_MAX_LENGTH + 1);
    expect(validateSection('F', { text: '', provision: [provision(), provision({ id: 'p2', howOften: long })] })).toEqual({
      'provision[1].howOften': 'errors.plan.fieldTooLong',
    });
    expect(validateSection('E', { text: '', outcomes: [{ id: 'o', outcome: 'x', byWhen: '', steps: long }] })).toEqual({
      'outcomes[0].steps': 'errors.plan.fieldTooLong',
    });
    expect(validateSection('F', { text: '', provision: [provision({ what: 'a'.repeat(PLAN_FIELD_MAX_LENGTH) })] })).toEqual({});
  });

  it('allows at most 50 items in a list', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => provision({ id: `p${i}` }));
    expect(validateSection('G', { text: '', provision: items(PLAN_LIST_MAX_ITEMS) })).toEqual({});
    expect(validateSection('G', { text: '', provision: items(PLAN_LIST_MAX_ITEMS + 1) })).toEqual({ provision: 'errors.plan.tooManyItems' });
    const outcomes = Array.from({ length: 51 }, (_, i) => ({ id: `o${i}`, outcome: 'x', byWhen: '', steps: '' }));
    expect(validateSection('E', { text: '', outcomes })).toEqual({ outcomes: 'errors.plan.tooManyItems' });
  });

  it('needs the outcome text of each outcome', () => {
    const errors = validateSection('E', {
      text: '',
      outcomes: [
        { id: 'a', outcome: 'Read a short book', byWhen: '', steps: '' },
        { id: 'b', outcome: '   ', byWhen: 'July 2027', steps: 'Phonics' },
      ],
    });
    expect(errors).toEqual({ 'outcomes[1].outcome': 'errors.plan.outcomeRequired' });
  });

  it('needs what and who for each provision item, but not yet how often or for how long', () => {
    const errors = validateSection('H1', { text: '', provision: [provision({ what: '', who: '', howOften: '', forHowLong: '' })] });
    expect(errors).toEqual({ 'provision[0].what': 'errors.plan.provisionWhatRequired', 'provision[0].who': 'errors.plan.provisionWhoRequired' });
  });

  it('shows one error per field, the first found', () => {
    expect(validateSection('F', { text: '', provision: [provision({ what: ' '.repeat(PLAN_FIELD_MAX_LENGTH + 1) })] })).toEqual({
      'provision[0].what': 'errors.plan.provisionWhatRequired',
    });
  });

  it.each(['12345', '1234567', '12345a', ' 123456'])('rejects the URN %j', (urn) => {
    expect(validateSection('I', { text: '', setting: { name: 'School', urn, ukprn: '', withoutUrn: '', kind: '' } })).toEqual({ 'setting.urn': 'errors.plan.urnInvalid' });
  });

  it.each(['1001234', '100123456', '1001234x'])('rejects the UKPRN %j', (ukprn) => {
    expect(validateSection('I', { text: '', setting: { name: 'College', urn: '', ukprn, withoutUrn: '', kind: '' } })).toEqual({
      'setting.ukprn': 'errors.plan.ukprnInvalid',
    });
  });

  it('accepts a URN and a UKPRN together', () => {
    expect(validateSection('I', { text: '', setting: { name: 'Academy', urn: '123456', ukprn: '10012345', withoutUrn: '', kind: '' } })).toEqual({});
  });

  it('refuses a setting code beside a URN or UKPRN', () => {
    expect(validateSection('I', { text: '', setting: { name: 'Home', urn: '123456', ukprn: '', withoutUrn: 'EHE', kind: '' } })).toEqual({
      'setting.withoutUrn': 'errors.plan.settingCodeWithIdentifier',
    });
  });

  it('limits the setting name', () => {
    expect(validateSection('I', { text: '', setting: { name: 'a'.repeat(PLAN_FIELD_MAX_LENGTH + 1), urn: '', ukprn: '', withoutUrn: '', kind: '' } })).toEqual({
      'setting.name': 'errors.plan.fieldTooLong',
    });
  });

  it('refuses a secondary need equal to the primary one', () => {
    expect(validateSection('B', { text: '', needs: { primary: 'ASD', secondary: 'ASD' } })).toEqual({
      'needs.secondary': 'errors.plan.secondaryNeedSameAsPrimary',
    });
    expect(validateSection('B', { text: '', needs: { primary: 'ASD', secondary: 'SLCN' } })).toEqual({});
  });

  it('refuses a secondary need without a primary one', () => {
    expect(validateSection('B', { text: '', needs: { primary: '', secondary: 'SLCN' } })).toEqual({
      'needs.secondary': 'errors.plan.secondaryNeedWithoutPrimary',
    });
  });

  it('checks only the fields of the section shape, and reads missing parts as empty', () => {
    expect(validateSection('A', { text: '', provision: [provision({ what: '' })] })).toEqual({});
    expect(validateSection('F', { text: '' })).toEqual({});
    expect(validateSection('I', { text: '' })).toEqual({});
  });
});

describe('readinessToIssue', () => {
  it('finds everything missing from an empty draft, in section order', () => {
    expect(readinessToIssue(emptyPlan(), 'draft')).toEqual({
      ok: false,
      missing: [
        { section: 'A', key: 'errors.plan.sectionTextRequired', field: 'text' },
        { section: 'B', key: 'errors.plan.sectionTextRequired', field: 'text' },
        { section: 'B', key: 'errors.plan.primaryNeedRequired', field: 'needs.primary' },
        { section: 'E', key: 'errors.plan.outcomesRequired' },
        { section: 'F', key: 'errors.plan.provisionRequired' },
      ],
    });
  });

  it('issues a draft without a setting or quantified provision', () => {
    const plan = completePlan();
    plan.I = emptySection('I');
    plan.F.provision = [provision({ howOften: '', forHowLong: '' })];
    expect(readinessToIssue(plan, 'draft')).toEqual({ ok: true });
  });

  it('does not count blank outcomes, blank provision or blank text', () => {
    const plan = completePlan();
    plan.A.text = '  \n ';
    plan.E.outcomes = [{ id: 'o', outcome: ' ', byWhen: 'soon', steps: '' }];
    plan.F.provision = [provision({ what: '', who: '', howOften: '', forHowLong: '' })];
    const result = readinessToIssue(plan, 'draft');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.missing.map((m) => `${m.section} ${m.key}`)).toEqual([
      'A errors.plan.sectionTextRequired',
      'E errors.plan.outcomesRequired',
      'F errors.plan.provisionRequired',
    ]);
  });

  it('issues a complete final plan', () => {
    expect(readinessToIssue(completePlan(), 'final')).toEqual({ ok: true });
  });

  it('needs a named setting for a final plan: its name, its URN, UKPRN or setting code, and its kind', () => {
    const plan = completePlan();
    plan.I = emptySection('I');
    expect(readinessToIssue(plan, 'final')).toEqual({
      ok: false,
      missing: [
        { section: 'I', key: 'errors.plan.settingNameRequired', field: 'setting.name' },
        { section: 'I', key: 'errors.plan.settingIdentifierRequired', field: 'setting.urn' },
        { section: 'I', key: 'errors.plan.settingKindRequired', field: 'setting.kind' },
      ],
    });
  });

  it('reads an unknown kind of setting as none', () => {
    expect(parseSection('I', { setting: { name: 'Oak', kind: 'castle' } }).setting?.kind).toBe('');
    expect(parseSection('I', { setting: { name: 'Oak', kind: 'special' } }).setting?.kind).toBe('special');
  });

  it.each([
    ['a URN', { urn: '123456' }],
    ['a UKPRN', { ukprn: '10012345' }],
    ['a setting code', { withoutUrn: 'EHE' as const }],
  ])('accepts a setting identified by %s', (_, identity) => {
    const plan = completePlan();
    plan.I.setting = { name: 'Where Sam learns', urn: '', ukprn: '', withoutUrn: '', kind: 'other', ...identity };
    expect(readinessToIssue(plan, 'final')).toEqual({ ok: true });
  });

  it('does not take a malformed URN as identifying the setting', () => {
    const plan = completePlan();
    plan.I.setting = { name: 'Hillside', urn: '123', ukprn: '', withoutUrn: '', kind: 'mainstream' };
    expect(readinessToIssue(plan, 'final')).toEqual({
      ok: false,
      missing: [{ section: 'I', key: 'errors.plan.settingIdentifierRequired', field: 'setting.urn' }],
    });
  });

  it('needs every provision item in F specified and quantified for a final plan', () => {
    const plan = completePlan();
    plan.F.provision = [
      provision(),
      provision({ id: 'p2', howOften: '', forHowLong: ' ' }),
      provision({ id: 'blank', what: '', who: '', howOften: '', forHowLong: '' }),
      provision({ id: 'p4', who: '' }),
    ];
    expect(readinessToIssue(plan, 'final')).toEqual({
      ok: false,
      missing: [
        { section: 'F', key: 'errors.plan.provisionHowOftenRequired', field: 'provision[1].howOften' },
        { section: 'F', key: 'errors.plan.provisionForHowLongRequired', field: 'provision[1].forHowLong' },
        { section: 'F', key: 'errors.plan.provisionWhoRequired', field: 'provision[3].who' },
      ],
    });
  });

  it('reads a plan with sections missing (an old row) without throwing', () => {
    const result = readinessToIssue({} as PlanContent, 'final');
    expect(result.ok).toBe(false);
  });
});

describe('error keys', () => {
  it('lists every key once, under errors.plan', () => {
    expect(new Set(planContentErrorKeys).size).toBe(planContentErrorKeys.length);
    for (const key of planContentErrorKeys) expect(key).toMatch(/^errors\.plan\.[a-zA-Z]+$/);
  });
});
