export * from './review-lists.server';
