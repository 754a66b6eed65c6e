export * from './timeliness.server';
export * from './csv';
