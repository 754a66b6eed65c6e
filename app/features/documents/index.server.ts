export * from './documents.server';
export * from './virus-scan.server';
