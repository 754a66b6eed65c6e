import { z } from 'zod';
import { adviceKinds, commentResponses, planSections, viewVoices } from '../../../db/schema';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';

/** Forms for advice, the family's views, the draft plan and meetings. Errors are translation keys. */

const text = (required: string, tooLong: string, max = 10000) => z.string({ error: required }).trim().min(1, required).max(max, tooLong);
const optionalText = (tooLong: string, max = 10000) => z.string().trim().max(max, tooLong).optional().default('');

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

const withholdSchema = z.object({ reason: text('errors.advice.withholdReasonRequired', 'errors.advice.withholdReasonTooLong', 2000).pipe(z.string().min(10, 'errors.advice.withholdReasonTooShort')) });

export function parseWithholdForm(values: FormValues) {
  return validateForm(withholdSchema, values);
}

const viewsSchema = z
  .object({
    voice: z.enum(viewVoices, { error: 'errors.generic' }),
    likeAndAdmire: optionalText('errors.views.tooLong', 5000),
    importantNow: optionalText('errors.views.tooLong', 5000),
    importantFuture: optionalText('errors.views.tooLong', 5000),
    howToSupport: optionalText('errors.views.tooLong', 5000),
    hopes: optionalText('errors.views.tooLong', 5000),
  })
  .refine((v) => [v.likeAndAdmire, v.importantNow, v.importantFuture, v.howToSupport, v.hopes].some((s) => s.length > 0), {
    message: 'errors.views.empty',
    path: ['likeAndAdmire'],
  });

export function parseViewsForm(values: FormValues) {
  return validateForm(viewsSchema, values);
}

const commentSchema = z.object({
  section: z.enum(planSections, { error: 'errors.plan.sectionRequired' }),
  body: text('errors.plan.commentRequired', 'errors.plan.commentTooLong', 5000),
  formKey: z.string().uuid('errors.generic'),
});

export function parseCommentForm(values: FormValues) {
  return validateForm(commentSchema, values);
}

const preferencesSchema = z.object({
  preferredSetting: optionalText('errors.plan.settingTooLong', 300),
  meetingRequested: z.string().optional(),
});

export function parsePreferencesForm(values: FormValues) {
  const form = validateForm(preferencesSchema, values);
  if (!form.ok) return form;
  return { ...form, data: { preferredSetting: form.data.preferredSetting, meetingRequested: form.data.meetingRequested === 'yes' } };
}

const responseSchema = z
  .object({
    commentId: z.string().uuid('errors.generic'),
    response: z.enum(commentResponses, { error: 'errors.plan.responseRequired' }),
    reasons: optionalText('errors.plan.reasonsTooLong', 5000),
  })
  .refine((r) => r.response === 'accepted' || r.reasons.length > 0, { message: 'errors.plan.reasonsRequired', path: ['reasons'] });

/** What the LA did about a comment: declining or changing it needs reasons. */
export function parseResponseForm(values: FormValues) {
  return validateForm(responseSchema, values);
}

const meetingSchema = z.object({
  attendees: text('errors.meeting.attendeesRequired', 'errors.meeting.attendeesTooLong', 2000),
  minutes: text('errors.meeting.minutesRequired', 'errors.meeting.minutesTooLong', 20000),
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
