export * from './timeliness.server';
export * from './export-audit.server';
