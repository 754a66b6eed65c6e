import { z } from 'zod';
import { easeScores, satisfactionScores } from '~/domain/feedback';
import { validateForm, type FormValues } from '~/forms/form.server';
import { optionalText } from '~/forms/text-fields';
import { FEEDBACK_COMMENT_MAX_LENGTH } from '~/forms/text-limits';

const score = (allowed: readonly number[], error: string) =>
  z
    .string({ error })
    .refine((v) => allowed.map(String).includes(v), error)
    .transform(Number);

const answerSchema = z.object({
  satisfaction: score(satisfactionScores, 'errors.feedback.satisfactionRequired'),
  // Optional: left unanswered it is empty; anything else must be one of the choices.
  ease: z
    .string()
    .optional()
    .default('')
    .refine((v) => v === '' || easeScores.map(String).includes(v), 'errors.feedback.easeInvalid')
    .transform((v) => (v === '' ? null : Number(v))),
  comment: optionalText('errors.feedback.commentTooLong', FEEDBACK_COMMENT_MAX_LENGTH),
});

export type FeedbackAnswer = z.output<typeof answerSchema>;

/** The family's answer: how satisfied (required), how easy (optional), anything else (optional). */
export function parseFeedbackAnswer(values: FormValues) {
  return validateForm(answerSchema, values);
}
