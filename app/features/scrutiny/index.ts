export * from './links';
export * from './Charts';
