export * from './advice.server';
export * from './advice-forms.server';
