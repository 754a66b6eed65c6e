export * from './tenancy';
export * from './people';
export * from './cases';
export * from './requests';
export * from './messages';
export * from './outbox';
export * from './advice';
export * from './consents';
