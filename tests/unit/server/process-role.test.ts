import { afterEach, describe, expect, it } from 'vitest';
import { getEnv, processRole, resetEnvCache } from '~/env.server';

/** ADR 0043: what a process does, from PROCESS_ROLE, or the older RUN_JOB_WORKER. */
const saved = { ...process.env };

function envWith(values: Record<string, string | undefined>) {
  for (const key of ['PROCESS_ROLE', 'RUN_JOB_WORKER', 'DATABASE_URL', 'DEMO_MODE']) delete process.env[key];
  for (const [key, value] of Object.entries(values)) if (value !== undefined) process.env[key] = value;
  resetEnvCache();
  return getEnv();
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('the process role', () => {
  it('serves pages and runs the worker unless told otherwise', () => {
    expect(processRole(envWith({}))).toBe('all');
  });

  it('RUN_JOB_WORKER=false is a web server; PROCESS_ROLE says it plainly and wins', () => {
    expect(processRole(envWith({ RUN_JOB_WORKER: 'false' }))).toBe('web');
    expect(processRole(envWith({ PROCESS_ROLE: 'web' }))).toBe('web');
    expect(processRole(envWith({ PROCESS_ROLE: 'worker', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/ehcp' }))).toBe('worker');
    expect(processRole(envWith({ PROCESS_ROLE: 'all', RUN_JOB_WORKER: 'false' }))).toBe('all');
  });

  it('a separate worker needs the PostgreSQL server: the embedded database opens in one process', () => {
    expect(() => envWith({ PROCESS_ROLE: 'worker' })).toThrow(/PROCESS_ROLE/);
  });

  it('anything else is refused, naming the variable', () => {
    expect(() => envWith({ PROCESS_ROLE: 'both' })).toThrow(/PROCESS_ROLE/);
  });
});
