export * from './report.server';
export * from './thresholds.server';
export * from './exports.server';
