import { z } from 'zod';
import { planSections, reviewDecisions, viewVoices } from '../../../db/schema';
import { reviewStepNames } from '~/domain/annual-review';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { optionalText, requiredText } from '~/forms/text-fields';
import { PLAN_COMMENT_MAX_LENGTH, VIEWS_ANSWER_MAX_LENGTH } from '~/forms/text-limits';

/** The review's forms; every error is a translation key in the `reviews` namespace (or common). */

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** A date field (GOV.UK date input) with an extra check; its error keys are the common date ones. */
function dateField(values: FormValues, name: string, errors: FieldErrors, check?: (iso: string) => string | null): string | null {
  const date = isoFromDateParts(datePartsFrom(values, name));
  if (!date.ok) {
    errors[name] = date.error;
    return null;
  }
  const problem = check?.(date.iso) ?? null;
  if (problem) {
    errors[name] = problem;
    return null;
  }
  return date.iso;
}

function finish<T>(form: { ok: boolean; errors?: FieldErrors }, errors: FieldErrors, data: () => T): Parsed<T> {
  const all = { ...(form.ok ? {} : form.errors), ...errors };
  return Object.keys(all).length > 0 ? { ok: false, errors: all } : { ok: true, data: data() };
}

const arrangeSchema = z.object({
  meetingDetails: requiredText('errors.reviews.detailsRequired', 'errors.reviews.detailsTooLong', 1000),
});

/** The meeting: a date from today on, and where and how it is held. */
export function parseArrangeForm(values: FormValues, today: string): Parsed<{ meetingDate: string; meetingDetails: string }> {
  const form = validateForm(arrangeSchema, values);
  const errors: FieldErrors = {};
  const meetingDate = dateField(values, 'meetingDate', errors, (iso) => (iso < today ? 'errors.reviews.meetingInPast' : null));
  return finish(form, errors, () => ({ meetingDate: meetingDate as string, meetingDetails: form.ok ? form.data.meetingDetails : '' }));
}

/** A day something was done: not in the future. */
export function parseDoneOnForm(values: FormValues, name: string, today: string): Parsed<string> {
  const errors: FieldErrors = {};
  const on = dateField(values, name, errors, (iso) => (iso > today ? 'errors.reviews.dateInFuture' : null));
  return finish({ ok: true }, errors, () => on as string);
}

const reportSchema = z.object({
  recommendations: requiredText('errors.reviews.recommendationsRequired', 'errors.reviews.recommendationsTooLong', 10000),
});

export function parseReportForm(values: FormValues): Parsed<{ recommendations: string }> {
  const form = validateForm(reportSchema, values);
  return finish(form, {}, () => ({ recommendations: form.ok ? form.data.recommendations : '' }));
}

const decisionSchema = z
  .object({
    decision: z.enum(reviewDecisions, { error: 'errors.reviews.decisionRequired' }),
    reasons: optionalText('errors.reviews.reasonsTooLong', 5000),
  })
  // Keeping the plan unchanged (not amending) or ceasing it needs reasons: they can be appealed.
  .refine((d) => d.decision === 'amend' || d.reasons.length > 0, { message: 'errors.reviews.reasonsRequired', path: ['reasons'] });

export function parseDecisionForm(values: FormValues): Parsed<{ decision: (typeof reviewDecisions)[number]; reasons: string }> {
  const form = validateForm(decisionSchema, values);
  return finish(form, {}, () => (form.ok ? form.data : { decision: 'keep' as const, reasons: '' }));
}

const commentSchema = z.object({
  section: z.enum(planSections, { error: 'errors.reviews.sectionRequired' }),
  body: requiredText('errors.reviews.commentRequired', 'errors.reviews.commentTooLong', PLAN_COMMENT_MAX_LENGTH),
  formKey: z.string().uuid('errors.generic'),
});

export function parseAmendmentCommentForm(values: FormValues) {
  return validateForm(commentSchema, values);
}

const reviewViewsSchema = z
  .object({
    voice: z.enum(viewVoices, { error: 'errors.generic' }),
    likeAndAdmire: optionalText('errors.reviews.viewsTooLong', VIEWS_ANSWER_MAX_LENGTH),
    importantNow: optionalText('errors.reviews.viewsTooLong', VIEWS_ANSWER_MAX_LENGTH),
    importantFuture: optionalText('errors.reviews.viewsTooLong', VIEWS_ANSWER_MAX_LENGTH),
    howToSupport: optionalText('errors.reviews.viewsTooLong', VIEWS_ANSWER_MAX_LENGTH),
    hopes: optionalText('errors.reviews.viewsTooLong', VIEWS_ANSWER_MAX_LENGTH),
  })
  .refine((v) => [v.likeAndAdmire, v.importantNow, v.importantFuture, v.howToSupport, v.hopes].some((s) => s.length > 0), {
    message: 'errors.reviews.viewsEmpty',
    path: ['likeAndAdmire'],
  });

export function parseReviewViewsForm(values: FormValues) {
  return validateForm(reviewViewsSchema, values);
}

const apologySchema = z.object({
  step: z.enum(reviewStepNames, { error: 'errors.reviews.stepRequired' }),
  reason: z.string({ error: 'errors.reviews.apologyReasonRequired' }).trim().min(1, 'errors.reviews.apologyReasonRequired').min(20, 'errors.reviews.apologyReasonTooShort').max(2000, 'errors.reviews.apologyReasonTooLong'),
  formKey: z.string().uuid('errors.generic'),
});

export function parseReviewApologyForm(values: FormValues, today: string) {
  const form = validateForm(apologySchema, values);
  const errors: FieldErrors = {};
  const newExpectedDate = dateField(values, 'newExpectedDate', errors, (iso) => (iso < today ? 'errors.reviews.apologyDateInPast' : null));
  return finish(form, errors, () => (form.ok ? { step: form.data.step, reason: form.data.reason, formKey: form.data.formKey, newExpectedDate: newExpectedDate as string } : (undefined as never)));
}

/** A refused step as form errors: the reason in the error summary, against the whole form. */
export function reviewOutcomeErrors(outcome: { ok: false; error: string } | { ok: false; missing: readonly unknown[] }): FieldErrors {
  return { form: 'error' in outcome ? outcome.error : 'errors.reviews.planNotReady' };
}
