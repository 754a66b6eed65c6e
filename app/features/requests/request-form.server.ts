import { characterErrors } from '~/forms/characters.server';
import { fieldErrorsFrom, type FieldErrors } from '~/forms/errors';
import type { FormValues } from '~/forms/form.server';
import { answersFrom, sectionSchema } from './request-schema';
import { requestSections, type SectionSpec } from './request-sections';

/**
 * Server-side use of the request's section schemas (the same ones the browser runs). Answers
 * are kept as text exactly as typed (trimmed); they are shown back as text, never as HTML.
 */
const schemas = new Map(requestSections.map((s) => [s.slug, sectionSchema(s)]));

/** The section's answers from a posted form: only its own fields, each as text. */
export function sectionValues(section: SectionSpec, values: FormValues): Record<string, string> {
  return answersFrom(section, values);
}

/**
 * What in a section's answers may not be stored at all, even in a draft saved without checking:
 * control characters (./characters.server.ts), as in every form. Empty when the answers may be saved.
 */
export function unsavableAnswers(answers: Record<string, string>): FieldErrors {
  return characterErrors(answers);
}

export function validateSection(section: SectionSpec, answers: Record<string, string>): { ok: true; answers: Record<string, string> } | { ok: false; errors: FieldErrors } {
  const result = schemas.get(section.slug)!.safeParse(answers);
  if (!result.success) return { ok: false, errors: fieldErrorsFrom(result.error) };
  // A conditional answer no longer needed is dropped, so check-your-answers never shows it.
  const cleaned: Record<string, string> = { ...result.data };
  for (const field of section.fields) {
    if (field.requiredWhen && cleaned[field.requiredWhen.field] !== field.requiredWhen.equals) cleaned[field.name] = '';
  }
  return { ok: true, answers: cleaned };
}

/** A section is complete when its saved answers pass its validation. */
export function sectionIsComplete(section: SectionSpec, saved: Record<string, string> | undefined) {
  return saved !== undefined && validateSection(section, saved).ok;
}
