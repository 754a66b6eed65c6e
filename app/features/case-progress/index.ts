export * from './CaseHeader';
