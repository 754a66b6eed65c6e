export { REVIEW_REASON_LABELS_CLIENT as REVIEW_REASON_LABELS } from './review-labels';
export * from './PrivacyNoticeView';
