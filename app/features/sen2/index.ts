export * from './sen2-labels';
