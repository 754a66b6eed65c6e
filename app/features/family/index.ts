export * from './FamilyHome';
