import { z } from 'zod';

/** Free-text fields as every form reads them: trimmed, with a length limit; errors are translation keys. */
export const requiredText = (required: string, tooLong: string, max = 10000) => z.string({ error: required }).trim().min(1, required).max(max, tooLong);
export const optionalText = (tooLong: string, max = 10000) => z.string().trim().max(max, tooLong).optional().default('');
