import { z } from 'zod';
import { addDays, todayInLondon } from '~/domain/timescales';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';

const assistedSchema = z.object({
  firstName: z.string().trim().min(1, 'errors.child.firstName').max(100, 'errors.child.nameTooLong'),
  lastName: z.string().trim().min(1, 'errors.child.lastName').max(100, 'errors.child.nameTooLong'),
  parentEmail: z.union([z.literal(''), z.email('errors.email.format')]),
  receivedVia: z.enum(['phone', 'letter', 'email', 'school'], { error: 'errors.intake.receivedVia' }),
  asking: z.string().trim().min(1, 'errors.request.asking').max(5000, 'errors.request.tooLong'),
});

/**
 * A request recorded by a caseworker: the child, how it arrived, and the day it actually
 * arrived (today or up to a year ago; the statutory clock started then).
 */
export function parseAssistedRequestForm(values: FormValues, now = new Date()) {
  const form = validateForm(assistedSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const today = todayInLondon(now);
  const dob = isoFromDateParts(datePartsFrom(values, 'dateOfBirth'));
  if (!dob.ok) errors.dateOfBirth = dob.error === 'errors.date.required' ? 'errors.child.dateOfBirthRequired' : dob.error;
  else if (dob.iso > today) errors.dateOfBirth = 'errors.child.dateOfBirthFuture';
  const received = isoFromDateParts(datePartsFrom(values, 'receivedOn'));
  if (!received.ok) errors.receivedOn = received.error;
  else if (received.iso > today) errors.receivedOn = 'errors.intake.receivedFuture';
  else if (received.iso < addDays(today, -365)) errors.receivedOn = 'errors.intake.receivedTooOld';
  if (!form.ok || !dob.ok || !received.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return {
    ok: true as const,
    request: { ...form.data, parentEmail: form.data.parentEmail.toLowerCase(), dateOfBirth: dob.iso, receivedOn: received.iso },
  };
}
