import { z } from 'zod';
import { normaliseCode } from '~/domain/totp';

/**
 * Second-factor forms (ADR 0015). A code from the app is six digits, typed with or without the
 * spaces apps show; a recovery code is ten letters and digits, with or without its dash.
 */
const totpCode = z
  .string({ error: 'errors.twoFactor.code.required' })
  .transform(normaliseCode)
  .pipe(z.string().min(1, 'errors.twoFactor.code.required').regex(/^\d{6}$/, 'errors.twoFactor.code.format'));

export const totpCodeSchema = z.object({ code: totpCode });

export const recoveryCodeSchema = z.object({
  recoveryCode: z
    .string({ error: 'errors.twoFactor.recoveryCode.required' })
    .transform((typed) => typed.replace(/[\s-]/g, '').toLowerCase())
    .pipe(z.string().min(1, 'errors.twoFactor.recoveryCode.required').regex(/^[a-z2-7]{10}$/, 'errors.twoFactor.recoveryCode.format')),
});

/** The account page's forms each have their own code field, so each error sits beside its own form. */
export const newRecoveryCodesSchema = z.object({ newCodesCode: totpCode });
export const turnOffSchema = z.object({ turnOffCode: totpCode });
