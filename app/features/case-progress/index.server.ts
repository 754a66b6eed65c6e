export * from './case-progress.server';
export * from './case-access.server';
export * from './caseload.server';
export * from './views.server';
export * from './meetings.server';
export * from './case-progress-forms.server';
export * from './views-form.server';
export * from './meeting-form.server';
