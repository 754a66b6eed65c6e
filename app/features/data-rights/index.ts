export { REVIEW_REASON_LABELS_CLIENT as REVIEW_REASON_LABELS } from './review-labels';
export { RECTIFIABLE_FIELD_LABELS, RECTIFICATION_STATUS_LABELS } from './rectification-labels';
export { CorrectionChanges, useDetailValue } from './CorrectionChanges';
export * from './PrivacyNoticeView';
