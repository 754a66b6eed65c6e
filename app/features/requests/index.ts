export * from './request-sections';
export * from './RequestAnswers';
export * from './SectionFields';

/** The browser-side section form, loaded as its own chunk once the page is interactive (ADR 0009). */
export const loadEnhancedSectionForm = () => import('./EnhancedSectionForm');
export type { RequestAnswerValues } from './request-answers';
