export * from './accounts.server';
export * from './account-forms.server';
export * from './two-factor-forms.server';
export * from './check-email.server';
