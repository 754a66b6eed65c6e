import { z } from 'zod';
import { isUuid } from '~/domain/ids';
import {
  CEASE_REASONS,
  ETHNICITIES,
  PERSONAL_BUDGETS,
  PLACEMENT_SETTINGS,
  SEN_TYPES,
  SEXES,
  UPN_UNKNOWN_REASONS,
  isValidUln,
  isValidUpn,
  type CodeList,
  type PlacementSetting,
} from '~/domain/sen2/codes';
import { compareDates } from '~/domain/timescales';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';

/** An optional choice from a code list: empty means "not recorded yet" (null); anything else must be on the list. */
const optionalCode = <C extends string>(list: CodeList<C>, error: string) =>
  z
    .string()
    .optional()
    .default('')
    .refine((v) => v === '' || (list.codes as readonly string[]).includes(v), error)
    .transform((v) => (v === '' ? null : (v as C)));

/** Identifiers as typed, without spaces, upper-cased. */
const identifier = (check: (v: string) => boolean, error: string) =>
  z
    .string()
    .optional()
    .default('')
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .refine((v) => v === '' || check(v), error)
    .transform((v) => (v === '' ? null : v));

const detailsSchema = z
  .object({
    upn: identifier(isValidUpn, 'errors.sen2.upnInvalid'),
    upnUnknown: optionalCode(UPN_UNKNOWN_REASONS, 'errors.sen2.codeUnknown'),
    uln: identifier(isValidUln, 'errors.sen2.ulnInvalid'),
    sex: optionalCode(SEXES, 'errors.sen2.codeUnknown'),
    ethnicity: optionalCode(ETHNICITIES, 'errors.sen2.codeUnknown'),
    postcode: z
      .string()
      .optional()
      .default('')
      .transform((v) => v.trim().toUpperCase().replace(/\s+/g, ' '))
      .refine((v) => v === '' || /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/.test(v), 'errors.sen2.postcodeInvalid')
      .transform((v) => (v === '' ? null : v)),
    primaryNeed: optionalCode(SEN_TYPES, 'errors.sen2.codeUnknown'),
    secondaryNeed: optionalCode(SEN_TYPES, 'errors.sen2.codeUnknown'),
    personalBudget: optionalCode(PERSONAL_BUDGETS, 'errors.sen2.codeUnknown'),
    ceaseReason: optionalCode(CEASE_REASONS, 'errors.sen2.codeUnknown'),
  })
  .superRefine((v, ctx) => {
    if (v.secondaryNeed && !v.primaryNeed) ctx.addIssue({ code: 'custom', path: ['primaryNeed'], message: 'errors.sen2.primaryFirst' });
    if (v.secondaryNeed && v.secondaryNeed === v.primaryNeed) ctx.addIssue({ code: 'custom', path: ['secondaryNeed'], message: 'errors.sen2.needRepeated' });
    if (v.upn && v.upnUnknown) ctx.addIssue({ code: 'custom', path: ['upnUnknown'], message: 'errors.sen2.upnAndReason' });
  });

export type ReturnDetailsInput = z.output<typeof detailsSchema>;
export const RETURN_DETAIL_FIELDS = ['upn', 'upnUnknown', 'uln', 'sex', 'ethnicity', 'postcode', 'primaryNeed', 'secondaryNeed', 'personalBudget', 'ceaseReason'] as const satisfies readonly (keyof ReturnDetailsInput)[];

export function parseReturnDetails(values: FormValues) {
  return validateForm(detailsSchema, values);
}

const placementSchema = z.object({
  settingId: z.string().optional().default(''),
  settingCode: optionalCode(PLACEMENT_SETTINGS, 'errors.sen2.codeUnknown'),
  formKey: z.string().uuid('errors.generic'),
});

export type PlacementInput = { settingCode: PlacementSetting | null; settingId: string | null; entryDate: string; leavingDate: string | null; formKey: string };

/**
 * A placement: where (one of the council's settings, or the SENsetting type of a placement with
 * no URN or UKPRN, or both for a setting the council lists that has neither, like a private
 * nursery), from when and, once left, until when. Checked field by field, every error at once.
 */
export function parsePlacement(values: FormValues): { ok: true; placement: PlacementInput } | { ok: false; errors: FieldErrors } {
  const form = validateForm(placementSchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const entry = isoFromDateParts(datePartsFrom(values, 'entryDate'));
  if (!entry.ok) errors.entryDate = entry.error === 'errors.date.required' ? 'errors.sen2.entryDateRequired' : entry.error;
  const leavingParts = datePartsFrom(values, 'leavingDate');
  const leavingGiven = `${leavingParts.day}${leavingParts.month}${leavingParts.year}`.trim() !== '';
  const leaving = leavingGiven ? isoFromDateParts(leavingParts) : null;
  if (leaving && !leaving.ok) errors.leavingDate = leaving.error;
  if (entry.ok && leaving?.ok && compareDates(leaving.iso, entry.iso) < 0) errors.leavingDate = 'errors.sen2.leavingBeforeEntry';
  if (form.ok) {
    const settingId = form.data.settingId;
    if (settingId !== '' && !isUuid(settingId)) errors.settingId = 'errors.sen2.settingRequired';
    // The return needs a URN, a UKPRN (the setting's) or a SENsetting code: one of the two choices.
    else if (settingId === '' && form.data.settingCode === null) errors.settingId = 'errors.sen2.placementWhereRequired';
  }
  if (!form.ok || !entry.ok || (leaving && !leaving.ok) || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    placement: {
      settingCode: form.data.settingCode,
      settingId: form.data.settingId === '' ? null : form.data.settingId,
      entryDate: entry.iso,
      leavingDate: leaving?.ok ? leaving.iso : null,
      formKey: form.data.formKey,
    },
  };
}
