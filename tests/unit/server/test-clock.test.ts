import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The pinned clock for day-and-time journeys, in a child process as the e2e servers run it. */
function readClock(env: Record<string, string>) {
  const script = "await import('./server/test-clock.ts'); console.log(JSON.stringify({ now: Date.now(), made: new Date().toISOString(), parsed: new Date('2020-01-02T03:04:05Z').toISOString() }));";
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, NODE_ENV: 'test', TEST_CLOCK_START: '', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr, clock: result.status === 0 ? (JSON.parse(result.stdout) as { now: number; made: string; parsed: string }) : null };
}

describe('TEST_CLOCK_START', () => {
  it('starts the process clock at the given moment and leaves explicit dates alone', () => {
    const { clock } = readClock({ TEST_CLOCK_START: '2027-05-28T17:00:00Z' });
    const pinned = Date.parse('2027-05-28T17:00:00Z');
    expect(clock!.now).toBeGreaterThanOrEqual(pinned);
    expect(clock!.now).toBeLessThan(pinned + 60_000);
    expect(Date.parse(clock!.made) - pinned).toBeLessThan(60_000);
    expect(clock!.parsed).toBe('2020-01-02T03:04:05.000Z');
  });

  it('is the real clock when unset', () => {
    const { clock } = readClock({});
    expect(Math.abs(clock!.now - Date.now())).toBeLessThan(60_000);
  });

  it('is refused in production and when it is not a date', () => {
    expect(readClock({ TEST_CLOCK_START: '2027-05-28T17:00:00Z', NODE_ENV: 'production' }).status).not.toBe(0);
    expect(readClock({ TEST_CLOCK_START: 'Friday' }).status).not.toBe(0);
  });
});
