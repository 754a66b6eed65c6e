export * from './timeliness.server';
