import { describe, expect, it } from 'vitest';
import {
  academicYearOf,
  nationalCurriculumYear,
  nextCycleStart,
  reviewDates,
  reviewFallsInTerm,
  cycleStartForDueBy,
  reviewNotStarted,
  reviewRemindersDue,
  reviewStatus,
  reviewSteps,
  reviewsInTerm,
  reviewStepNames,
  schoolTerms,
  termNoticeDate,
  termOf,
  upcomingTransfer,
  type ReviewFacts,
  type ReviewStep,
} from '~/domain/annual-review';
import {
  addDays,
  annualReviewDueBy,
  draftCommentsLastDay,
  finalAmendedPlanDueBy,
  phaseTransferLastDay,
  reviewDecisionDueBy,
} from '~/domain/timescales';

// Plan issued Tuesday 10 March 2026: review due by 9 March 2027. Meeting Wednesday 20 January
// 2027: notice and advice by 6 January, report by 3 February, decision by 17 February, final
// plan at the latest 12 weeks on, 14 April.
const base: ReviewFacts = reviewNotStarted('2026-03-10');
const arranged: ReviewFacts = { ...base, meetingDate: '2027-01-20', noticeSentOn: '2027-01-04', adviceCirculatedOn: '2027-01-06' };
const reported: ReviewFacts = { ...arranged, reportReceivedOn: '2027-02-01' };
const amending: ReviewFacts = { ...reported, decision: 'amend', decisionOn: '2027-02-10', amendmentsSentOn: '2027-02-10' };

const step = (steps: ReviewStep[], key: ReviewStep['key']) => steps.find((s) => s.key === key) as ReviewStep;

describe('the dates of a review', () => {
  it('before a meeting is arranged: only the review date, from the timescales module', () => {
    expect(reviewDates(base)).toEqual({
      reviewDueBy: '2027-03-09',
      transferLastDay: null,
      meetingDueBy: '2027-03-09',
      noticeBy: null,
      adviceBy: null,
      reportBy: null,
      decisionBy: null,
      commentsLastDay: null,
      finalByNotice: null,
      finalByMeeting: null,
      finalBy: null,
    });
    expect(reviewDates(base).reviewDueBy).toBe(annualReviewDueBy(base.cycleStart));
  });

  it('with a meeting date: two weeks before for notice and advice, two weeks after for the report, four weeks for the decision', () => {
    const dates = reviewDates(arranged);
    expect(dates).toMatchObject({ noticeBy: '2027-01-06', adviceBy: '2027-01-06', reportBy: '2027-02-03', decisionBy: '2027-02-17' });
    expect(dates.decisionBy).toBe(reviewDecisionDueBy('2027-01-20'));
    expect(dates.finalBy).toBeNull();
  });

  it('when amending: 15 days to comment, 8 weeks from the notice, 12 weeks from the meeting, the earlier binding', () => {
    const dates = reviewDates(amending);
    expect(dates).toMatchObject({ commentsLastDay: '2027-02-24', finalByNotice: '2027-04-07', finalByMeeting: '2027-04-14', finalBy: '2027-04-07' });
    expect(dates.commentsLastDay).toBe(draftCommentsLastDay('2027-02-10'));
    expect(dates.finalByNotice).toBe(finalAmendedPlanDueBy('2027-02-10'));
    expect(dates.finalByMeeting).toBe(addDays('2027-01-20', 84));
  });

  it('Devon backstop: a late amendment notice makes 12 weeks from the meeting the binding date', () => {
    const late = { ...amending, decisionOn: '2027-02-17', amendmentsSentOn: '2027-03-10' };
    expect(reviewDates(late)).toMatchObject({ finalByNotice: '2027-05-05', finalByMeeting: '2027-04-14', finalBy: '2027-04-14' });
  });

  it('a decision to amend with no notice yet: the 12-week date stands alone', () => {
    const noNotice = { ...amending, amendmentsSentOn: null };
    expect(reviewDates(noNotice)).toMatchObject({ commentsLastDay: null, finalByNotice: null, finalBy: '2027-04-14' });
  });

  it.each([
    ['2024-02-29', '2025-02-28'],
    ['2023-03-01', '2024-02-29'],
    ['2024-03-01', '2025-02-28'],
  ])('leap years: a cycle starting %s is due by %s', (cycleStart, due) => {
    expect(reviewDates({ ...base, cycleStart }).reviewDueBy).toBe(due);
  });

  it('a phase transfer: the meeting and the amended plan by 14 February of the transfer year', () => {
    const facts = { ...amending, cycleStart: '2026-06-01', transfer: { kind: 'phase' as const, transferDate: '2027-09-01' } };
    const dates = reviewDates(facts);
    expect(dates.transferLastDay).toBe('2027-02-14');
    expect(dates.transferLastDay).toBe(phaseTransferLastDay('2027-09-01', 'phase'));
    expect(dates.meetingDueBy).toBe('2027-02-14');
    expect(dates.finalBy).toBe('2027-02-14');
  });

  it('a post-16 transfer: 30 March', () => {
    const dates = reviewDates({ ...base, cycleStart: '2026-06-01', transfer: { kind: 'post16', transferDate: '2027-09-01' } });
    expect(dates.transferLastDay).toBe('2027-03-30');
    expect(dates.meetingDueBy).toBe('2027-03-30');
  });

  it('the 12-month date wins when it comes before the transfer date', () => {
    const dates = reviewDates({ ...base, cycleStart: '2026-01-05', transfer: { kind: 'post16', transferDate: '2027-09-01' } });
    expect(dates.meetingDueBy).toBe('2027-01-04');
  });

  it('rejects facts that do not fit together and dates that are not real', () => {
    expect(() => reviewDates({ ...reported, decision: 'keep' })).toThrow(RangeError);
    expect(() => reviewDates({ ...reported, decisionOn: '2027-02-10' })).toThrow(RangeError);
    expect(() => reviewDates({ ...reported, amendmentsSentOn: '2027-02-10' })).toThrow(RangeError);
    expect(() => reviewDates({ ...base, decision: 'keep', decisionOn: '2027-02-10' })).toThrow(RangeError);
    expect(() => reviewDates({ ...base, meetingDate: '2027-02-30' })).toThrow(RangeError);
    expect(() => reviewDates({ ...reported, decision: 'maybe' as never, decisionOn: '2027-02-10' })).toThrow(RangeError);
  });
});

describe('the steps of a review', () => {
  it('are in order', () => {
    expect(reviewSteps(base, '2026-12-06').map((s) => s.key)).toEqual([...reviewStepNames]);
  });

  it('before a meeting: the meeting is due, the rest not yet', () => {
    const steps = reviewSteps(base, '2026-12-06');
    expect(steps.map((s) => s.state)).toEqual(['due', 'not_yet', 'not_yet', 'not_yet', 'not_yet', 'not_yet', 'not_yet']);
    expect(step(steps, 'meeting')).toEqual({ key: 'meeting', dueBy: '2027-03-09', doneOn: null, state: 'due', breaches: [] });
  });

  it('no meeting by the due date: overdue and the review missed', () => {
    const meeting = step(reviewSteps(base, '2027-03-10'), 'meeting');
    expect(meeting.state).toBe('overdue');
    expect(meeting.breaches).toEqual(['reviewMissed']);
  });

  it('a meeting arranged for after the due date is flagged at once', () => {
    const meeting = step(reviewSteps({ ...base, meetingDate: '2027-03-15' }, '2027-01-05'), 'meeting');
    expect(meeting.state).toBe('due');
    expect(meeting.breaches).toEqual(['reviewMissed']);
  });

  it('a meeting arranged: notice and advice due two weeks before, done on time when sent by then', () => {
    const steps = reviewSteps(arranged, '2027-01-10');
    expect(step(steps, 'meeting')).toMatchObject({ state: 'due', doneOn: null });
    expect(step(steps, 'notice')).toEqual({ key: 'notice', dueBy: '2027-01-06', doneOn: '2027-01-04', state: 'done', breaches: [] });
    expect(step(steps, 'advice')).toEqual({ key: 'advice', dueBy: '2027-01-06', doneOn: '2027-01-06', state: 'done', breaches: [] });
    expect(step(steps, 'report')).toMatchObject({ dueBy: '2027-02-03', state: 'not_yet' });
    expect(step(steps, 'decision')).toMatchObject({ dueBy: '2027-02-17', state: 'not_yet' });
  });

  it('short notice and late advice are flagged, sent or not', () => {
    const late = reviewSteps({ ...arranged, noticeSentOn: '2027-01-08', adviceCirculatedOn: null }, '2027-01-10');
    expect(step(late, 'notice')).toMatchObject({ state: 'done_late', breaches: ['noticeShort'] });
    expect(step(late, 'advice')).toMatchObject({ state: 'overdue', breaches: ['adviceLate'] });
  });

  it('after the meeting: the report is due, then overdue', () => {
    expect(step(reviewSteps(arranged, '2027-01-20'), 'meeting')).toMatchObject({ state: 'done', doneOn: '2027-01-20' });
    expect(step(reviewSteps(arranged, '2027-02-03'), 'report')).toMatchObject({ state: 'due', breaches: [] });
    expect(step(reviewSteps(arranged, '2027-02-04'), 'report')).toMatchObject({ state: 'overdue', breaches: ['reportLate'] });
    expect(step(reviewSteps({ ...arranged, reportReceivedOn: '2027-02-05' }, '2027-02-10'), 'report')).toMatchObject({ state: 'done_late', breaches: ['reportLate'] });
  });

  it('a decision to keep the plan: done, no comments, no final plan', () => {
    const steps = reviewSteps({ ...reported, decision: 'keep', decisionOn: '2027-02-17' }, '2027-03-01');
    expect(step(steps, 'decision')).toMatchObject({ state: 'done', doneOn: '2027-02-17', breaches: [] });
    expect(step(steps, 'comments').state).toBe('not_applicable');
    expect(step(steps, 'finalPlan').state).toBe('not_applicable');
  });

  it('a decision to cease: the same', () => {
    const steps = reviewSteps({ ...reported, decision: 'cease', decisionOn: '2027-02-18' }, '2027-03-01');
    expect(step(steps, 'decision')).toMatchObject({ state: 'done_late', breaches: ['decisionLate'] });
    expect(step(steps, 'finalPlan').state).toBe('not_applicable');
  });

  it('amending with the proposed amendments sent with the decision: on time', () => {
    const steps = reviewSteps(amending, '2027-02-12');
    expect(step(steps, 'decision')).toMatchObject({ state: 'done', doneOn: '2027-02-10', breaches: [] });
    expect(step(steps, 'comments')).toEqual({ key: 'comments', dueBy: '2027-02-24', doneOn: null, state: 'open', breaches: [] });
    expect(step(steps, 'finalPlan')).toMatchObject({ dueBy: '2027-04-07', state: 'due', breaches: [] });
  });

  it('Devon: a decision to amend sent without the amendments is flagged, and not done until they go', () => {
    const without = { ...amending, amendmentsSentOn: null };
    expect(step(reviewSteps(without, '2027-02-12'), 'decision')).toMatchObject({ state: 'due', doneOn: null, breaches: ['amendmentsNotWithDecision'] });
    expect(step(reviewSteps(without, '2027-02-18'), 'decision')).toMatchObject({ state: 'overdue', breaches: ['decisionLate', 'amendmentsNotWithDecision'] });
    // Amendments a few days after a timely decision: still inside 4 weeks, but not with the decision.
    const after = { ...amending, decisionOn: '2027-02-08', amendmentsSentOn: '2027-02-12' };
    expect(step(reviewSteps(after, '2027-02-20'), 'decision')).toMatchObject({ state: 'done', doneOn: '2027-02-12', breaches: ['amendmentsNotWithDecision'] });
    // Amendments sent ahead of the decision letter count as sent with it.
    const ahead = { ...amending, decisionOn: '2027-02-12', amendmentsSentOn: '2027-02-10' };
    expect(step(reviewSteps(ahead, '2027-02-20'), 'decision')).toMatchObject({ state: 'done', doneOn: '2027-02-12', breaches: [] });
  });

  it('the family window is never late: open, then closed', () => {
    expect(step(reviewSteps(amending, '2027-02-24'), 'comments').state).toBe('open');
    expect(step(reviewSteps(amending, '2027-02-25'), 'comments')).toMatchObject({ state: 'closed', breaches: [] });
  });

  it('the 8-week and the 12-week dates are breached independently', () => {
    // Notice a week after the meeting: 8 weeks -> 24 March, 12 weeks from the meeting -> 14 April.
    const early = { ...reported, decision: 'amend' as const, decisionOn: '2027-01-27', amendmentsSentOn: '2027-01-27' };
    expect(step(reviewSteps({ ...early, finalIssuedOn: '2027-03-24' }, '2027-05-01'), 'finalPlan')).toMatchObject({ state: 'done', breaches: [] });
    expect(step(reviewSteps({ ...early, finalIssuedOn: '2027-04-01' }, '2027-05-01'), 'finalPlan')).toMatchObject({ state: 'done_late', breaches: ['finalAfter8Weeks'] });
    expect(step(reviewSteps({ ...early, finalIssuedOn: '2027-04-15' }, '2027-05-01'), 'finalPlan')).toMatchObject({ breaches: ['finalAfter8Weeks', 'finalAfter12Weeks'] });
    // A late notice (Devon): within 8 weeks of it, but after 12 weeks from the meeting.
    const late = { ...reported, decision: 'amend' as const, decisionOn: '2027-02-17', amendmentsSentOn: '2027-03-10' };
    expect(step(reviewSteps({ ...late, finalIssuedOn: '2027-04-30' }, '2027-05-01'), 'finalPlan')).toMatchObject({ dueBy: '2027-04-14', state: 'done_late', breaches: ['finalAfter12Weeks'] });
    expect(step(reviewSteps(late, '2027-04-15'), 'finalPlan')).toMatchObject({ state: 'overdue', breaches: ['finalAfter12Weeks'] });
    expect(step(reviewSteps(late, '2027-05-06'), 'finalPlan')).toMatchObject({ breaches: ['finalAfter8Weeks', 'finalAfter12Weeks'] });
  });

  it('a phase transfer: a final plan after 14 February breaches the transfer date on its own', () => {
    const facts: ReviewFacts = {
      ...base,
      cycleStart: '2026-06-01',
      transfer: { kind: 'phase', transferDate: '2027-09-01' },
      meetingDate: '2026-11-10',
      noticeSentOn: '2026-10-20',
      adviceCirculatedOn: '2026-10-20',
      reportReceivedOn: '2026-11-20',
      decision: 'amend',
      decisionOn: '2026-12-01',
      amendmentsSentOn: '2026-12-01',
      finalIssuedOn: '2027-02-16',
    };
    // 8 weeks -> 26 January 2027; 12 weeks from the meeting -> 2 February 2027.
    const final = step(reviewSteps(facts, '2027-03-01'), 'finalPlan');
    expect(final.dueBy).toBe('2027-01-26');
    expect(final.breaches).toEqual(['finalAfter8Weeks', 'finalAfter12Weeks', 'finalAfterTransferDate']);
    const meeting = step(reviewSteps({ ...facts, meetingDate: '2027-02-15', noticeSentOn: null, adviceCirculatedOn: null, reportReceivedOn: null, decision: null, decisionOn: null, amendmentsSentOn: null, finalIssuedOn: null }, '2027-01-10'), 'meeting');
    expect(meeting.breaches).toEqual(['transferReviewMissed']);
  });
});

describe('where a review stands', () => {
  it.each<[string, ReviewFacts, string, string]>([
    ['to arrange', base, '2026-12-06', 'to_arrange'],
    ['arranged', arranged, '2027-01-10', 'arranged'],
    ['awaiting the report', arranged, '2027-01-25', 'awaiting_report'],
    ['awaiting the decision', reported, '2027-02-05', 'awaiting_decision'],
    ['decided to amend, amendments not sent', { ...amending, amendmentsSentOn: null }, '2027-02-12', 'awaiting_decision'],
    ['amendments out', amending, '2027-02-12', 'amendments_out'],
    ['awaiting the final plan', amending, '2027-02-25', 'awaiting_final'],
    ['final plan issued', { ...amending, finalIssuedOn: '2027-03-20' }, '2027-03-25', 'done'],
    ['kept', { ...reported, decision: 'keep', decisionOn: '2027-02-10' }, '2027-02-12', 'done'],
    ['ceasing', { ...reported, decision: 'cease', decisionOn: '2027-02-10' }, '2027-02-12', 'done'],
  ])('%s', (_, facts, today, status) => {
    expect(reviewStatus(facts, today).status).toBe(status);
  });

  it('the next date is the earliest outstanding council or setting date, never the family window', () => {
    expect(reviewStatus(base, '2026-12-06').nextDue).toEqual({ step: 'meeting', dueBy: '2027-03-09' });
    const notSent = { ...arranged, noticeSentOn: null, adviceCirculatedOn: null };
    // Notice and advice on the same day: the order of the steps.
    expect(reviewStatus(notSent, '2027-01-01').nextDue).toEqual({ step: 'notice', dueBy: '2027-01-06' });
    expect(reviewStatus(arranged, '2027-01-10').nextDue).toEqual({ step: 'meeting', dueBy: '2027-03-09' });
    expect(reviewStatus(arranged, '2027-01-25').nextDue).toEqual({ step: 'report', dueBy: '2027-02-03' });
    expect(reviewStatus(amending, '2027-02-12').nextDue).toEqual({ step: 'finalPlan', dueBy: '2027-04-07' });
    expect(reviewStatus({ ...amending, finalIssuedOn: '2027-03-20' }, '2027-03-25').nextDue).toBeNull();
  });

  it('lists what is overdue; an overdue date is still the next one', () => {
    const result = reviewStatus({ ...arranged, noticeSentOn: null, adviceCirculatedOn: null }, '2027-02-05');
    expect(result.overdueSteps).toEqual(['notice', 'advice', 'report']);
    expect(result.nextDue).toEqual({ step: 'notice', dueBy: '2027-01-06' });
  });
});

describe('the next review', () => {
  it('runs 12 months from the meeting of a completed review, however long it took', () => {
    expect(nextCycleStart(arranged)).toBeNull();
    expect(nextCycleStart(amending)).toBeNull();
    expect(nextCycleStart({ ...reported, decision: 'keep', decisionOn: '2027-02-10' })).toBe('2027-01-20');
    const done = { ...amending, finalIssuedOn: '2027-05-30' };
    expect(nextCycleStart(done)).toBe('2027-01-20');
    expect(reviewDates({ ...base, cycleStart: nextCycleStart(done) as string }).reviewDueBy).toBe('2028-01-19');
  });

  it('does not follow a decision to cease', () => {
    expect(nextCycleStart({ ...reported, decision: 'cease', decisionOn: '2027-02-10' })).toBeNull();
  });
});

describe('school years and terms', () => {
  it.each([
    ['2026-08-31', 2025],
    ['2026-09-01', 2026],
    ['2027-01-01', 2026],
  ])('%s is in the academic year starting %i', (date, year) => {
    expect(academicYearOf(date)).toBe(year);
  });

  it.each([
    [2024, '2025-04-27', '2025-04-28'], // Easter 20 April 2025
    [2025, '2026-04-12', '2026-04-13'], // Easter 5 April 2026
    [2026, '2027-04-04', '2027-04-05'], // Easter 28 March 2027
    [2027, '2028-04-23', '2028-04-24'], // Easter 16 April 2028
  ])('academic year %i: spring ends %s, summer starts %s', (year, springEnd, summerStart) => {
    expect(schoolTerms(year)).toEqual([
      { academicYear: year, name: 'autumn', start: `${year}-09-01`, end: `${year}-12-31` },
      { academicYear: year, name: 'spring', start: `${year + 1}-01-01`, end: springEnd },
      { academicYear: year, name: 'summer', start: summerStart, end: `${year + 1}-08-31` },
    ]);
  });

  it('finds the term of a date, holidays included', () => {
    expect(termOf('2026-12-25')).toMatchObject({ academicYear: 2026, name: 'autumn' });
    expect(termOf('2027-04-04')).toMatchObject({ academicYear: 2026, name: 'spring' });
    expect(termOf('2027-04-05')).toMatchObject({ academicYear: 2026, name: 'summer' });
    expect(termOf('2027-08-31')).toMatchObject({ academicYear: 2026, name: 'summer' });
    expect(termOf('2027-09-01')).toMatchObject({ academicYear: 2027, name: 'autumn' });
  });

  it('settings are told two weeks before each term starts (CoP 9.172)', () => {
    const [autumn, spring, summer] = schoolTerms(2026);
    expect(termNoticeDate(autumn)).toBe('2026-08-18');
    expect(termNoticeDate(spring)).toBe('2026-12-18');
    expect(termNoticeDate(summer)).toBe('2027-03-22');
  });

  it('a review falls in the term its meeting is due in', () => {
    const [autumn, spring, summer] = schoolTerms(2026);
    // Due 9 March 2027: spring. A phase transfer brings it forward but it stays in spring.
    expect([autumn, spring, summer].map((term) => reviewFallsInTerm(base, term))).toEqual([false, true, false]);
    const december = { ...base, cycleStart: '2026-01-01' };
    const transfer = { ...base, cycleStart: '2026-06-01', transfer: { kind: 'post16' as const, transferDate: '2027-09-01' } };
    expect(reviewsInTerm([{ id: 'a', facts: base }, { id: 'b', facts: december }, { id: 'c', facts: transfer }], spring).map((r) => r.id)).toEqual(['a', 'c']);
    expect(reviewsInTerm([{ id: 'b', facts: december }], autumn).map((r) => r.id)).toEqual(['b']);
  });
});

describe('year groups and phase transfers', () => {
  const today = '2026-12-06'; // academic year 2026-27

  it.each([
    ['2020-08-31', '2024-09-02', 'R'],
    ['2020-08-31', '2025-09-01', 1],
    ['2020-09-01', '2025-09-01', 'R'],
    ['2020-09-01', '2025-08-31', 'N'],
    ['2016-02-29', today, 6],
    ['2011-08-31', today, 11],
    ['2011-09-01', today, 10],
    ['2026-01-01', today, 'N'],
  ])('born %s, on %s: year %s', (dob, on, year) => {
    expect(nationalCurriculumYear(dob, on)).toBe(year);
  });

  it('Year 6 by date of birth: born 1 September 2015 to 31 August 2016', () => {
    const expected = { kind: 'phase', from: 'primary', to: 'secondary', transferDate: '2027-09-01', lastDay: '2027-02-14' };
    expect(upcomingTransfer('2016-08-31', today)).toEqual(expected);
    expect(upcomingTransfer('2015-09-01', today)).toEqual(expected);
    expect(upcomingTransfer('2016-09-01', today)).toBeNull(); // Year 5
    expect(upcomingTransfer('2015-08-31', today)).toBeNull(); // Year 7
  });

  it('Year 11 by date of birth: secondary to post-16 by 30 March', () => {
    const expected = { kind: 'post16', from: 'secondary', to: 'post16', transferDate: '2027-09-01', lastDay: '2027-03-30' };
    expect(upcomingTransfer('2011-08-31', today)).toEqual(expected);
    expect(upcomingTransfer('2010-09-01', today)).toEqual(expected);
    expect(upcomingTransfer('2011-09-01', today)).toBeNull();
    expect(upcomingTransfer('2010-08-31', today)).toBeNull(); // Year 12
  });

  it('the year before Reception: early years to school', () => {
    expect(upcomingTransfer('2023-08-31', today)).toEqual({ kind: 'phase', from: 'early_years', to: 'school', transferDate: '2027-09-01', lastDay: '2027-02-14' });
    expect(upcomingTransfer('2023-09-01', today)).toBeNull();
    expect(upcomingTransfer('2022-09-01', today)?.from).toBe('early_years');
    expect(upcomingTransfer('2022-08-31', today)).toBeNull(); // in Reception already
  });

  it('infant to junior only when the setting says so', () => {
    expect(upcomingTransfer('2020-01-15', today)).toBeNull();
    expect(upcomingTransfer('2020-01-15', today, { infantSchool: true })).toEqual({ kind: 'phase', from: 'infant', to: 'junior', transferDate: '2027-09-01', lastDay: '2027-02-14' });
  });

  it('the transfer date is the next 1 September even in August', () => {
    expect(upcomingTransfer('2016-08-31', '2027-08-31')?.transferDate).toBe('2027-09-01');
    expect(upcomingTransfer('2016-08-31', '2027-09-01')).toBeNull();
  });
});

describe('reminders', () => {
  const keys = (facts: ReviewFacts, today: string, sent: string[] = []) => reviewRemindersDue(facts, today, new Set(sent)).map((r) => r.key);

  it('the convenor is reminded to hold the meeting 5 working days before it is due, once', () => {
    // Due Tuesday 9 March 2027: from Tuesday 2 March.
    expect(keys(base, '2027-03-01')).toEqual([]);
    expect(reviewRemindersDue(base, '2027-03-02', new Set())).toEqual([{ key: 'meeting:2027-03-09', step: 'meeting', dueBy: '2027-03-09', to: 'convenor' }]);
    expect(keys(base, '2027-03-05', ['meeting:2027-03-09'])).toEqual([]);
    expect(keys(base, '2027-03-09')).toEqual(['meeting:2027-03-09']);
    expect(keys(base, '2027-03-10')).toEqual([]); // overdue now: shown, not reminded
  });

  it('not about the meeting once it is arranged; about notice and advice', () => {
    const notSent = { ...base, meetingDate: '2027-02-10' };
    // Notice and advice by Wednesday 27 January: from Wednesday 20 January.
    expect(keys(notSent, '2027-01-19')).toEqual([]);
    expect(keys(notSent, '2027-01-20')).toEqual(['notice:2027-01-27', 'advice:2027-01-27']);
    expect(keys({ ...notSent, noticeSentOn: '2027-01-20' }, '2027-01-21', ['advice:2027-01-27'])).toEqual([]);
  });

  it('again when a date moves', () => {
    const held = { ...base, meetingDate: '2027-02-10', noticeSentOn: '2027-01-20', adviceCirculatedOn: '2027-01-20' };
    expect(keys(held, '2027-02-17')).toEqual(['report:2027-02-24']);
    const moved = { ...held, meetingDate: '2027-02-12' };
    expect(keys(moved, '2027-02-19', ['report:2027-02-24'])).toEqual(['report:2027-02-26']);
  });

  it('counts working days over Easter', () => {
    // Meeting Wednesday 3 March 2027, decision by Wednesday 31 March; Good Friday 26 March and
    // Easter Monday 29 March 2027 are not working days, so the reminder comes on Monday 22 March.
    const facts = { ...base, meetingDate: '2027-03-03', noticeSentOn: '2027-02-17', adviceCirculatedOn: '2027-02-17', reportReceivedOn: '2027-03-10' };
    expect(keys(facts, '2027-03-19')).toEqual([]);
    expect(reviewRemindersDue(facts, '2027-03-22', new Set())).toEqual([{ key: 'decision:2027-03-31', step: 'decision', dueBy: '2027-03-31', to: 'council' }]);
  });

  it('the family, 5 working days before the last day to comment; the council before the final plan', () => {
    expect(reviewRemindersDue(amending, '2027-02-17', new Set())).toEqual([{ key: 'comments:2027-02-24', step: 'comments', dueBy: '2027-02-24', to: 'family' }]);
    expect(keys(amending, '2027-02-16')).toEqual([]);
    expect(keys(amending, '2027-02-25')).toEqual([]);
    // Final plan by Wednesday 7 April 2027 (after Easter): from Wednesday 31 March.
    expect(keys(amending, '2027-03-30')).toEqual([]);
    expect(reviewRemindersDue(amending, '2027-03-31', new Set())).toEqual([{ key: 'finalPlan:2027-04-07', step: 'finalPlan', dueBy: '2027-04-07', to: 'council' }]);
    expect(keys({ ...amending, finalIssuedOn: '2027-03-30' }, '2027-03-31')).toEqual([]);
  });

  it('nothing after a decision to keep the plan', () => {
    expect(keys({ ...reported, decision: 'keep', decisionOn: '2027-02-10' }, '2027-02-12')).toEqual([]);
  });
});

describe('cycleStartForDueBy', () => {
  it('is the start of the cycle whose review falls due that day, across month ends and leap years', () => {
    for (const dueBy of ['2027-02-10', '2028-02-29', '2027-03-31', '2026-12-20']) {
      const start = cycleStartForDueBy(dueBy);
      expect(reviewDates(reviewNotStarted(start)).reviewDueBy).toBe(dueBy);
    }
  });
});
