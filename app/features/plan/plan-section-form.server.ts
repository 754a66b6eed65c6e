import { sectionShapes, type PlanSection, type PlanSectionContent } from '~/domain/plan-content';
import { parseSection } from '~/domain/plan-validation';
import { hasForbiddenCharacters } from '~/forms/characters.server';
import type { FieldErrors } from '~/forms/errors';
import type { FormValues } from '~/forms/form.server';

/**
 * One section of the plan as the caseworker's form posts it. Lists arrive as numbered rows
 * (`provision[2].who`); a row ticked "Remove" or left blank is dropped, a new row gets its id
 * here, so an item keeps its id from version to version and the comparison can follow it.
 */

const LIST_FIELDS = { outcomes: ['outcome', 'byWhen', 'steps'], provision: ['what', 'who', 'howOften', 'forHowLong'] } as const;
/** Fields typed in a textarea: line breaks allowed. */
const MULTI_LINE = /^(text|outcomes\[\d+\]\.(outcome|steps)|provision\[\d+\]\.what)$/;

export type SectionForm = { ok: true; content: PlanSectionContent } | { ok: false; errors: FieldErrors };

export function sectionFromForm(section: PlanSection, values: FormValues, newId: () => string = () => crypto.randomUUID()): SectionForm {
  const unsafe: FieldErrors = {};
  for (const [name, value] of Object.entries(values)) {
    if (hasForbiddenCharacters(MULTI_LINE.test(name) ? 'body' : 'name', value)) unsafe[name] = 'errors.characters.answer';
  }
  if (Object.keys(unsafe).length > 0) return { ok: false, errors: unsafe };
  const text = (name: string) => (values[name] ?? '').trim();
  const raw: Record<string, unknown> = { text: text('text') };
  const shape = sectionShapes[section];
  if (shape === 'needs') raw.needs = { primary: text('needs.primary'), secondary: text('needs.secondary') };
  if (shape === 'setting') raw.setting = { name: text('setting.name'), urn: text('setting.urn').replace(/\s/g, ''), ukprn: text('setting.ukprn').replace(/\s/g, ''), withoutUrn: text('setting.withoutUrn'), kind: text('setting.kind') };
  if (shape === 'budget') raw.personalBudget = values.personalBudget === 'yes';
  if (shape === 'outcomes' || shape === 'provision') raw[shape] = rows(values, shape, LIST_FIELDS[shape], newId);
  return { ok: true, content: parseSection(section, raw) };
}

function rows(values: FormValues, list: keyof typeof LIST_FIELDS, fields: readonly string[], newId: () => string) {
  const indices = new Set<number>();
  for (const name of Object.keys(values)) {
    const match = new RegExp(`^${list}\\[(\\d+)\\]\\.`).exec(name);
    if (match) indices.add(Number(match[1]));
  }
  return [...indices]
    .sort((a, b) => a - b)
    .flatMap((index) => {
      const at = (field: string) => (values[`${list}[${index}].${field}`] ?? '').trim();
      if (at('remove') === 'yes') return [];
      const item: Record<string, string> = {};
      for (const field of fields) item[field] = at(field);
      if (fields.every((field) => !item[field])) return [];
      return [{ id: at('id') || newId(), ...item }];
    });
}

/** Errors about list rows name the row as the form numbers it (`provision[2].who`); the form lists rows in the same order. */
export const planListFields = LIST_FIELDS;

/** The form's fields for a section's content: what the page shows, saved or as just refused. */
export function sectionFormValues(section: PlanSection, content: PlanSectionContent): FormValues {
  const values: FormValues = { text: content.text };
  if (content.needs) Object.assign(values, { 'needs.primary': content.needs.primary, 'needs.secondary': content.needs.secondary });
  if (content.setting) Object.assign(values, { 'setting.name': content.setting.name, 'setting.urn': content.setting.urn, 'setting.ukprn': content.setting.ukprn, 'setting.withoutUrn': content.setting.withoutUrn, 'setting.kind': content.setting.kind });
  if (sectionShapes[section] === 'budget') values.personalBudget = content.personalBudget ? 'yes' : 'no';
  for (const list of ['outcomes', 'provision'] as const) {
    (content[list] ?? []).forEach((item, index) => {
      for (const [field, value] of Object.entries(item)) values[`${list}[${index}].${field}`] = value;
    });
  }
  return values;
}
