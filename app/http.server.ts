import { json } from '@remix-run/node';
import { getEnv } from './env.server';
import type { FieldErrors } from './forms/errors';
import type { FormValues } from './forms/form.server';

/** The address emailed links start with: PUBLIC_BASE_URL, or where this request arrived. */
export function originOf(request: Request): string {
  return getEnv().PUBLIC_BASE_URL?.replace(/\/$/, '') ?? new URL(request.url).origin;
}

/**
 * Whether a POST came from one of our own pages. Browsers send Origin with every POST; a
 * request without one (a script, a test) is not a cross-site form and counts as ours.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('Origin');
  return !origin || origin === new URL(request.url).origin || origin === getEnv().PUBLIC_BASE_URL?.replace(/\/$/, '');
}

/** A failed form: 400 with the errors and everything typed, so the page shows both. */
export function formFailure(errors: FieldErrors, values: FormValues) {
  return json({ errors, values }, { status: 400 });
}
