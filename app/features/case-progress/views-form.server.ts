import { z } from 'zod';
import { viewVoices } from '../../../db/schema';
import { validateForm, type FormValues } from '~/forms/form.server';
import { optionalText } from '~/forms/text-fields';
import { VIEWS_ANSWER_MAX_LENGTH } from '~/forms/text-limits';

/** The family's views (all about me): any one answer is enough. Errors are translation keys. */
const viewsSchema = z
  .object({
    voice: z.enum(viewVoices, { error: 'errors.generic' }),
    likeAndAdmire: optionalText('errors.views.tooLong', VIEWS_ANSWER_MAX_LENGTH),
    importantNow: optionalText('errors.views.tooLong', VIEWS_ANSWER_MAX_LENGTH),
    importantFuture: optionalText('errors.views.tooLong', VIEWS_ANSWER_MAX_LENGTH),
    howToSupport: optionalText('errors.views.tooLong', VIEWS_ANSWER_MAX_LENGTH),
    hopes: optionalText('errors.views.tooLong', VIEWS_ANSWER_MAX_LENGTH),
  })
  .refine((v) => [v.likeAndAdmire, v.importantNow, v.importantFuture, v.howToSupport, v.hopes].some((s) => s.length > 0), {
    message: 'errors.views.empty',
    path: ['likeAndAdmire'],
  });

export function parseViewsForm(values: FormValues) {
  return validateForm(viewsSchema, values);
}
