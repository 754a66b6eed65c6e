import type { LegalHoldKind, RecordedHoldReason, RetentionRule } from '~/domain/retention';

/** The words for retention's stored values: literal keys, so the translation checks see each one. */
export const RULE_LABELS: Record<RetentionRule, string> = {
  plan_age: 'retention.rules.plan_age',
  plan_years: 'retention.rules.plan_years',
  no_plan_years: 'retention.rules.no_plan_years',
  draft_untouched: 'retention.rules.draft_untouched',
};

export const HOLD_LABELS: Record<LegalHoldKind, string> = {
  subject_access: 'retention.holdKinds.subject_access',
  open_case: 'retention.holdKinds.open_case',
  open_request: 'retention.holdKinds.open_request',
  recorded: 'retention.holdKinds.recorded',
};

export const HOLD_REASON_LABELS: Record<RecordedHoldReason, string> = {
  complaint: 'retention.reasons.complaint',
  appeal: 'retention.reasons.appeal',
  tribunal: 'retention.reasons.tribunal',
  litigation: 'retention.reasons.litigation',
  other: 'retention.reasons.other',
};
