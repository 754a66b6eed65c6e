import { z } from 'zod';
import { expiryProblem } from '~/domain/consent';
import { addMonths } from '~/domain/timescales';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import { emailField } from '../identity/index.server';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';

/** The family's consent form: which organisation (and optionally which advocate in it), what they may do, until when. */

/** The longest a consent may run before the family renews it. */
export const LONGEST_CONSENT_MONTHS = 24;

const consentSchema = z.object({
  adviceOrgId: z.string({ error: 'errors.consent.organisationRequired' }).uuid('errors.consent.organisationRequired'),
  advocateEmail: z.union([z.literal(''), emailField]).optional(),
  scope: z.enum(['view', 'act'], { error: 'errors.consent.scopeRequired' }),
  formKey: z.string().uuid('errors.generic'),
});

export type ConsentForm = { adviceOrgId: string; advocateEmail: string; scope: 'view' | 'act'; expiresOn: string; formKey: string };

/** The consent's last day: a real date, from today, at most LONGEST_CONSENT_MONTHS ahead. */
function expiryFrom(values: FormValues, today: string): { ok: true; iso: string } | { ok: false; error: string } {
  const date = isoFromDateParts(datePartsFrom(values, 'expiresOn'));
  if (!date.ok) return date;
  const problem = expiryProblem(date.iso, today, addMonths(today, LONGEST_CONSENT_MONTHS));
  if (problem) return { ok: false, error: problem === 'past' ? 'errors.consent.expiryPast' : 'errors.consent.expiryTooFar' };
  return date;
}

export function parseConsentForm(values: FormValues, today: string): { ok: true; consent: ConsentForm } | { ok: false; errors: FieldErrors } {
  const form = validateForm(consentSchema, values);
  const expiry = expiryFrom(values, today);
  if (form.ok && expiry.ok) return { ok: true, consent: { ...form.data, advocateEmail: form.data.advocateEmail ?? '', expiresOn: expiry.iso } };
  return { ok: false, errors: { ...(form.ok ? {} : form.errors), ...(expiry.ok ? {} : { expiresOn: expiry.error }) } };
}

const changeSchema = z.object({ scope: z.enum(['view', 'act'], { error: 'errors.consent.scopeRequired' }) });

/** A change to a consent: what the adviser may do, and until when. */
export function parseConsentChange(values: FormValues, today: string): { ok: true; change: { scope: 'view' | 'act'; expiresOn: string } } | { ok: false; errors: FieldErrors } {
  const form = validateForm(changeSchema, values);
  const expiry = expiryFrom(values, today);
  if (form.ok && expiry.ok) return { ok: true, change: { scope: form.data.scope, expiresOn: expiry.iso } };
  return { ok: false, errors: { ...(form.ok ? {} : form.errors), ...(expiry.ok ? {} : { expiresOn: expiry.error }) } };
}

export const capacitySchema = z.object({
  explanation: z.string({ error: 'errors.capacity.explanationRequired' }).trim().min(1, 'errors.capacity.explanationRequired').max(2000, 'errors.capacity.explanationTooLong'),
  confirm: z.literal('yes', { error: 'errors.capacity.confirmRequired' }),
});

export const capacityWithdrawalSchema = z.object({
  reason: z.string({ error: 'errors.capacity.reasonRequired' }).trim().min(1, 'errors.capacity.reasonRequired').max(2000, 'errors.capacity.reasonTooLong'),
});

export const parentAccessSchema = z.object({ parentAccess: z.enum(['yes', 'no'], { error: 'errors.parentAccess.required' }) });
