export * from './offers.server';
export * from './surveys.server';
export * from './results.server';
export * from './feedback-form.server';
