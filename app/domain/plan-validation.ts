/**
 * Reading, checking and judging the EHC plan's structured content (plan-content.ts). Pure.
 *
 * Three steps, each with its own strictness:
 * - `parsePlanContent` reads what was stored, forgivingly: a row written by an older version of
 *   the portal, or half-written, still opens. It never throws and never invents content.
 * - `validateSection` checks one section as a caseworker saves it while drafting: only what can
 *   be wrong in what was written (too long, a malformed URN, a provision item without a
 *   provider). Blank is fine: a draft is written over days.
 * - `readinessToIssue` says what must be written before a version can be issued: the Code of
 *   Practice's minimum for a draft, and for a final plan the named setting and provision that is
 *   specified and quantified (9.69: "Provision must be detailed and specific and should normally
 *   be quantified").
 *
 * Errors are translation keys (listed in `planContentErrorKeys`), never English, and field names
 * are those of the section form: `text`, `needs.secondary`, `setting.urn`,
 * `outcomes[0].outcome`, `provision[2].who`, so a page can link each error to its field.
 * Form input is expected to be trimmed before it gets here, as every form of the portal does.
 */
import {
  emptyPlan,
  emptySection,
  planSections,
  sectionShapes,
  senNeedTypes,
  settingKinds,
  settingsWithoutUrn,
  type NamedSetting,
  type PlanContent,
  type PlanOutcome,
  type PlanProvision,
  type PlanSection,
  type PlanSectionContent,
  type SenNeedType,
  type SettingKind,
  type SettingWithoutUrn,
} from './plan-content';

/** Translation keys of every error this module returns, written out so the translation test finds them. */
export const planContentErrorKeys = [
  // validateSection
  'errors.plan.textTooLong',
  'errors.plan.fieldTooLong',
  'errors.plan.tooManyItems',
  'errors.plan.urnInvalid',
  'errors.plan.ukprnInvalid',
  'errors.plan.settingCodeWithIdentifier',
  'errors.plan.secondaryNeedWithoutPrimary',
  'errors.plan.secondaryNeedSameAsPrimary',
  'errors.plan.outcomeRequired',
  'errors.plan.provisionWhatRequired',
  'errors.plan.provisionWhoRequired',
  // readinessToIssue (also the two above for provision)
  'errors.plan.sectionTextRequired',
  'errors.plan.primaryNeedRequired',
  'errors.plan.outcomesRequired',
  'errors.plan.provisionRequired',
  'errors.plan.settingNameRequired',
  'errors.plan.settingIdentifierRequired',
  'errors.plan.settingKindRequired',
  'errors.plan.provisionHowOftenRequired',
  'errors.plan.provisionForHowLongRequired',
] as const;
export type PlanContentError = (typeof planContentErrorKeys)[number];

/** A section's narrative: long enough for the fullest section B or F a caseworker writes. */
export const PLAN_TEXT_MAX_LENGTH = 20_000;
/** One field of an outcome, a provision item or the named setting. */
export const PLAN_FIELD_MAX_LENGTH = 2_000;
/** Outcomes or provision items in one section: more than any real plan, few enough to render. */
export const PLAN_LIST_MAX_ITEMS = 50;

const URN = /^\d{6}$/;
const UKPRN = /^\d{8}$/;

// ---------------------------------------------------------------------------------------------
// Parsing stored content

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): T | '' =>
    typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : '';
const needType = oneOf<SenNeedType>(senNeedTypes);
const settingCode = oneOf<SettingWithoutUrn>(settingsWithoutUrn);
const settingKind = oneOf<SettingKind>(settingKinds);

/**
 * A list of outcomes or provision items. Entries that are not objects are dropped; every item
 * keeps a unique id, because versions are compared item by item through it (plan-diff.ts): an
 * item stored without one gets one from its position, a repeated id gets its position appended.
 */
function parseList<T extends { id: string }>(value: unknown, read: (item: Json) => Omit<T, 'id'>): T[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const items: T[] = [];
  value.forEach((entry, index) => {
    if (!isRecord(entry)) return;
    let id = stringOf(entry.id).trim() || `item-${index}`;
    if (seen.has(id)) id = `${id}~${index}`;
    seen.add(id);
    items.push({ id, ...read(entry) } as T);
  });
  return items;
}

const readOutcome = (item: Json): Omit<PlanOutcome, 'id'> => ({
  outcome: stringOf(item.outcome),
  byWhen: stringOf(item.byWhen),
  steps: stringOf(item.steps),
});

const readProvision = (item: Json): Omit<PlanProvision, 'id'> => ({
  what: stringOf(item.what),
  who: stringOf(item.who),
  howOften: stringOf(item.howOften),
  forHowLong: stringOf(item.forHowLong),
});

/**
 * One section as stored (or as posted): only the fields of the section's shape are kept, each
 * of its own type or else empty, and need types and setting codes outside the SEN2 lists are
 * dropped (they could not be reported to the DfE).
 */
export function parseSection(section: PlanSection, value: unknown): PlanSectionContent {
  const content = emptySection(section);
  if (!isRecord(value)) return content;
  content.text = stringOf(value.text);
  switch (sectionShapes[section]) {
    case 'needs': {
      const needs = isRecord(value.needs) ? value.needs : {};
      content.needs = { primary: needType(needs.primary), secondary: needType(needs.secondary) };
      break;
    }
    case 'outcomes':
      content.outcomes = parseList<PlanOutcome>(value.outcomes, readOutcome);
      break;
    case 'provision':
      content.provision = parseList<PlanProvision>(value.provision, readProvision);
      break;
    case 'setting': {
      const setting = isRecord(value.setting) ? value.setting : {};
      content.setting = {
        name: stringOf(setting.name),
        urn: stringOf(setting.urn),
        ukprn: stringOf(setting.ukprn),
        withoutUrn: settingCode(setting.withoutUrn),
        kind: settingKind(setting.kind),
      };
      break;
    }
    case 'budget':
      // Only a real `true` counts: a personal budget is never assumed.
      content.personalBudget = value.personalBudget === true;
      break;
    default:
      break;
  }
  return content;
}

/** A whole plan as stored: anything unreadable becomes an empty section, so a page always opens. */
export function parsePlanContent(value: unknown): PlanContent {
  const content = emptyPlan();
  if (!isRecord(value)) return content;
  for (const section of planSections) content[section] = parseSection(section, value[section]);
  return content;
}

// ---------------------------------------------------------------------------------------------
// Checking a section as it is saved

type FieldErrors = Record<string, string>;

/** Records the first error of each field only: the page shows one message per field. */
function add(errors: FieldErrors, field: string, key: PlanContentError): void {
  if (!(field in errors)) errors[field] = key;
}

function checkLength(errors: FieldErrors, field: string, value: string, max = PLAN_FIELD_MAX_LENGTH): void {
  if (value.length > max) add(errors, field, max === PLAN_TEXT_MAX_LENGTH ? 'errors.plan.textTooLong' : 'errors.plan.fieldTooLong');
}

const written = (value: string | undefined): boolean => (value ?? '').trim() !== '';

function checkOutcomes(errors: FieldErrors, outcomes: PlanOutcome[]): void {
  if (outcomes.length > PLAN_LIST_MAX_ITEMS) add(errors, 'outcomes', 'errors.plan.tooManyItems');
  outcomes.forEach((item, index) => {
    const field = (name: keyof PlanOutcome) => `outcomes[${index}].${name}`;
    // An outcome without its outcome is only a date and some steps towards nothing.
    if (!written(item.outcome)) add(errors, field('outcome'), 'errors.plan.outcomeRequired');
    for (const name of ['outcome', 'byWhen', 'steps'] as const) checkLength(errors, field(name), item[name]);
  });
}

function checkProvision(errors: FieldErrors, provision: PlanProvision[]): void {
  if (provision.length > PLAN_LIST_MAX_ITEMS) add(errors, 'provision', 'errors.plan.tooManyItems');
  provision.forEach((item, index) => {
    const field = (name: keyof PlanProvision) => `provision[${index}].${name}`;
    // What and who are what makes an item provision at all; how often and for how long may
    // still be being agreed while drafting (they are required to issue a final plan).
    if (!written(item.what)) add(errors, field('what'), 'errors.plan.provisionWhatRequired');
    if (!written(item.who)) add(errors, field('who'), 'errors.plan.provisionWhoRequired');
    for (const name of ['what', 'who', 'howOften', 'forHowLong'] as const) checkLength(errors, field(name), item[name]);
  });
}

function checkNeeds(errors: FieldErrors, needs: NonNullable<PlanSectionContent['needs']>): void {
  if (needs.secondary === '') return;
  // SEN2 records a secondary need only beside a primary one, and never the same one twice.
  if (needs.primary === '') add(errors, 'needs.secondary', 'errors.plan.secondaryNeedWithoutPrimary');
  else if (needs.secondary === needs.primary) add(errors, 'needs.secondary', 'errors.plan.secondaryNeedSameAsPrimary');
}

function checkSetting(errors: FieldErrors, setting: NamedSetting): void {
  checkLength(errors, 'setting.name', setting.name);
  if (setting.urn !== '' && !URN.test(setting.urn)) add(errors, 'setting.urn', 'errors.plan.urnInvalid');
  if (setting.ukprn !== '' && !UKPRN.test(setting.ukprn)) add(errors, 'setting.ukprn', 'errors.plan.ukprnInvalid');
  // The SEN2 code is for a placement with neither number; with one, SEN2 would get both.
  if (setting.withoutUrn !== '' && (setting.urn !== '' || setting.ukprn !== '')) {
    add(errors, 'setting.withoutUrn', 'errors.plan.settingCodeWithIdentifier');
  }
}

/**
 * Field errors for saving one section while drafting (empty when it may be saved). Only the
 * fields of the section's shape are checked; a missing list or setting counts as empty.
 */
export function validateSection(section: PlanSection, content: PlanSectionContent): Record<string, string> {
  const errors: FieldErrors = {};
  checkLength(errors, 'text', content.text ?? '', PLAN_TEXT_MAX_LENGTH);
  switch (sectionShapes[section]) {
    case 'needs':
      checkNeeds(errors, content.needs ?? { primary: '', secondary: '' });
      break;
    case 'outcomes':
      checkOutcomes(errors, content.outcomes ?? []);
      break;
    case 'provision':
      checkProvision(errors, content.provision ?? []);
      break;
    case 'setting':
      checkSetting(errors, content.setting ?? { name: '', urn: '', ukprn: '', withoutUrn: '', kind: '' });
      break;
    default:
      break;
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Ready to issue

export type MissingForIssue = {
  section: PlanSection;
  /** Translation key; the message may name the section (`{{section}}`). */
  key: PlanContentError;
  /** The form field to link to, when the gap is in one item (`provision[1].howOften`). */
  field?: string;
};

export type Readiness = { ok: true } | { ok: false; missing: MissingForIssue[] };

/** A named setting can be reported to SEN2 by a URN, a UKPRN or, failing both, a setting code. */
const identifiesSetting = (setting: NamedSetting): boolean =>
  URN.test(setting.urn) || UKPRN.test(setting.ukprn) || setting.withoutUrn !== '';

/**
 * What must still be written before a version can be issued, in section order.
 *
 * A draft (which names no setting: the family may ask for one first) needs the child's and family's views
 * (A), the needs with a primary need (B), at least one outcome (E) and at least one piece of
 * special educational provision (F). A final plan needs all of that, a named setting (I) that
 * SEN2 can report, and every item of F specified and quantified: what, who, how often and for
 * how long. Blank outcome or provision items do not count (an old row may hold some); content
 * that breaks `validateSection` is not rejected here, since every save passes through it.
 */
export function readinessToIssue(content: PlanContent, kind: 'draft' | 'final'): Readiness {
  const missing: MissingForIssue[] = [];
  const need = (section: PlanSection, key: PlanContentError, field?: string) =>
    missing.push(field === undefined ? { section, key } : { section, key, field });

  if (!written(content.A?.text)) need('A', 'errors.plan.sectionTextRequired', 'text');
  if (!written(content.B?.text)) need('B', 'errors.plan.sectionTextRequired', 'text');
  if ((content.B?.needs?.primary ?? '') === '') need('B', 'errors.plan.primaryNeedRequired', 'needs.primary');
  if (!(content.E?.outcomes ?? []).some((item) => written(item.outcome))) need('E', 'errors.plan.outcomesRequired');

  const provision = (content.F?.provision ?? []).filter((item) => written(item.what) || written(item.who));
  if (provision.length === 0) need('F', 'errors.plan.provisionRequired');

  if (kind === 'final') {
    const items = content.F?.provision ?? [];
    items.forEach((item, index) => {
      if (!written(item.what) && !written(item.who)) return; // a blank row, not provision
      const field = (name: keyof PlanProvision) => `provision[${index}].${name}`;
      if (!written(item.what)) need('F', 'errors.plan.provisionWhatRequired', field('what'));
      if (!written(item.who)) need('F', 'errors.plan.provisionWhoRequired', field('who'));
      if (!written(item.howOften)) need('F', 'errors.plan.provisionHowOftenRequired', field('howOften'));
      if (!written(item.forHowLong)) need('F', 'errors.plan.provisionForHowLongRequired', field('forHowLong'));
    });
    const setting = content.I?.setting ?? { name: '', urn: '', ukprn: '', withoutUrn: '', kind: '' };
    if (!written(setting.name)) need('I', 'errors.plan.settingNameRequired', 'setting.name');
    if (!identifiesSetting(setting)) need('I', 'errors.plan.settingIdentifierRequired', 'setting.urn');
    if (!setting.kind) need('I', 'errors.plan.settingKindRequired', 'setting.kind');
  }

  return missing.length === 0 ? { ok: true } : { ok: false, missing };
}
