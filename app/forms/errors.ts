import type { z } from 'zod';

/** Field name -> translation key of the first problem with it. Shared by browser and server. */
export type FieldErrors = Record<string, string>;

const GENERIC = 'errors.generic';

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || 'form';
    if (errors[field]) continue;
    errors[field] = issue.message.startsWith('errors.') ? issue.message : GENERIC;
  }
  return errors;
}
