export * from './ReviewListsView';
