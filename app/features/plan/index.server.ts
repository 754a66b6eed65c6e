export * from './plan.server';
