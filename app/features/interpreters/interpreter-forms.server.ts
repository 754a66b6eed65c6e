import { z } from 'zod';
import { genderPreferences, interpreterPurposes, parseTimeOfDay } from '~/domain/interpreters';
import { isUuid } from '~/domain/ids';
import { londonInstant } from '~/domain/service-standards';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { optionalText, requiredText } from '~/forms/text-fields';
import { INTERPRETER_DETAILS_MAX_LENGTH } from '~/forms/text-limits';

const askSchema = z.object({
  purpose: z.enum(interpreterPurposes, { error: 'errors.interpreter.purposeRequired' }),
  language: requiredText('errors.interpreter.languageRequired', 'errors.interpreter.languageTooLong', 100),
  dialect: optionalText('errors.interpreter.dialectTooLong', 100),
  genderPreference: z.enum(genderPreferences, { error: 'errors.interpreter.genderRequired' }),
  details: optionalText('errors.interpreter.detailsTooLong', INTERPRETER_DETAILS_MAX_LENGTH),
  formKey: z.string().uuid('errors.generic'),
});

export type InterpreterAsk = z.output<typeof askSchema>;

/** The family's request: which language (and dialect), for what, and any preference. */
export function parseInterpreterAsk(values: FormValues) {
  return validateForm(askSchema, values);
}

const bookSchema = z.object({
  requestId: z.string().refine(isUuid, 'errors.generic'),
  interpreterId: z.string({ error: 'errors.interpreter.interpreterRequired' }).refine(isUuid, 'errors.interpreter.interpreterRequired'),
  time: z.string().trim().min(1, 'errors.interpreter.timeRequired'),
  independent: z.literal('yes', { error: 'errors.interpreter.independentRequired' }),
});

export type InterpreterBooking = { requestId: string; interpreterId: string; bookedFor: Date };

/** A booking: who, on which day at what time (UK time), and that they are independent of the family. */
export function parseInterpreterBooking(values: FormValues, now: Date) {
  const form = validateForm(bookSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const date = isoFromDateParts(datePartsFrom(values, 'bookedOn'));
  if (!date.ok) errors.bookedOn = date.error;
  const time = form.ok ? parseTimeOfDay(form.data.time) : null;
  if (form.ok && !time) errors.time = 'errors.interpreter.timeInvalid';
  if (!form.ok || !date.ok || !time || Object.keys(errors).length > 0) return { ok: false as const, errors };
  const [hour, minute] = time.split(':').map(Number);
  const bookedFor = new Date(londonInstant(date.iso, hour).getTime() + minute * 60_000);
  if (bookedFor <= now) return { ok: false as const, errors: { bookedOn: 'errors.interpreter.inThePast' } };
  return { ok: true as const, booking: { requestId: form.data.requestId, interpreterId: form.data.interpreterId, bookedFor } satisfies InterpreterBooking };
}
