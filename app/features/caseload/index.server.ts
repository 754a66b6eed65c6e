export * from './caseload.server';
export * from './query.server';
export { DEFAULT_QUERY } from './query';
export * from './inbox.server';
