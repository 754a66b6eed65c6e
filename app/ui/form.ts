import { useActionData } from '@remix-run/react';
import type { FieldErrors } from '~/forms/errors';

export type FormFailure = { errors: FieldErrors; values: Record<string, string> };

/** What the last submit of this route's form left: errors per field and what was typed. */
export function useFormResult() {
  const data = useActionData<Partial<FormFailure> | undefined>();
  return { errors: data?.errors ?? {}, values: data?.values ?? {} };
}

/** Whether any route on the page is showing form errors (for the "Error: " title prefix). */
export function hasFormErrors(actionData: Record<string, unknown> | null | undefined) {
  return Object.values(actionData ?? {}).some(
    (d) => d !== null && typeof d === 'object' && 'errors' in d && Object.keys((d as FormFailure).errors ?? {}).length > 0,
  );
}
