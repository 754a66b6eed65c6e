import { z } from 'zod';

/** The name the council's emails are sent under; empty: the council's own name (or the deployment's sender). */
export const SENDER_NAME_MAX_LENGTH = 100;

export const councilSettingsSchema = z.object({
  emailFromName: z
    .string()
    .trim()
    .max(SENDER_NAME_MAX_LENGTH, 'errors.councilSettings.senderNameLength')
    // Angle brackets and quotes would change the meaning of the From header.
    .refine((name) => !/[<>"\\]/.test(name), 'errors.councilSettings.senderNameCharacters')
    .transform((name) => name || null),
});
