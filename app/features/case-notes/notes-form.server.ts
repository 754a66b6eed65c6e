import { z } from 'zod';
import { validateForm, type FormValues } from '~/forms/form.server';
import { CASE_NOTE_MAX_LENGTH } from '~/forms/text-limits';

const noteSchema = z.object({
  body: z.string().trim().min(1, 'errors.caseNote.required').max(CASE_NOTE_MAX_LENGTH, 'errors.caseNote.tooLong'),
  formKey: z.string().uuid('errors.generic'),
});

export type CaseNoteInput = z.output<typeof noteSchema>;

export function parseCaseNoteForm(values: FormValues) {
  return validateForm(noteSchema, values);
}
