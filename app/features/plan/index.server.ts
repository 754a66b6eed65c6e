export * from './plan.server';
export * from './plan-forms.server';
export * from './plan-versions.server';
export * from './plan-section-form.server';
export * from './plan-pdf.server';
