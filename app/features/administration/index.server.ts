export * from './service-standards.server';
export * from './service-standards-form.server';
export * from './advice-organisations.server';
export * from './advice-organisation-form.server';
