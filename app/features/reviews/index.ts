export * from './ReviewListsView';
export * from './ReviewStepList';
export * from './review-labels';
