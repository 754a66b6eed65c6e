import { useActionData, useLoaderData } from '@remix-run/react';
import { useRef } from 'react';
import type { FieldErrors } from '~/forms/errors';

export type FormFailure = { errors: FieldErrors; values: Record<string, string> };

/**
 * What the last submit of this route's form left: errors per field and what was typed.
 * `formKey` changes with every answer from the server (a failed submit, or the page's data
 * reloading after a successful one): keying the form with it re-renders the fields from the
 * server's values, so with JavaScript on the page ends up exactly as it would without
 * (passwords cleared, a sent message gone from the box, everything else kept).
 * The data reloading after a failed submit does not count: the form was already redrawn when
 * the errors arrived, and what the person has typed since must stay.
 */
export function useFormResult() {
  const data = useActionData<Partial<FormFailure> | undefined>();
  const page = useLoaderData();
  const seen = useRef({ data, page, key: 0 });
  if (seen.current.data !== data || (data === undefined && seen.current.page !== page)) seen.current = { data, page, key: seen.current.key + 1 };
  return { errors: data?.errors ?? {}, values: data?.values ?? {}, formKey: seen.current.key };
}

/** Whether any route on the page is showing form errors (for the "Error: " title prefix). */
export function hasFormErrors(actionData: Record<string, unknown> | null | undefined) {
  return Object.values(actionData ?? {}).some(
    (d) => d !== null && typeof d === 'object' && 'errors' in d && Object.keys((d as FormFailure).errors ?? {}).length > 0,
  );
}
