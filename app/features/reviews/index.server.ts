export * from './review-records.server';
export * from './review-forms.server';
