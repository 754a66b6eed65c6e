export * from './complaint-links';
