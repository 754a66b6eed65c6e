import { z } from 'zod';
import { MAX_TEXT, MAX_TEXTAREA, requestSections, type SectionSpec } from './request-sections';
import { fieldErrorsFrom, type FieldErrors } from './errors';
import type { FormValues } from './form.server';

/**
 * Validation for the request's sections, built from their descriptions. Answers are kept as
 * text exactly as typed (trimmed); they are shown back as text, never as HTML.
 */
function schemaFor(section: SectionSpec) {
  const shape: Record<string, z.ZodType<string>> = {};
  for (const field of section.fields) {
    const max = field.maxLength ?? (field.kind === 'textarea' ? MAX_TEXTAREA : MAX_TEXT);
    let rule = z.string().trim().max(max, 'errors.request.tooLong');
    if (field.choices && field.kind === 'radios') {
      const allowed = field.choices.map((c) => c.value);
      rule = rule.refine((v) => v === '' || allowed.includes(v), field.requiredKey);
    }
    if (field.choices && field.kind === 'checkboxes') {
      const allowed = field.choices.map((c) => c.value);
      rule = rule.refine((v) => v === '' || v.split(',').every((part) => allowed.includes(part)), field.requiredKey);
    }
    shape[field.name] = field.optional || field.requiredWhen ? rule : rule.pipe(z.string().min(1, field.requiredKey));
  }
  return z.object(shape).superRefine((answers, ctx) => {
    for (const field of section.fields) {
      const when = field.requiredWhen;
      if (when && answers[when.field] === when.equals && !answers[field.name]) {
        ctx.addIssue({ code: 'custom', path: [field.name], message: field.requiredKey });
      }
    }
  });
}

const schemas = new Map(requestSections.map((s) => [s.slug, schemaFor(s)]));

/** The section's answers from a posted form: only its own fields, each as text. */
export function sectionValues(section: SectionSpec, values: FormValues): Record<string, string> {
  return Object.fromEntries(section.fields.map((f) => [f.name, values[f.name] ?? '']));
}

export function validateSection(section: SectionSpec, answers: Record<string, string>): { ok: true; answers: Record<string, string> } | { ok: false; errors: FieldErrors } {
  const result = schemas.get(section.slug)!.safeParse(answers);
  if (!result.success) return { ok: false, errors: fieldErrorsFrom(result.error) };
  // A conditional answer no longer needed is dropped, so check-your-answers never shows it.
  const cleaned = { ...result.data };
  for (const field of section.fields) {
    if (field.requiredWhen && cleaned[field.requiredWhen.field] !== field.requiredWhen.equals) cleaned[field.name] = '';
  }
  return { ok: true, answers: cleaned };
}

/** A section is complete when its saved answers pass its validation. */
export function sectionIsComplete(section: SectionSpec, saved: Record<string, string> | undefined) {
  return saved !== undefined && validateSection(section, saved).ok;
}
