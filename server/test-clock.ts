/**
 * A pinned clock for browser journeys that depend on the day and time (a Friday evening before
 * a bank holiday): with TEST_CLOCK_START set, this process's clock starts at that moment and runs
 * on at normal speed. Everything that reads the time through `Date` follows it: the app, pg-boss
 * and the embedded database (PGlite takes its `now()` from the JavaScript clock).
 *
 * Imported first by server/index.ts and scripts/db-prepare.ts, before any module reads the time.
 * Refused in production: a real server must never run on a made-up date.
 */
const start = process.env.TEST_CLOCK_START;

if (start) {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('TEST_CLOCK_START is a test-only setting and is refused when NODE_ENV=production.');
  }
  const startsAt = Date.parse(start);
  if (Number.isNaN(startsAt)) throw new Error(`TEST_CLOCK_START must be an ISO date and time, like 2027-05-28T17:00:00Z (got "${start}").`);
  installShiftedClock(startsAt - Date.now());
}

function installShiftedClock(offsetMs: number) {
  const RealDate = Date;
  const now = () => RealDate.now() + offsetMs;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number | Date]));
    }

    static now() {
      return now();
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

export {};
