export * from './appeal-forms.server';
export * from './appeal-records.server';
export * from './appeal-queries.server';
