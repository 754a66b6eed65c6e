export * from './FeedbackPanel';
export * from './feedback-labels';
