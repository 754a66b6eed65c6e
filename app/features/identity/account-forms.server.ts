import { z } from 'zod';
import { supportedLocales } from '~/i18n/config';
import { isCommonPassword } from '~/auth/password.server';
import { confirmPasswordField, currentPasswordField, newPasswordRule, passwordsMatch } from '~/forms/password-rule';

/**
 * Account forms. Each message is a translation key; each rule has a specific message, as the
 * GOV.UK Design System asks.
 */
const text = (required: string) => z.string({ error: required }).trim().min(1, required);

export const emailField = text('errors.email.required')
  .max(254, 'errors.email.tooLong')
  .pipe(z.email('errors.email.format'))
  .transform((e) => e.toLowerCase());

/** The shared rule (app/forms/password-rule.ts), plus the breached-password list the browser never gets. */
export const newPasswordField = newPasswordRule.check(z.refine((v: string) => !isCommonPassword(v), 'errors.password.common'));

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required').max(200, 'errors.password.tooLong'),
});

const nameField = text('errors.name.required').max(120, 'errors.name.tooLong');

export const registerSchema = z
  .object({
    name: nameField,
    email: emailField,
    accountType: z.enum(['parent', 'young_person'], { error: 'errors.accountType.required' }),
    password: newPasswordField,
    confirmPassword: confirmPasswordField,
  })
  .check(passwordsMatch);

export const forgotPasswordSchema = z.object({ email: emailField });

export const choosePasswordSchema = z
  .object({ token: z.string().min(1).max(100), password: newPasswordField, confirmPassword: confirmPasswordField })
  .check(passwordsMatch);

export const changePasswordSchema = z
  .object({ currentPassword: currentPasswordField, password: newPasswordField, confirmPassword: confirmPasswordField })
  .check(passwordsMatch);

export const changeEmailSchema = z.object({ email: emailField, currentPassword: currentPasswordField });

export const inviteStaffSchema = z.object({
  name: text('errors.name.required').max(120, 'errors.name.tooLong'),
  email: emailField,
  role: z.enum(['caseworker', 'manager', 'la_admin'], { error: 'errors.staffRole.required' }),
  teamId: z.string().optional(),
}).refine((v) => v.role !== 'caseworker' || (v.teamId && v.teamId.length > 0), {
  path: ['teamId'],
  message: 'errors.team.required',
});

export const languageSchema = z.object({ locale: z.enum(supportedLocales), returnTo: z.string().optional() });

export const messageEmailsSchema = z.object({ messageEmails: z.enum(['immediate', 'daily'], 'errors.messageEmails.required') });

export const changeNameSchema = z.object({ name: nameField });

/** The address a "send the email again" button asks about: only as the form checks it. */
export const resendSchema = z.object({ email: emailField });
