import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  nationalCurriculumYear,
  reviewDates,
  reviewRemindersDue,
  reviewStatus,
  reviewSteps,
  schoolTerms,
  termOf,
  type ReviewFacts,
} from '~/domain/annual-review';
import { addDays, compareDates, daysBetween } from '~/domain/timescales';

// Dates generated without the module under test: a UTC midnight, printed as ISO.
const isoDateBetween = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

const anyDate = isoDateBetween('2019-01-01', '2031-12-31');
const isMonday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1;

/** A review that has reached a decision to amend, with each later event a few days after the last. */
const amendingReview = fc
  .record({
    cycleStart: isoDateBetween('2020-01-01', '2029-12-31'),
    toMeeting: fc.integer({ min: 200, max: 420 }),
    toDecision: fc.integer({ min: 0, max: 60 }),
    toAmendments: fc.integer({ min: 0, max: 40 }),
    toFinal: fc.integer({ min: 0, max: 120 }),
    issued: fc.boolean(),
    toToday: fc.integer({ min: 0, max: 200 }),
  })
  .map(({ cycleStart, toMeeting, toDecision, toAmendments, toFinal, issued, toToday }) => {
    const meetingDate = addDays(cycleStart, toMeeting);
    const decisionOn = addDays(meetingDate, toDecision);
    const amendmentsSentOn = addDays(decisionOn, toAmendments);
    const facts: ReviewFacts = {
      cycleStart,
      transfer: null,
      meetingDate,
      noticeSentOn: addDays(meetingDate, -15),
      adviceCirculatedOn: addDays(meetingDate, -15),
      reportReceivedOn: addDays(meetingDate, 10),
      decision: 'amend',
      decisionOn,
      amendmentsSentOn,
      finalIssuedOn: issued ? addDays(amendmentsSentOn, toFinal) : null,
    };
    return { facts, today: addDays(amendmentsSentOn, toToday) };
  });

describe('review date properties', () => {
  it('the dates around a meeting keep their order and distances', () => {
    fc.assert(
      fc.property(amendingReview, ({ facts }) => {
        const d = reviewDates(facts);
        const meeting = facts.meetingDate as string;
        expect(daysBetween(d.noticeBy as string, meeting)).toBe(14);
        expect(d.adviceBy).toBe(d.noticeBy);
        expect(daysBetween(meeting, d.reportBy as string)).toBe(14);
        expect(daysBetween(meeting, d.decisionBy as string)).toBe(28);
        expect(daysBetween(meeting, d.finalByMeeting as string)).toBe(84);
        expect(daysBetween(facts.amendmentsSentOn as string, d.finalByNotice as string)).toBe(56);
        expect(d.finalBy).toBe(compareDates(d.finalByNotice as string, d.finalByMeeting as string) <= 0 ? d.finalByNotice : d.finalByMeeting);
      }),
    );
  });

  it('amendments sent with a timely decision make the 8-week date binding; later ones the 12-week date', () => {
    fc.assert(
      fc.property(amendingReview, ({ facts }) => {
        const d = reviewDates(facts);
        const inTime = compareDates(facts.amendmentsSentOn as string, d.decisionBy as string) <= 0;
        expect(d.finalBy).toBe(inTime ? d.finalByNotice : d.finalByMeeting);
      }),
    );
  });

  it('each final-plan breach is exactly its own date missed', () => {
    fc.assert(
      fc.property(amendingReview, ({ facts, today }) => {
        const d = reviewDates(facts);
        const final = reviewSteps(facts, today).find((s) => s.key === 'finalPlan');
        const on = facts.finalIssuedOn ?? today;
        expect(final?.breaches.includes('finalAfter8Weeks')).toBe(compareDates(on, d.finalByNotice as string) > 0);
        expect(final?.breaches.includes('finalAfter12Weeks')).toBe(compareDates(on, d.finalByMeeting as string) > 0);
        const withDecision = compareDates(facts.amendmentsSentOn as string, facts.decisionOn as string) <= 0;
        const decision = reviewSteps(facts, today).find((s) => s.key === 'decision');
        expect(decision?.breaches.includes('amendmentsNotWithDecision')).toBe(!withDecision);
      }),
    );
  });

  it('the next date is an outstanding step, no later than any other outstanding step', () => {
    fc.assert(
      fc.property(amendingReview, ({ facts, today }) => {
        const steps = reviewSteps(facts, today);
        const { nextDue, overdueSteps } = reviewStatus(facts, today);
        const outstanding = steps.filter((s) => s.state === 'due' || s.state === 'overdue');
        expect(nextDue === null).toBe(outstanding.length === 0);
        for (const s of outstanding) expect(compareDates(nextDue?.dueBy as string, s.dueBy as string)).toBeLessThanOrEqual(0);
        expect(overdueSteps).not.toContain('comments');
      }),
    );
  });

  it('walking day by day, each reminder comes once, on or before its date', () => {
    fc.assert(
      fc.property(amendingReview, ({ facts }) => {
        const sent = new Set<string>();
        let today = facts.cycleStart;
        const last = addDays(facts.amendmentsSentOn as string, 120);
        while (compareDates(today, last) <= 0) {
          for (const reminder of reviewRemindersDue(facts, today, sent)) {
            expect(sent.has(reminder.key)).toBe(false);
            expect(compareDates(today, reminder.dueBy)).toBeLessThanOrEqual(0);
            sent.add(reminder.key);
          }
          today = addDays(today, 1);
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('school year properties', () => {
  it('the terms of a year follow each other without a gap, summer starting on a Monday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), (year) => {
        const [autumn, spring, summer] = schoolTerms(year);
        expect(addDays(autumn.end, 1)).toBe(spring.start);
        expect(addDays(spring.end, 1)).toBe(summer.start);
        expect(addDays(summer.end, 1)).toBe(schoolTerms(year + 1)[0].start);
        expect(isMonday(summer.start)).toBe(true);
        expect(summer.start >= `${year + 1}-03-30` && summer.start <= `${year + 1}-05-03`).toBe(true);
      }),
    );
  });

  it('every date is in its own term', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const term = termOf(date);
        expect(term.start <= date && date <= term.end).toBe(true);
        expect(term.academicYear).toBe(academicYearOf(date));
      }),
    );
  });

  it('a child is in Reception on their fifth birthday, and goes up a year each 1 September', () => {
    fc.assert(
      fc.property(isoDateBetween('2000-01-01', '2025-12-31'), fc.integer({ min: 1, max: 14 }), (dob, years) => {
        const fifth = dob.endsWith('02-29') ? `${Number(dob.slice(0, 4)) + 5}-03-01` : `${Number(dob.slice(0, 4)) + 5}${dob.slice(4)}`;
        expect(nationalCurriculumYear(dob, fifth)).toBe('R');
        const september = `${academicYearOf(fifth) + years}-09-01`;
        expect(nationalCurriculumYear(dob, september)).toBe(years);
        expect(nationalCurriculumYear(dob, addDays(september, -1))).toBe(years === 1 ? 'R' : years - 1);
      }),
    );
  });
});
