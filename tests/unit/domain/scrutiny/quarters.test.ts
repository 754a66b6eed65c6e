import { describe, expect, it } from 'vitest';
import { lastCompleteQuarter, periodAsked, quarterOf, reportWindow, trendQuarters } from '~/domain/scrutiny/quarters';

describe('quarters', () => {
  it('puts each day in its calendar quarter, both ends included', () => {
    expect(quarterOf('2026-01-01')).toEqual({ year: 2026, quarter: 1, from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOf('2026-03-31').quarter).toBe(1);
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, quarter: 2, from: '2026-04-01', to: '2026-06-30' });
    expect(quarterOf('2026-09-30')).toEqual({ year: 2026, quarter: 3, from: '2026-07-01', to: '2026-09-30' });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31' });
  });

  it('keeps 29 February in the first quarter of a leap year', () => {
    expect(quarterOf('2028-02-29')).toEqual({ year: 2028, quarter: 1, from: '2028-01-01', to: '2028-03-31' });
    expect(() => quarterOf('2027-02-29')).toThrow(RangeError);
  });

  it('gives the four quarters ending with the one the period ends in, oldest first, across a year end', () => {
    expect(trendQuarters('2027-02-10').map((q) => `${q.year}Q${q.quarter}`)).toEqual(['2026Q2', '2026Q3', '2026Q4', '2027Q1']);
    expect(trendQuarters('2026-12-31').map((q) => q.from)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
  });

  it('defaults to the last complete quarter, never the one under way', () => {
    expect(lastCompleteQuarter('2026-12-06')).toMatchObject({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastCompleteQuarter('2027-01-01')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(lastCompleteQuarter('2026-03-31')).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('reads everything from the earlier of the period start and the first trend quarter', () => {
    expect(reportWindow({ from: '2026-07-01', to: '2026-09-30' })).toEqual({ from: '2025-10-01', to: '2026-09-30' });
    expect(reportWindow({ from: '2024-01-01', to: '2026-09-30' })).toEqual({ from: '2024-01-01', to: '2026-09-30' });
  });
});

describe('the period in the address', () => {
  const today = '2026-12-06';
  it('is the last complete quarter when none is asked for', () => {
    expect(periodAsked(null, null, today)).toEqual({ period: { from: '2026-07-01', to: '2026-09-30' }, problem: null });
    expect(periodAsked(' ', '', today).problem).toBeNull();
  });
  it('takes what is asked, an end left out taking the default quarter end', () => {
    expect(periodAsked('2026-01-01', '2026-06-30', today)).toEqual({ period: { from: '2026-01-01', to: '2026-06-30' }, problem: null });
    expect(periodAsked('2026-02-29', null, today).problem).toBe('fromInvalid');
    expect(periodAsked('2028-02-29', '2028-02-29', '2028-06-01')).toEqual({ period: { from: '2028-02-29', to: '2028-02-29' }, problem: null });
  });
  it('names what is wrong and falls back to the default quarter', () => {
    expect(periodAsked('yesterday', null, today)).toEqual({ period: { from: '2026-07-01', to: '2026-09-30' }, problem: 'fromInvalid' });
    expect(periodAsked('2026-01-01', '2026-13-01', today).problem).toBe('toInvalid');
    expect(periodAsked('2026-06-01', '2026-05-31', today).problem).toBe('toBeforeFrom');
    expect(periodAsked('2016-01-01', '2026-01-01', today).problem).toBe('tooLong');
  });
});
