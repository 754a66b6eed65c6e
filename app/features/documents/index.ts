export * from './DocumentLinks';
