export * from './plan.server';
export * from './plan-forms.server';
