import { z } from 'zod';
import { addDays, todayInLondon } from '~/domain/timescales';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { emailField } from '../identity/index.server';

const text = (required: string, max: number, tooLong: string) => z.string({ error: required }).trim().min(1, required).max(max, tooLong);

const schoolRequestSchema = z.object({
  firstName: text('errors.child.firstName', 100, 'errors.child.nameTooLong'),
  lastName: text('errors.child.lastName', 100, 'errors.child.nameTooLong'),
  parentName: text('errors.settingRequest.parentName', 120, 'errors.name.tooLong'),
  parentEmail: emailField,
  agreementConfirmed: z.literal('yes', {
    error: 'errors.settingRequest.agreementConfirmed',
  }),
  agreementNote: text('errors.settingRequest.agreementNote', 2000, 'errors.settingRequest.tooLong'),
  difficulties: text('errors.settingRequest.difficulties', 5000, 'errors.settingRequest.tooLong'),
  supportSoFar: text('errors.settingRequest.supportSoFar', 5000, 'errors.settingRequest.tooLong'),
});

export type SchoolRequestInput = z.output<typeof schoolRequestSchema> & {
  dateOfBirth: string;
  agreedOn: string;
};

/**
 * A setting's request for an assessment (issue 14, ADR 0046): the child, the parent to tell, the
 * family's agreement (the day it was given, a confirmation, and how it was given) and the
 * setting's reasons and evidence. The agreement is from the last year, never the future.
 */
export function parseSchoolRequestForm(values: FormValues, now = new Date()): { ok: true; request: SchoolRequestInput } | { ok: false; errors: FieldErrors } {
  const form = validateForm(schoolRequestSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const today = todayInLondon(now);
  const dob = isoFromDateParts(datePartsFrom(values, 'dateOfBirth'));
  if (!dob.ok) errors.dateOfBirth = dob.error === 'errors.date.required' ? 'errors.child.dateOfBirthRequired' : dob.error;
  else if (dob.iso > today) errors.dateOfBirth = 'errors.child.dateOfBirthFuture';
  const agreed = isoFromDateParts(datePartsFrom(values, 'agreedOn'));
  if (!agreed.ok) errors.agreedOn = agreed.error === 'errors.date.required' ? 'errors.settingRequest.agreedOnRequired' : agreed.error;
  else if (agreed.iso > today) errors.agreedOn = 'errors.settingRequest.agreedOnFuture';
  else if (agreed.iso < addDays(today, -365)) errors.agreedOn = 'errors.settingRequest.agreedOnTooOld';
  if (!form.ok || !dob.ok || !agreed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: { ...form.data, dateOfBirth: dob.iso, agreedOn: agreed.iso },
  };
}
