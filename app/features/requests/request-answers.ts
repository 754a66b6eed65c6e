import type { TFunction } from 'i18next';
import type { FieldSpec, SectionSpec } from './request-sections';

/** A request's answers: section slug -> field name -> what was typed or chosen. */
export type RequestAnswerValues = Record<string, Record<string, string>>;

/** What a field's answer reads as: choices by their labels, text as typed, "Not answered" when empty. */
export function shownAnswer(t: TFunction, field: FieldSpec, raw: string) {
  if (!field.choices) return raw;
  return raw
    .split(',')
    .filter(Boolean)
    .map((value) => t(field.choices!.find((choice) => choice.value === value)?.labelKey ?? 'request.check.notAnswered'))
    .join(', ');
}

/** The questions a section asked, given the answers: a question shown only after another answer is left out otherwise. */
export function askedFields(section: SectionSpec, answers: RequestAnswerValues) {
  return section.fields.filter((field) => !field.requiredWhen || answers[section.slug]?.[field.requiredWhen.field] === field.requiredWhen.equals);
}
