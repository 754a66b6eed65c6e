import { describe, expect, it } from 'vitest';
import {
  NAME_REMOVED,
  figuresFromCounts,
  feedbackStepOf,
  offersFromEvents,
  openSteps,
  quarterOf,
  quarterPeriod,
  recentQuarters,
  redactNames,
  surveyOpen,
  SURVEY_OPEN_DAYS,
} from '~/domain/feedback';
import { addDays } from '~/domain/timescales';

describe('which steps a case has reached, and so which surveys it is offered', () => {
  it('maps the key events to their steps and nothing else', () => {
    expect(feedbackStepOf('request_received')).toBe('request_sent');
    expect(feedbackStepOf('assessment_agreed')).toBe('decision');
    expect(feedbackStepOf('assessment_refused')).toBe('decision');
    expect(feedbackStepOf('final_plan_issued')).toBe('final_plan');
    expect(feedbackStepOf('review_decided')).toBe('annual_review');
    expect(feedbackStepOf('draft_plan_issued')).toBeNull();
    expect(feedbackStepOf('toString')).toBeNull();
  });

  it('offers each step once, on the first day it was reached, in case order', () => {
    const offers = offersFromEvents([
      { kind: 'review_decided', on: '2027-03-01' },
      { kind: 'request_received', on: '2026-01-05' },
      { kind: 'assessment_agreed', on: '2026-02-10' },
      { kind: 'review_decided', on: '2026-12-01' },
      { kind: 'advice_requested', on: '2026-02-12' },
    ]);
    expect(offers).toEqual([
      { step: 'request_sent', offeredOn: '2026-01-05' },
      { step: 'decision', offeredOn: '2026-02-10' },
      { step: 'annual_review', offeredOn: '2026-12-01' },
    ]);
  });

  it(`keeps a key step's survey open for ${SURVEY_OPEN_DAYS} days and until answered; the any-time one until answered`, () => {
    const offers = [{ step: 'decision' as const, offeredOn: '2026-02-10' }];
    expect(surveyOpen('decision', offers, [], '2026-02-10')).toBe(true);
    expect(surveyOpen('decision', offers, [], addDays('2026-02-10', SURVEY_OPEN_DAYS))).toBe(true);
    expect(surveyOpen('decision', offers, [], addDays('2026-02-10', SURVEY_OPEN_DAYS + 1))).toBe(false);
    expect(surveyOpen('decision', offers, ['decision'], '2026-02-11')).toBe(false);
    expect(surveyOpen('final_plan', offers, [], '2026-02-11')).toBe(false);
    expect(surveyOpen('any_time', [], [], '2030-01-01')).toBe(true);
    expect(surveyOpen('any_time', [], ['any_time'], '2030-01-01')).toBe(false);
    expect(openSteps([...offers, { step: 'request_sent', offeredOn: '2026-01-05' }], ['request_sent'], '2026-02-11')).toEqual(['decision']);
  });
});

describe('calendar quarters', () => {
  it('names the quarter a day falls in', () => {
    expect(quarterOf('2026-01-01')).toBe('2026 Q1');
    expect(quarterOf('2026-03-31')).toBe('2026 Q1');
    expect(quarterOf('2026-04-01')).toBe('2026 Q2');
    expect(quarterOf('2026-12-31')).toBe('2026 Q4');
  });

  it('gives each quarter its first and last day, leap years included', () => {
    expect(quarterPeriod('2028 Q1')).toEqual({ from: '2028-01-01', to: '2028-03-31' });
    expect(quarterPeriod('2026 Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterPeriod('2026 Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('lists this quarter and those before it, across a year end', () => {
    expect(recentQuarters('2027-02-14', 4)).toEqual(['2027 Q1', '2026 Q4', '2026 Q3', '2026 Q2']);
  });
});

describe('figures', () => {
  it('response rate is responses over offers; satisfied is 4 or 5 over responses', () => {
    const f = figuresFromCounts('decision', { offers: 8, satisfaction: { 5: 1, 4: 2, 2: 1 } });
    expect(f).toMatchObject({ offers: 8, responses: 4, responseRate: 50, percentSatisfied: 75, averageSatisfaction: 3.8 });
    expect(f.distribution).toEqual({ 5: 1, 4: 2, 3: 0, 2: 1, 1: 0 });
  });

  it('has no rate to show with nothing to divide by, and none for the any-time survey', () => {
    expect(figuresFromCounts('final_plan', { offers: 0, satisfaction: {} })).toMatchObject({ responseRate: null, percentSatisfied: null, averageSatisfaction: null });
    expect(figuresFromCounts('any_time', { offers: 3, satisfaction: { 1: 1 } })).toMatchObject({ offers: null, responseRate: null, responses: 1, percentSatisfied: 0 });
  });

  it('rounds rates to one decimal place', () => {
    expect(figuresFromCounts('request_sent', { offers: 3, satisfaction: { 5: 1 } }).responseRate).toBe(33.3);
  });
});

describe('taking names out of what a family writes', () => {
  const names = ['Alfie Jones', 'Sarah Jones', 'Priya Shah'];

  it('removes full names and each part of them, whatever the case', () => {
    expect(redactNames('SARAH jones spoke to priya about alfie.', names)).toBe(`${NAME_REMOVED} spoke to ${NAME_REMOVED} about ${NAME_REMOVED}.`);
    expect(redactNames('Mrs Jones and Ms Shah', names)).toBe(`Mrs ${NAME_REMOVED} and Ms ${NAME_REMOVED}`);
  });

  it('matches whole words only', () => {
    expect(redactNames('Alfie’s sharp, jonesing for alfieville', names)).toBe(`${NAME_REMOVED}’s sharp, jonesing for alfieville`);
    expect(redactNames('Shahid was kind', names)).toBe('Shahid was kind');
  });

  it('finds names with apostrophes (either kind) and hyphens', () => {
    const irish = ["Siobhan O'Brien", 'Mary-Jane Smith-Jones'];
    expect(redactNames('Siobhan O’Brien was great', irish)).toBe(`${NAME_REMOVED} was great`);
    expect(redactNames("o'brien called", irish)).toBe(`${NAME_REMOVED} called`);
    expect(redactNames('Mary-Jane Smith-Jones, then Mrs Smith-Jones, then Smith', irish)).toBe(`${NAME_REMOVED}, then Mrs ${NAME_REMOVED}, then ${NAME_REMOVED}`);
  });

  it('finds names in other scripts, as whole words', () => {
    expect(redactNames('محمد خان ساعدنا كثيرا', ['محمد خان'])).toBe(`${NAME_REMOVED} ساعدنا كثيرا`);
    expect(redactNames('ਹਰਪ੍ਰੀਤ ਨੇ ਮਦਦ ਕੀਤੀ', ['ਹਰਪ੍ਰੀਤ ਕੌਰ'])).toBe(`${NAME_REMOVED} ਨੇ ਮਦਦ ਕੀਤੀ`);
    expect(redactNames('Łukasz i ŁUKASZOWI', ['Łukasz Nowak'])).toBe(`${NAME_REMOVED} i ŁUKASZOWI`);
    // A mark or letter joined on is part of the word: not a match.
    expect(redactNames('ਹਰਪ੍ਰੀਤਾ', ['ਹਰਪ੍ਰੀਤ'])).toBe('ਹਰਪ੍ਰੀਤਾ');
  });

  it('removes email addresses and telephone numbers, not dates or references', () => {
    expect(redactNames('Write to s.jones99@example.co.uk or call 07700 900123 or +44 (0)1632 960101', [])).toBe(`Write to ${NAME_REMOVED} or call ${NAME_REMOVED} or ${NAME_REMOVED}`);
    expect(redactNames('On 2026-12-01, case NFB-2026-00042, 20 weeks', [])).toBe('On 2026-12-01, case NFB-2026-00042, 20 weeks');
  });

  it('never searches a replacement again, and treats regex characters in a name as text', () => {
    expect(redactNames('Name removed here', ['Name', 'Removed'])).toBe(`${NAME_REMOVED} ${NAME_REMOVED} here`);
    expect(redactNames('a.b and axb', ['a.b'])).toBe(`${NAME_REMOVED} and axb`);
    expect(redactNames('nothing to remove', [' ', ''])).toBe('nothing to remove');
  });
});
