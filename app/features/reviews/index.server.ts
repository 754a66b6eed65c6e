export * from './review-due.server';
export * from './review-transfer.server';
export * from './review-jobs.server';
export * from './review-records.server';
export * from './review-forms.server';
