/**
 * The portal's one logger: a JSON object per line on stdout (stderr for errors), for whatever
 * the council's hosting collects. A line names an event and carries ids, counts and durations;
 * never a name, an email address, a search, a form's contents or a token (ADR 0039). That is
 * why errors are logged by kind and stack frames only: a database error's message can quote the
 * values of the row it refused.
 */
export type LogLevel = 'info' | 'warn' | 'error';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function logEvent(event: string, fields: LogFields = {}, level: LogLevel = 'info') {
  const line = JSON.stringify({ time: new Date().toISOString(), level, event, ...fields });
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

export function logError(event: string, error: unknown, fields: LogFields = {}) {
  logEvent(event, { ...fields, ...errorFields(error) }, 'error');
}

/** What an error says about itself without its message: its kind, code and where it was thrown. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => line.trimStart().startsWith('at '))
    .slice(0, 8)
    .map((line) => line.trim())
    .join(' | ');
  return { error: error.name, code: typeof code === 'string' || typeof code === 'number' ? code : undefined, stack: frames || undefined };
}

/** The header carrying a request's id, from the proxy in front when it sends a well-formed one. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id from outside is kept only when it is a plain token: it is written into logs. */
export function acceptableRequestId(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(value);
}
