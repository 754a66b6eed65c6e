export * from './notes.server';
export * from './notes-form.server';
