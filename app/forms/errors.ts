/** Field name -> translation key of the first problem with it. Shared by browser and server. */
export type FieldErrors = Record<string, string>;

const GENERIC = 'errors.generic';

/** Accepts the issues of any zod build (zod or zod/mini). */
export function fieldErrorsFrom(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    if (errors[field]) continue;
    errors[field] = issue.message.startsWith('errors.') ? issue.message : GENERIC;
  }
  return errors;
}
