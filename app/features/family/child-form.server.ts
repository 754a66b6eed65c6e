import { z } from 'zod';
import { todayInLondon } from '~/domain/timescales';
import type { FieldErrors } from '~/forms/errors';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import { validateForm, type FormValues } from '~/forms/form.server';

const childSchema = z.object({
  firstName: z.string().trim().min(1, 'errors.child.firstName').max(100, 'errors.child.nameTooLong'),
  lastName: z.string().trim().min(1, 'errors.child.lastName').max(100, 'errors.child.nameTooLong'),
  school: z.string().trim().max(200, 'errors.request.tooLong').default(''),
  otherParentalResponsibility: z.string().trim().max(1000, 'errors.request.tooLong').default(''),
  laId: z.string().uuid('errors.child.la'),
});

/** A child's details; the date of birth must be real, in the past, and within the 0-25 range. */
export function parseChildForm(values: FormValues, now = new Date()) {
  const form = validateForm(childSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const dob = isoFromDateParts(datePartsFrom(values, 'dateOfBirth'));
  const today = todayInLondon(now);
  if (!dob.ok) errors.dateOfBirth = dob.error === 'errors.date.required' ? 'errors.child.dateOfBirthRequired' : dob.error;
  else if (dob.iso > today) errors.dateOfBirth = 'errors.child.dateOfBirthFuture';
  else if (Number(today.slice(0, 4)) - Number(dob.iso.slice(0, 4)) > 26) errors.dateOfBirth = 'errors.child.tooOld';
  if (!form.ok || !dob.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, child: { ...form.data, dateOfBirth: dob.iso } };
}
