import { z } from 'zod';
import { validateForm, type FormValues } from '~/forms/form.server';

import { MESSAGE_MAX_LENGTH } from '~/forms/text-limits';

export { MESSAGE_MAX_LENGTH };

const messageSchema = z.object({
  body: z.string().trim().min(1, 'errors.message.required').max(MESSAGE_MAX_LENGTH, 'errors.message.tooLong'),
  formKey: z.string().uuid('errors.generic'),
  acknowledgementOnly: z.string().optional(),
});

/** A message from the thread's form. An LA message answers the family unless marked as only an acknowledgement. */
export function parseMessageForm(values: FormValues) {
  const form = validateForm(messageSchema, values);
  if (!form.ok) return form;
  return { ok: true as const, message: { body: form.data.body, formKey: form.data.formKey, substantive: form.data.acknowledgementOnly !== 'yes' } };
}
