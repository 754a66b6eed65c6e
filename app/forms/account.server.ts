import { z } from 'zod';

/**
 * Account forms. Each message is a translation key; each rule has a specific message, as the
 * GOV.UK Design System asks.
 */
const text = (required: string) => z.string({ error: required }).trim().min(1, required);

export const emailField = text('errors.email.required')
  .max(254, 'errors.email.tooLong')
  .pipe(z.email('errors.email.format'))
  .transform((e) => e.toLowerCase());

export const newPasswordField = z
  .string({ error: 'errors.password.required' })
  .min(1, 'errors.password.required')
  .min(10, 'errors.password.tooShort')
  .max(200, 'errors.password.tooLong');

export const signInSchema = z.object({
  email: emailField,
  password: z.string({ error: 'errors.password.required' }).min(1, 'errors.password.required').max(200, 'errors.password.tooLong'),
});

export const registerSchema = z
  .object({
    name: text('errors.name.required').max(120, 'errors.name.tooLong'),
    email: emailField,
    accountType: z.enum(['parent', 'young_person'], { error: 'errors.accountType.required' }),
    password: newPasswordField,
    confirmPassword: z.string({ error: 'errors.confirmPassword.required' }).min(1, 'errors.confirmPassword.required'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'errors.confirmPassword.mismatch' });

export const forgotPasswordSchema = z.object({ email: emailField });

export const choosePasswordSchema = z
  .object({
    token: z.string().min(1).max(100),
    password: newPasswordField,
    confirmPassword: z.string({ error: 'errors.confirmPassword.required' }).min(1, 'errors.confirmPassword.required'),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ['confirmPassword'], message: 'errors.confirmPassword.mismatch' });

export const inviteStaffSchema = z.object({
  name: text('errors.name.required').max(120, 'errors.name.tooLong'),
  email: emailField,
  role: z.enum(['caseworker', 'manager', 'la_admin'], { error: 'errors.staffRole.required' }),
  teamId: z.string().optional(),
}).refine((v) => v.role !== 'caseworker' || (v.teamId && v.teamId.length > 0), {
  path: ['teamId'],
  message: 'errors.team.required',
});

export const languageSchema = z.object({ locale: z.enum(['en', 'pl']), returnTo: z.string().optional() });

export const messageEmailsSchema = z.object({ messageEmails: z.enum(['immediate', 'daily'], 'errors.messageEmails.required') });
