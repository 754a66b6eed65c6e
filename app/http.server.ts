import { json } from '@remix-run/node';
import { getEnv } from './env.server';
import type { FieldErrors } from './forms/errors';
import type { FormValues } from './forms/form.server';

/** The address emailed links start with: PUBLIC_BASE_URL, or where this request arrived. */
export function originOf(request: Request): string {
  return getEnv().PUBLIC_BASE_URL?.replace(/\/$/, '') ?? new URL(request.url).origin;
}

/** A failed form: 400 with the errors and everything typed, so the page shows both. */
export function formFailure(errors: FieldErrors, values: FormValues) {
  return json({ errors, values }, { status: 400 });
}
