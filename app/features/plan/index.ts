// The plan feature's browser-safe entry (ADR 0026): its components; server code is in index.server.ts.
export * from './PlanDocument';
export * from './PlanChanges';
export * from './plan-labels';
