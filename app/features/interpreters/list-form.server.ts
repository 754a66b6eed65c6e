import { z } from 'zod';
import { interpreterGenders, parseLanguages } from '~/domain/interpreters';
import { isUkPhoneNumber } from '~/domain/council';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { requiredText } from '~/forms/text-fields';

const emptyToNull = (v: string) => (v === '' ? null : v);

const listEntrySchema = z.object({
  name: requiredText('errors.interpreterList.nameRequired', 'errors.interpreterList.nameTooLong', 200),
  languages: requiredText('errors.interpreterList.languagesRequired', 'errors.interpreterList.languagesTooLong', 500).transform(parseLanguages),
  gender: z.union([z.enum(interpreterGenders), z.literal('')]).optional().default('').transform((v) => (v === '' ? null : v)),
  email: z
    .string()
    .trim()
    .max(320, 'errors.interpreterList.emailInvalid')
    .refine((v) => v === '' || z.string().email().safeParse(v).success, 'errors.interpreterList.emailInvalid')
    .optional()
    .default('')
    .transform(emptyToNull),
  phone: z
    .string()
    .trim()
    .refine((v) => v === '' || isUkPhoneNumber(v), 'errors.interpreterList.phoneInvalid')
    .optional()
    .default('')
    .transform(emptyToNull),
  formKey: z.string().uuid('errors.generic'),
});

export type InterpreterListEntry = z.output<typeof listEntrySchema>;

/** An interpreter added to the council's list; at least one way to reach them. */
export function parseInterpreterListEntry(values: FormValues) {
  const form = validateForm(listEntrySchema, values);
  if (form.ok && !form.data.email && !form.data.phone) return { ok: false as const, errors: { email: 'errors.interpreterList.contactRequired' } as FieldErrors };
  return form;
}
