export * from './OrderSummary';
export * from './appeal-labels';
export * from './DecisionFields';
