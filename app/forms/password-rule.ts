import * as z from 'zod/mini';

/**
 * The one rule for a new password (ADR 0017), wherever one is chosen: registration, a reset
 * link, an invitation, "change your password". The browser runs these schemas before sending
 * (app/ui/EnhancedPasswordForm.tsx) and the actions run them again with the check against the
 * list of common breached passwords added (app/forms/account.server.ts), which stays on the
 * server. zod/mini keeps the browser's share small.
 *
 * Length is counted in characters as a person counts them (code points), so "ą" or an emoji is
 * one. There is no rule on character classes (NCSC): three random words are long and memorable.
 */
export const PASSWORD_MIN_CHARACTERS = 12;
/** A bound on work, not a truncation: anything longer is refused, never cut. */
export const PASSWORD_MAX_CHARACTERS = 200;

const characters = (value: string) => [...value].length;

export const newPasswordRule = z.string({ error: 'errors.password.required' }).check(
  z.minLength(1, 'errors.password.required'),
  z.refine((v: string) => characters(v) >= PASSWORD_MIN_CHARACTERS, 'errors.password.tooShort'),
  z.refine((v: string) => characters(v) <= PASSWORD_MAX_CHARACTERS, 'errors.password.tooLong'),
);

export const confirmPasswordField = z.string({ error: 'errors.confirmPassword.required' }).check(z.minLength(1, 'errors.confirmPassword.required'));

/** The password someone has now, to prove it is them before a change. */
export const currentPasswordField = z
  .string({ error: 'errors.currentPassword.required' })
  .check(z.minLength(1, 'errors.currentPassword.required'), z.maxLength(PASSWORD_MAX_CHARACTERS, 'errors.currentPassword.incorrect'));

export const passwordsMatch = z.refine<{ password: string; confirmPassword: string }>((v) => v.password === v.confirmPassword, {
  path: ['confirmPassword'],
  message: 'errors.confirmPassword.mismatch',
});

/** What the browser checks on a form that sets a password from a link (reset, invitation). */
export const chooseNewPasswordSchema = z.object({ password: newPasswordRule, confirmPassword: confirmPasswordField }).check(passwordsMatch);

/** What the browser checks on "change your password". */
export const changePasswordFieldsSchema = z
  .object({ currentPassword: currentPasswordField, password: newPasswordRule, confirmPassword: confirmPasswordField })
  .check(passwordsMatch);
