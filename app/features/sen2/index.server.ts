export * from './sen2-facts.server';
export * from './sen2-files.server';
export * from './return-details.server';
export * from './return-details-form.server';
export * from './appeal-flags.server';
export * from './census-choice.server';
