export * from './timeliness.server';
export * from './csv';
export * from './export-audit.server';
