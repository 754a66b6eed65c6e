export * from './service-standards.server';
export * from './service-standards-form.server';
export * from './advice-organisations.server';
export * from './advice-organisation-form.server';
export * from './council-settings.server';
export * from './council-settings-form.server';
export * from './email-failures.server';
