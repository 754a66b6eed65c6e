import { z } from 'zod';
import { complaintOutcomes, complaintTimesErrors, staffRecordedChannels, type ComplaintTimes } from '~/domain/complaints';
import { compareDates, type IsoDate } from '~/domain/timescales';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { requiredText } from '~/forms/text-fields';
import { COMPLAINT_ABOUT_MAX_LENGTH, COMPLAINT_LETTER_MAX_LENGTH, COMPLAINT_PUT_RIGHT_MAX_LENGTH } from '~/forms/text-limits';

/** The forms of a complaint (ADR 0050); every error is a translation key in the complaints namespace. */

const complaintSchema = z.object({
  about: requiredText('errors.complaints.aboutRequired', 'errors.complaints.aboutTooLong', COMPLAINT_ABOUT_MAX_LENGTH),
  putRight: requiredText('errors.complaints.putRightRequired', 'errors.complaints.putRightTooLong', COMPLAINT_PUT_RIGHT_MAX_LENGTH),
  formKey: z.string().uuid('errors.generic'),
});

export type ComplaintText = z.output<typeof complaintSchema>;

/** The family's complaint: what it is about and what would put it right. */
export function parseComplaint(values: FormValues) {
  return validateForm(complaintSchema, values);
}

const recordedSchema = complaintSchema.extend({
  complainantName: requiredText('errors.complaints.nameRequired', 'errors.complaints.nameTooLong', 200),
  channel: z.enum(staffRecordedChannels, { error: 'errors.complaints.channelRequired' }),
});

export type RecordedComplaint = z.output<typeof recordedSchema> & { receivedOn: IsoDate };

/** A complaint staff received by phone, letter or email: who made it, how, and on which day (not in the future). */
export function parseRecordedComplaint(values: FormValues, today: IsoDate): { ok: true; data: RecordedComplaint } | { ok: false; errors: FieldErrors } {
  const form = validateForm(recordedSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const date = isoFromDateParts(datePartsFrom(values, 'receivedOn'));
  if (!date.ok) errors.receivedOn = date.error;
  else if (compareDates(date.iso, today) > 0) errors.receivedOn = 'errors.complaints.receivedInFuture';
  if (!form.ok || !date.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { ...form.data, receivedOn: date.iso } };
}

const responseSchema = z.object({
  outcome: z.enum(complaintOutcomes, { error: 'errors.complaints.outcomeRequired' }),
  letter: requiredText('errors.complaints.letterRequired', 'errors.complaints.letterTooLong', COMPLAINT_LETTER_MAX_LENGTH),
  stage: z.enum(['1', '2'], { error: 'errors.generic' }).transform((s) => (s === '1' ? 1 : 2) as 1 | 2),
});

export type ComplaintResponse = z.output<typeof responseSchema>;

/** The council's response at a stage: its outcome and the letter the family reads. */
export function parseComplaintResponse(values: FormValues) {
  return validateForm(responseSchema, values);
}

const escalationSchema = z.object({
  reason: requiredText('errors.complaints.reasonRequired', 'errors.complaints.reasonTooLong', COMPLAINT_ABOUT_MAX_LENGTH),
});

/** Why the family is not satisfied with the stage 1 response. */
export function parseEscalation(values: FormValues) {
  return validateForm(escalationSchema, values);
}

const wholeDays = (typed: string | undefined): number | null => (typed !== undefined && /^\s*\d{1,3}\s*$/.test(typed) ? Number(typed) : null);

/** The council's complaint response times, as its LA admin types them. */
export function parseComplaintTimes(values: FormValues): { ok: true; data: ComplaintTimes } | { ok: false; errors: FieldErrors } {
  const typed = { acknowledgeDays: wholeDays(values.acknowledgeDays), stage1Days: wholeDays(values.stage1Days), stage2Days: wholeDays(values.stage2Days) };
  const errors = complaintTimesErrors(typed);
  if (Object.keys(errors).length > 0) return { ok: false, errors: errors as FieldErrors };
  return { ok: true, data: typed as ComplaintTimes };
}
