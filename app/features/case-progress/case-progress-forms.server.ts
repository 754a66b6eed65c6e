import { z } from 'zod';
import { councilSteps, exceptionKinds } from '~/domain/case-clock';
import { decisionDiffersFromRequest } from '~/domain/case-steps';
import { refusalReversedBy, workflowCommandTypes, type WorkflowCommand, type WorkflowCommandType } from '~/domain/case-workflow';
import type { FieldErrors } from '~/forms/errors';
import { datePartsFrom, isoFromDateParts } from '~/forms/date-parts';
import { validateForm, type FormValues } from '~/forms/form.server';

/**
 * Caseworkers' case forms. The workflow checks the rules of the process (reasons, dates,
 * stages); these check only what the form itself must carry, so every problem with a form is
 * shown at once.
 */

/** URL segment for each command, e.g. /cases/:id/record/decide-to-assess. */
export function commandFromSlug(slug: string | undefined): WorkflowCommandType | null {
  const type = (slug ?? '').replace(/-/g, '_');
  return (workflowCommandTypes as readonly string[]).includes(type) ? (type as WorkflowCommandType) : null;
}

export function slugFor(type: WorkflowCommandType) {
  return type.replace(/_/g, '-');
}

/** The date field each command carries, if any. */
export const commandDateField: Partial<Record<WorkflowCommandType, 'decidedOn' | 'servedOn' | 'issuedOn'>> = {
  decide_to_assess: 'decidedOn',
  decide_to_issue: 'decidedOn',
  issue_draft_plan: 'servedOn',
  issue_final_plan: 'issuedOn',
};

export type ParsedCommand = { ok: true; command: WorkflowCommand; whyDifferent?: string } | { ok: false; errors: FieldErrors };

export function parseCommandForm(type: WorkflowCommandType, values: FormValues): ParsedCommand {
  const errors: FieldErrors = {};
  const dateField = commandDateField[type];
  let date = '';
  if (dateField) {
    const parsed = isoFromDateParts(datePartsFrom(values, dateField));
    if (parsed.ok) date = parsed.iso;
    else errors[dateField] = parsed.error;
  }
  const reasons = values.reasons ?? '';
  const outcome = values.outcome ?? '';
  const isDecision = type === 'decide_to_assess' || type === 'decide_to_issue';
  // The outcome says whether the decision differs from the request; the caseworker's "Is this
  // different?" answer must agree with it. An explanation is kept only for a decision that differs.
  const differs = isDecision && decisionDiffersFromRequest(outcome);
  const whyDifferent = differs ? (values.whyDifferent ?? '').trim() : '';
  if (isDecision && outcome !== '') {
    if (!differs && values.differs === 'yes') errors.differs = 'errors.decision.agreesWithRequest';
    else if (differs && values.differs === 'no') errors.differs = 'errors.decision.differsFromRequest';
    else if (differs && whyDifferent.length < 20) errors.whyDifferent = whyDifferent === '' ? 'errors.decision.whyDifferentRequired' : 'errors.decision.whyDifferentTooShort';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  switch (type) {
    case 'decide_to_assess':
      return { ok: true, command: { type, outcome: outcome as 'agreed' | 'refused', reasons, decidedOn: date }, whyDifferent: whyDifferent || undefined };
    case 'decide_to_issue':
      return { ok: true, command: { type, outcome: outcome as 'issue' | 'not_issue', reasons, decidedOn: date }, whyDifferent: whyDifferent || undefined };
    case 'issue_draft_plan':
      return { ok: true, command: { type, servedOn: date } };
    case 'issue_final_plan':
      return { ok: true, command: { type, issuedOn: date } };
    case 'plan_in_place':
      return { ok: true, command: { type } };
    case 'withdraw':
    case 'cease':
      return { ok: true, command: { type, reasons } };
    case 'reverse_refusal':
      return { ok: true, command: { type, reasons, orderedBy: values.orderedBy as (typeof refusalReversedBy)[number] } };
  }
}

const apologySchema = z.object({
  step: z.enum(councilSteps, { error: 'errors.apology.stepRequired' }),
  reason: z
    .string({ error: 'errors.apology.reasonRequired' })
    .trim()
    .min(1, 'errors.apology.reasonRequired')
    .min(20, 'errors.apology.reasonTooShort')
    .max(2000, 'errors.apology.reasonTooLong'),
});

/** An apology: which date was missed, why, and when the family can now expect it. */
export function parseApologyForm(values: FormValues, today: string) {
  const form = validateForm(apologySchema, values);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const date = isoFromDateParts(datePartsFrom(values, 'newExpectedDate'));
  if (!date.ok) errors.newExpectedDate = date.error;
  else if (date.iso < today) errors.newExpectedDate = 'errors.apology.dateInPast';
  if (!form.ok || !date.ok || Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, apology: { ...form.data, newExpectedDate: date.iso } };
}

const exceptionSchema = z.object({
  step: z.enum(councilSteps, { error: 'errors.exception.stepRequired' }),
  kind: z.enum(exceptionKinds, { error: 'errors.exception.kindRequired' }),
  explanation: z
    .string({ error: 'errors.exception.explanationRequired' })
    .trim()
    .min(1, 'errors.exception.explanationRequired')
    .min(20, 'errors.exception.explanationTooShort')
    .max(2000, 'errors.exception.explanationTooLong'),
});

export function parseExceptionForm(values: FormValues) {
  return validateForm(exceptionSchema, values);
}
