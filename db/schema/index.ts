export * from './tenancy';
export * from './people';
export * from './cases';
export * from './requests';
export * from './messages';
