import { z } from 'zod';
import { adviceKinds } from '../../../db/schema';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { requiredText } from '~/forms/text-fields';

/** Forms for asking for, writing and releasing professional advice. Errors are translation keys. */


const adviceRequestSchema = z.object({
  kind: z.enum(adviceKinds, { error: 'errors.advice.kindRequired' }),
  who: z.enum(['existing', 'new'], { error: 'errors.advice.whoRequired' }),
  professionalId: z.string().optional().default(''),
  name: z.string().trim().max(200, 'errors.advice.nameTooLong').optional().default(''),
  email: z.string().trim().max(320, 'errors.advice.emailInvalid').optional().default(''),
  formKey: z.string().uuid('errors.generic'),
});

/** The caseworker's request for advice: which kind, from whom (chosen or new), and the day they were asked. */
export function parseAdviceRequestForm(values: FormValues) {
  const form = validateForm(adviceRequestSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const date = isoFromDateParts(datePartsFrom(values, 'requestedOn'));
  if (!date.ok) errors.requestedOn = date.error;
  if (form.ok) {
    if (form.data.who === 'existing' && !form.data.professionalId) errors.professionalId = 'errors.advice.professionalRequired';
    if (form.data.who === 'new') {
      if (!form.data.name) errors.name = 'errors.advice.nameRequired';
      if (!form.data.email) errors.email = 'errors.advice.emailRequired';
      else if (!z.email().safeParse(form.data.email).success) errors.email = 'errors.advice.emailInvalid';
    }
  }
  if (!form.ok || !date.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  const d = form.data;
  return {
    ok: true as const,
    request: {
      kind: d.kind,
      professional: d.who === 'existing' ? { id: d.professionalId } : { name: d.name, email: d.email.toLowerCase() },
      requestedOn: date.iso,
      formKey: d.formKey,
    },
  };
}

const adviceFields = ['needs', 'provision', 'outcomes', 'consulted'] as const;

/** The professional's advice. A draft may be partly written; submitted advice needs every section. */
export function parseAdviceForm(values: FormValues) {
  // Only a press of one of the two buttons acts: an empty or unreadable body must never overwrite a saved draft.
  if (values.intent !== 'save' && values.intent !== 'submit') return { ok: false as const, errors: { form: 'errors.generic' } as FieldErrors };
  const submit = values.intent === 'submit';
  const errors: FieldErrors = {};
  const advice = { needs: '', provision: '', outcomes: '', consulted: '' };
  for (const field of adviceFields) {
    const value = (values[field] ?? '').trim();
    if (value.length > 20000) errors[field] = 'errors.advice.tooLong';
    else if (submit && !value) errors[field] = `errors.advice.${field}Required`;
    advice[field] = value;
  }
  if (Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, advice, submit };
}

/** Translation keys of the per-section "required" errors above, written out for the translation test. */
export const adviceRequiredKeys = ['errors.advice.needsRequired', 'errors.advice.provisionRequired', 'errors.advice.outcomesRequired', 'errors.advice.consultedRequired'] as const;

const withholdSchema = z.object({ reason: requiredText('errors.advice.withholdReasonRequired', 'errors.advice.withholdReasonTooLong', 2000).pipe(z.string().min(10, 'errors.advice.withholdReasonTooShort')) });

export function parseWithholdForm(values: FormValues) {
  return validateForm(withholdSchema, values);
}

