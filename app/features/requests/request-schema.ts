import * as z from 'zod/mini';
import { MAX_TEXT, MAX_TEXTAREA, type SectionSpec } from './request-sections';

/**
 * The one schema for each section of the request, built from its description. The action
 * validates with it and react-hook-form runs the same schema in the browser, so both always
 * agree. zod/mini keeps it small enough for the browser's budget.
 */
export type SectionAnswers = Record<string, string>;

function fieldSchema(field: SectionSpec['fields'][number]) {
  const max = field.maxLength ?? (field.kind === 'textarea' ? MAX_TEXTAREA : MAX_TEXT);
  const checks: z.core.$ZodCheck<string>[] = [z.trim(), z.maxLength(max, 'errors.request.tooLong')];
  if (!field.optional && !field.requiredWhen) checks.push(z.minLength(1, field.requiredKey));
  if (field.choices) {
    const allowed = field.choices.map((c) => c.value);
    checks.push(z.refine((v: string) => v === '' || v.split(',').every((part) => allowed.includes(part)), field.requiredKey));
  }
  return z.string().check(...checks);
}

export function sectionSchema(section: SectionSpec) {
  const shape: Record<string, ReturnType<typeof fieldSchema>> = {};
  for (const field of section.fields) shape[field.name] = fieldSchema(field);
  return z.object(shape).check(
    z.superRefine((answers, ctx) => {
      for (const field of section.fields) {
        const when = field.requiredWhen;
        if (when && answers[when.field] === when.equals && !answers[field.name]) {
          ctx.issues.push({ code: 'custom', path: [field.name], message: field.requiredKey, input: answers });
        }
      }
    }),
  );
}

/** Form values as text: checkboxes arrive as lists (browser) or comma-joined (server). */
export function answersFrom(section: SectionSpec, values: Record<string, unknown>): SectionAnswers {
  return Object.fromEntries(
    section.fields.map((f) => {
      const v = values[f.name];
      const text = Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x).join(',') : typeof v === 'string' ? v : v === true ? 'yes' : '';
      return [f.name, text];
    }),
  );
}
