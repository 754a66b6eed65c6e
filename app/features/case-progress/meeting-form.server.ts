import { z } from 'zod';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { optionalText, requiredText } from '~/forms/text-fields';

const meetingSchema = z.object({
  attendees: requiredText('errors.meeting.attendeesRequired', 'errors.meeting.attendeesTooLong', 2000),
  minutes: requiredText('errors.meeting.minutesRequired', 'errors.meeting.minutesTooLong', 20000),
  familyInvited: z.enum(['yes', 'no'], { error: 'errors.meeting.familyInvitedRequired' }),
  reason: optionalText('errors.meeting.reasonTooLong', 2000),
  formKey: z.string().uuid('errors.generic'),
});

/** A meeting: the family is invited unless a reason is recorded. */
export function parseMeetingForm(values: FormValues, today: string) {
  const form = validateForm(meetingSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const date = isoFromDateParts(datePartsFrom(values, 'heldOn'));
  if (!date.ok) errors.heldOn = date.error;
  else if (date.iso > today) errors.heldOn = 'errors.meeting.dateInFuture';
  if (form.ok && form.data.familyInvited === 'no' && !form.data.reason) errors.reason = 'errors.meeting.reasonRequired';
  if (!form.ok || !date.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  const d = form.data;
  return {
    ok: true as const,
    meeting: { heldOn: date.iso, attendees: d.attendees, minutes: d.minutes, familyInvited: d.familyInvited === 'yes', reason: d.familyInvited === 'no' ? d.reason : null, formKey: d.formKey },
  };
}
