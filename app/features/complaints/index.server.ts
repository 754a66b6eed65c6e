export * from './complaints.server';
export * from './complaint-forms.server';
export * from './complaint-list.server';
export * from './complaint-settings.server';
