export * from './schedule.server';
export * from './deletion.server';
