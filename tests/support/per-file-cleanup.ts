import { afterAll } from 'vitest';

/**
 * Vitest setup file (runs in every test file before it). Hooks run in "stack" order, so this
 * `afterAll` runs after the file's own: it undoes what `useTestDatabase()` and `useMailSink()`
 * set up (closes the app's database, drops the file's copy, stops the SMTP receiver), newest
 * first. Files that used neither pay nothing.
 */
const cleanups: (() => unknown)[] = [];

/** Runs `cleanup` once the current test file is done. */
export function afterFile(cleanup: () => unknown) {
  cleanups.push(cleanup);
}

afterAll(async () => {
  const errors: unknown[] = [];
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Test file clean-up failed');
});
