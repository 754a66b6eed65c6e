export * from './settings.server';
export * from './setting-forms.server';
export * from './school-requests.server';
export * from './school-request-form.server';
