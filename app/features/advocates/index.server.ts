export * from './consents.server';
export * from './consent-form.server';
