import type { z } from 'zod';
import { fieldErrorsFrom, type FieldErrors } from './errors';

/**
 * The one way an action reads a form: every field as text (nothing the user typed is lost),
 * validated with the form's zod schema. Errors are translation keys per field.
 */
export type FormValues = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T; values: FormValues }
  | { ok: false; errors: FieldErrors; values: FormValues };

/** Repeated fields (checkboxes) are joined with commas; choice values never contain one. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData) {
    if (typeof value !== 'string') continue;
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

export function validateForm<S extends z.ZodType>(schema: S, values: FormValues): FormResult<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values };
  return { ok: false, errors: fieldErrorsFrom(result.error), values };
}

/** Reads a urlencoded or multipart body; a malformed body is treated as an empty form, never a 500. */
export async function readForm(request: Request): Promise<FormValues> {
  try {
    return formValues(await request.formData());
  } catch {
    return {};
  }
}

/** Passwords are never sent back to the browser. */
export function withoutSecrets(values: FormValues, secretFields: readonly string[]): FormValues {
  const copy = { ...values };
  for (const field of secretFields) delete copy[field];
  return copy;
}
