export { HOLD_LABELS, HOLD_REASON_LABELS, RULE_LABELS } from './labels';
