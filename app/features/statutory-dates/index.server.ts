export * from './stored-dates.server';
