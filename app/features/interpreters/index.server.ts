export * from './interpreters.server';
export * from './interpreter-forms.server';
export * from './interpreter-list.server';
export * from './list-form.server';
