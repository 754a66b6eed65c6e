export * from './caseload.server';
export * from './query.server';
export { DEFAULT_QUERY } from '~/ui/list-query';
export * from './inbox.server';
export * from './paged-rows.server';
