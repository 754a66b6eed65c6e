import { z } from 'zod';
import { commentResponses, planSections } from '../../../db/schema';
import { validateForm, type FormValues } from '~/forms/form.server';
import { optionalText, requiredText } from '~/forms/text-fields';
import { PLAN_COMMENT_MAX_LENGTH } from '~/forms/text-limits';

/** The family's comments and preferences on the draft plan, and the council's response to each comment. Errors are translation keys. */
const commentSchema = z.object({
  section: z.enum(planSections, { error: 'errors.plan.sectionRequired' }),
  body: requiredText('errors.plan.commentRequired', 'errors.plan.commentTooLong', PLAN_COMMENT_MAX_LENGTH),
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
