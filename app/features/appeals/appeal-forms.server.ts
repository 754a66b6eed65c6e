import { z } from 'zod';
import {
  appealableDecisions,
  appealablePlanSections,
  appealOutcomes,
  certificateKinds,
  mediationOutcomes,
  mediationProblems,
  orderKinds,
  type AppealableDecision,
  type AppealablePlanSection,
  type AppealOutcome,
  type CertificateKind,
  type MediationOutcome,
  type MediationProblem,
  type OrderKind,
} from '~/domain/appeals';
import { compareDates, type IsoDate } from '~/domain/timescales';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { requiredText } from '~/forms/text-fields';
import { compliedField } from './appeal-labels';

/**
 * The staff forms of mediation and appeals (ADR 0051). Each returns the record to store or the
 * errors by field (translation keys); dates go through the GOV.UK date input's three fields.
 */

type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

const problemKeys: Record<MediationProblem, string> = {
  inFuture: 'errors.appeals.inFuture',
  contactBeforeDecision: 'errors.appeals.contactBeforeDecision',
  certificateBeforeContact: 'errors.appeals.certificateBeforeContact',
  outcomeRequired: 'errors.appeals.mediationOutcomeRequired',
  outcomeNotHeld: 'errors.appeals.mediationOutcomeNotHeld',
};

/** A date field: required, a real date, and (unless `future`) not after today. */
function dateField(values: FormValues, name: string, errors: FieldErrors, today: IsoDate, options: { future?: boolean } = {}): IsoDate | null {
  const date = isoFromDateParts(datePartsFrom(values, name));
  if (!date.ok) {
    errors[name] = date.error;
    return null;
  }
  if (!options.future && compareDates(date.iso, today) > 0) {
    errors[name] = 'errors.appeals.inFuture';
    return null;
  }
  return date.iso;
}

/** An optional date field: all three boxes empty is no date. */
function optionalDateField(values: FormValues, name: string, errors: FieldErrors, today: IsoDate, options: { future?: boolean } = {}): IsoDate | null {
  const parts = datePartsFrom(values, name);
  if (!parts.day && !parts.month && !parts.year) return null;
  return dateField(values, name, errors, today, options);
}

const decisionSchema = z.object({
  decision: z.enum(appealableDecisions, { error: 'errors.appeals.decisionRequired' }),
  planSections: z.string().optional().default(''),
});

/** The decision disagreed with, and for the plan's contents which sections (at least one of B, F, I). */
function decisionFields(values: FormValues, errors: FieldErrors): { decision: AppealableDecision; planSections: AppealablePlanSection[] | null } | null {
  const form = validateForm(decisionSchema, values);
  if (!form.ok) {
    Object.assign(errors, form.errors);
    return null;
  }
  if (form.data.decision !== 'plan_contents') return { decision: form.data.decision, planSections: null };
  const chosen = form.data.planSections.split(',').filter((s): s is AppealablePlanSection => (appealablePlanSections as readonly string[]).includes(s));
  if (chosen.length === 0) {
    errors.planSections = 'errors.appeals.sectionsRequired';
    return null;
  }
  return { decision: form.data.decision, planSections: [...new Set(chosen)].sort() };
}

export type MediationEntry = {
  decision: AppealableDecision;
  planSections: AppealablePlanSection[] | null;
  decisionSentOn: IsoDate;
  adviserContactedOn: IsoDate;
  certificateIssuedOn: IsoDate;
  certificateKind: CertificateKind;
  outcome: MediationOutcome | null;
  formKey: string;
};

const mediationSchema = z.object({
  certificateKind: z.enum(certificateKinds, { error: 'errors.appeals.certificateKindRequired' }),
  outcome: z.union([z.enum(mediationOutcomes), z.literal('')]).optional().default(''),
  formKey: z.string().uuid('errors.generic'),
});

/** A mediation certificate as staff record it; the dates must follow one another and not be in the future. */
export function parseMediation(values: FormValues, today: IsoDate): Parsed<MediationEntry> {
  const errors: FieldErrors = {};
  const decision = decisionFields(values, errors);
  const decisionSentOn = dateField(values, 'decisionSentOn', errors, today);
  const adviserContactedOn = dateField(values, 'adviserContactedOn', errors, today);
  const certificateIssuedOn = dateField(values, 'certificateIssuedOn', errors, today);
  const form = validateForm(mediationSchema, values);
  if (!form.ok) Object.assign(errors, form.errors);
  if (!decision || !decisionSentOn || !adviserContactedOn || !certificateIssuedOn || !form.ok) return { ok: false, errors };
  // An outcome only for mediation held; one sent for "not pursued" (a radio left from before) is dropped by the check below.
  const outcome = form.data.certificateKind === 'held' && form.data.outcome ? form.data.outcome : null;
  const entry: MediationEntry = { ...decision, decisionSentOn, adviserContactedOn, certificateIssuedOn, certificateKind: form.data.certificateKind, outcome, formKey: form.data.formKey };
  const problems = mediationProblems(entry, today);
  for (const [field, problem] of Object.entries(problems)) if (!errors[field]) errors[field] = problemKeys[problem];
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: entry };
}

export type AppealEntry = {
  decision: AppealableDecision;
  planSections: AppealablePlanSection[] | null;
  tribunalReference: string;
  registeredOn: IsoDate;
  hearingOn: IsoDate | null;
};

/** The Tribunal's references look like "EH123/26/00042": letters, digits, slashes, hyphens. */
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/ -]{2,39}$/;

const referenceSchema = z.object({
  tribunalReference: requiredText('errors.appeals.referenceRequired', 'errors.appeals.referenceInvalid', 40).refine((v) => REFERENCE.test(v), 'errors.appeals.referenceInvalid'),
});

/** An appeal registered with the Tribunal, with its hearing date if it is already listed. */
export function parseAppeal(values: FormValues, today: IsoDate): Parsed<AppealEntry> {
  const errors: FieldErrors = {};
  const decision = decisionFields(values, errors);
  const reference = validateForm(referenceSchema, values);
  if (!reference.ok) Object.assign(errors, reference.errors);
  const registeredOn = dateField(values, 'registeredOn', errors, today);
  const hearingOn = optionalDateField(values, 'hearingOn', errors, today, { future: true });
  if (registeredOn && hearingOn && compareDates(hearingOn, registeredOn) < 0) errors.hearingOn = 'errors.appeals.hearingBeforeRegistered';
  if (!decision || !reference.ok || !registeredOn || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { ...decision, tribunalReference: reference.data.tribunalReference.toUpperCase().replace(/\s+/g, ' '), registeredOn, hearingOn } };
}

/** The hearing's date (listed or moved); any date, past or future. */
export function parseHearing(values: FormValues, today: IsoDate): Parsed<{ hearingOn: IsoDate }> {
  const errors: FieldErrors = {};
  const hearingOn = dateField(values, 'hearingOn', errors, today, { future: true });
  return hearingOn ? { ok: true, data: { hearingOn } } : { ok: false, errors };
}

const outcomeSchema = z.object({ outcome: z.enum(appealOutcomes, { error: 'errors.appeals.outcomeRequired' }) });

/** The Tribunal's decision (or a withdrawal, or the council's concession) and its date. */
export function parseAppealDecision(values: FormValues, today: IsoDate): Parsed<{ decidedOn: IsoDate; outcome: AppealOutcome }> {
  const errors: FieldErrors = {};
  const decidedOn = dateField(values, 'decidedOn', errors, today);
  const form = validateForm(outcomeSchema, values);
  if (!form.ok) Object.assign(errors, form.errors);
  if (!decidedOn || !form.ok) return { ok: false, errors };
  return { ok: true, data: { decidedOn, outcome: form.data.outcome } };
}

const orderSchema = z.object({ orderKind: z.enum(orderKinds, { error: 'errors.appeals.orderKindRequired' }) });

/** What the Tribunal ordered; its date is the appeal's decision date. */
export function parseOrder(values: FormValues): Parsed<{ kind: OrderKind }> {
  const form = validateForm(orderSchema, values);
  return form.ok ? { ok: true, data: { kind: form.data.orderKind } } : { ok: false, errors: form.errors };
}


/** The day the council complied with an order: not in the future. */
export function parseCompliance(values: FormValues, orderId: string, today: IsoDate): Parsed<{ compliedOn: IsoDate }> {
  const errors: FieldErrors = {};
  const compliedOn = dateField(values, compliedField(orderId), errors, today);
  return compliedOn ? { ok: true, data: { compliedOn } } : { ok: false, errors };
}
