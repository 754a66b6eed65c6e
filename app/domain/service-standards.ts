/**
 * The councils' own promises about replying to families (service standards), as a pure timer
 * over a thread's messages. Pure: no clock (`now` is an argument), no I/O.
 *
 * Rules (docs/decisions/0010-service-standard-reply-timer.md):
 * - A family message starts the clock unless one is already running.
 * - A message is "received" on the day it arrives in London time; one arriving after the end of
 *   the working day (17:00) or on a weekend or bank holiday is received on the next working day.
 * - The acknowledgement is due `acknowledgeWithin` working days after the day received, the
 *   substantive reply `replyWithin` working days after it (`addWorkingDays`), using the
 *   standards in force on the day the message was sent (`standardsOn`), when the family is shown
 *   the date: an LA changing its standards never moves a date already given.
 * - Any LA message meets the acknowledgement standard; only a reply marked substantive meets
 *   the reply standard and stops the clock.
 * - A standard met after its due date is still a breach: breaches come from the whole history,
 *   so they never disappear.
 */
import { addWorkingDays, compareDates, isWorkingDay, nextWorkingDayOnOrAfter, todayInLondon, addDays, type IsoDate } from './timescales';

export type Standards = { acknowledgeWithin: number; replyWithin: number };

/**
 * An LA's standards now, and those it had before. A promise made to a family is kept as made:
 * each waiting period uses the standards in force on the day its first message was sent, so
 * changing the standards never moves a date a family has already been given.
 */
export type ServiceStandards = Standards & {
  /** Each applied to messages sent before `until` (and on or after the previous entry's `until`). */
  earlier?: readonly (Standards & { until: IsoDate })[];
};

/** The longest promise an LA may make, in working days: four weeks. */
export const MAX_STANDARD_WORKING_DAYS = 20;

/** The usual promise: acknowledge within 2 working days, reply within 5. */
export const DEFAULT_SERVICE_STANDARDS: Standards = { acknowledgeWithin: 2, replyWithin: 5 };

export const END_OF_WORKING_DAY_HOUR = 17;

export type ThreadMessage = { side: 'family' | 'la'; sentAt: Date; substantive?: boolean };

export type Breach = { standard: 'acknowledge' | 'reply'; startedOn: IsoDate; dueBy: IsoDate; metOn: IsoDate | null };

export type ReplyClock =
  | { state: 'idle' }
  | { state: 'awaiting'; receivedOn: IsoDate; acknowledgeBy: IsoDate; replyBy: IsoDate; acknowledged: boolean; overdue: boolean; dueToday: boolean };

// Made once: building an Intl formatter costs far more than using one (the inbox calls this per thread).
const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

function londonHour(instant: Date): number {
  return Number(LONDON_HOUR.format(instant));
}

/** The working day a family message counts as received on. */
export function receivedOn(sentAt: Date): IsoDate {
  const day = todayInLondon(sentAt);
  if (isWorkingDay(day) && londonHour(sentAt) < END_OF_WORKING_DAY_HOUR) return day;
  return nextWorkingDayOnOrAfter(addDays(day, 1));
}

/** The standards in force for a message sent on `sent` (a London date). */
export function standardsOn(standards: ServiceStandards, sent: IsoDate): Standards {
  let applying: Standards & { until?: IsoDate } = standards;
  for (const earlier of standards.earlier ?? []) {
    const covers = compareDates(sent, earlier.until) < 0;
    if (covers && (applying.until === undefined || compareDates(earlier.until, applying.until) < 0)) applying = earlier;
  }
  return { acknowledgeWithin: applying.acknowledgeWithin, replyWithin: applying.replyWithin };
}

export function dueDates(received: IsoDate, { acknowledgeWithin, replyWithin }: Standards) {
  return { acknowledgeBy: addWorkingDays(received, acknowledgeWithin), replyBy: addWorkingDays(received, replyWithin) };
}

type Cycle = { receivedOn: IsoDate; acknowledgeBy: IsoDate; replyBy: IsoDate; acknowledgedOn: IsoDate | null; repliedOn: IsoDate | null };

/** Walks the thread, oldest first, into the periods during which the family was waiting. */
function cycles(messages: readonly ThreadMessage[], standards: ServiceStandards): Cycle[] {
  const sorted = [...messages].sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  const result: Cycle[] = [];
  let open: Cycle | null = null;
  for (const message of sorted) {
    if (message.side === 'family') {
      if (!open) {
        const received = receivedOn(message.sentAt);
        const applying = standardsOn(standards, todayInLondon(message.sentAt));
        open = { receivedOn: received, ...dueDates(received, applying), acknowledgedOn: null, repliedOn: null };
        result.push(open);
      }
      continue;
    }
    if (!open) continue;
    const day = todayInLondon(message.sentAt);
    open.acknowledgedOn ??= day;
    if (message.substantive) {
      open.repliedOn = day;
      open = null;
    }
  }
  return result;
}

/** Where the thread stands now: is the family waiting, and until when. */
export function replyClock(messages: readonly ThreadMessage[], standards: ServiceStandards, now: Date): ReplyClock {
  const last = cycles(messages, standards).at(-1);
  if (!last || last.repliedOn) return { state: 'idle' };
  const today = todayInLondon(now);
  const due = last.acknowledgedOn ? last.replyBy : last.acknowledgeBy;
  return {
    state: 'awaiting',
    receivedOn: last.receivedOn,
    acknowledgeBy: last.acknowledgeBy,
    replyBy: last.replyBy,
    acknowledged: last.acknowledgedOn !== null,
    overdue: compareDates(today, due) > 0 || compareDates(today, last.replyBy) > 0,
    dueToday: compareDates(today, due) === 0,
  };
}

/** Every standard missed in the thread so far, met late or still unmet as of `now`. */
export function breaches(messages: readonly ThreadMessage[], standards: ServiceStandards, now: Date): Breach[] {
  const today = todayInLondon(now);
  const found: Breach[] = [];
  for (const cycle of cycles(messages, standards)) {
    const checks = [
      { standard: 'acknowledge' as const, dueBy: cycle.acknowledgeBy, metOn: cycle.acknowledgedOn },
      { standard: 'reply' as const, dueBy: cycle.replyBy, metOn: cycle.repliedOn },
    ];
    for (const check of checks) {
      const late = check.metOn ? compareDates(check.metOn, check.dueBy) > 0 : compareDates(today, check.dueBy) > 0;
      if (late) found.push({ standard: check.standard, startedOn: cycle.receivedOn, dueBy: check.dueBy, metOn: check.metOn });
    }
  }
  return found;
}

/**
 * The same "is the reply overdue?" as `replyClock`, turned round so a database can answer it for
 * many cases at once (the caseload's filter and counts): the latest moments a family's waiting
 * may have started for it to be overdue today. Both due dates only move forward as the message
 * is sent later, so the overdue ones are exactly those sent before a cut-off. One period per
 * set of standards in force (`standardsOn`), by when the waiting started:
 * a thread whose waiting started at `since`, in [sentFrom, sentBefore), is overdue today if
 * `since < replyCutoff`, or `since < acknowledgeCutoff` while no council message has come yet.
 */
export type OverduePeriod = { sentFrom: Date | null; sentBefore: Date | null; acknowledgeCutoff: Date; replyCutoff: Date };

/** The instant a London wall-clock hour begins on `day` (the clocks change at night, never at these hours). */
export function londonInstant(day: IsoDate, hour: number): Date {
  const guess = new Date(`${day}T${String(hour).padStart(2, '0')}:00:00Z`);
  const shift = (londonHour(guess) - hour + 24) % 24;
  return new Date(guess.getTime() - shift * 3_600_000);
}

/** The first instant whose message is received after the latest working day whose due date, `within` working days on, is before today. */
function cutoffFor(within: number, today: IsoDate): Date {
  let day = addDays(today, -1);
  while (!(isWorkingDay(day) && compareDates(addWorkingDays(day, within), today) < 0)) day = addDays(day, -1);
  // Sent before 17:00 on that day (or on the days off before it) is received on it or earlier.
  return londonInstant(day, END_OF_WORKING_DAY_HOUR);
}

export function overduePeriods(standards: ServiceStandards, now: Date): OverduePeriod[] {
  const today = todayInLondon(now);
  const bounds = [...new Set((standards.earlier ?? []).map((e) => e.until))].sort(compareDates);
  const starts: (IsoDate | null)[] = [null, ...bounds];
  return starts.map((from, index) => {
    const until = bounds[index] ?? null;
    // standardsOn picks by the day sent: any day in [from, until) gives this period's standards.
    const applying = from !== null ? standardsOn(standards, from) : until !== null ? standardsOn(standards, addDays(until, -1)) : standards;
    return {
      sentFrom: from === null ? null : londonInstant(from, 0),
      sentBefore: until === null ? null : londonInstant(until, 0),
      acknowledgeCutoff: cutoffFor(applying.acknowledgeWithin, today),
      replyCutoff: cutoffFor(applying.replyWithin, today),
    };
  });
}

export type WaitingMessage = { receivedOn: IsoDate; acknowledgeBy: IsoDate; replyBy: IsoDate; acknowledged: boolean; overdue: boolean; dueToday: boolean };

/**
 * Each family message still waiting for a substantive reply, with the dates promised for it:
 * `result[i]` belongs to `messages[i]` (null when that message is not waiting). A family reading
 * their thread sees under each message the date it will be answered by, counted from that
 * message (the thread's own timer above runs from the first of them). An LA message after one
 * acknowledges it; a substantive one answers every family message before it.
 */
export function waitingMessages(messages: readonly ThreadMessage[], standards: ServiceStandards, now: Date): (WaitingMessage | null)[] {
  const today = todayInLondon(now);
  const order = messages.map((message, index) => ({ message, index })).sort((a, b) => a.message.sentAt.getTime() - b.message.sentAt.getTime());
  let pending: { index: number; acknowledged: boolean }[] = [];
  for (const { message, index } of order) {
    if (message.side === 'family') pending.push({ index, acknowledged: false });
    else if (message.substantive) pending = [];
    else pending = pending.map((p) => ({ ...p, acknowledged: true }));
  }
  const result: (WaitingMessage | null)[] = messages.map(() => null);
  for (const { index, acknowledged } of pending) {
    const sentAt = messages[index].sentAt;
    const received = receivedOn(sentAt);
    const { acknowledgeBy, replyBy } = dueDates(received, standardsOn(standards, todayInLondon(sentAt)));
    const due = acknowledged ? replyBy : acknowledgeBy;
    result[index] = {
      receivedOn: received,
      acknowledgeBy,
      replyBy,
      acknowledged,
      overdue: compareDates(today, due) > 0 || compareDates(today, replyBy) > 0,
      dueToday: compareDates(today, due) === 0,
    };
  }
  return result;
}
