export * from './ReviewStepList';
export * from './review-labels';
