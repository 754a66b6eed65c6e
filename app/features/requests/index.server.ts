export * from './requests.server';
export * from './intake.server';
export * from './intake-form.server';
export * from './request-form.server';
export * from './sent-request.server';
export * from './request-pdf.server';
