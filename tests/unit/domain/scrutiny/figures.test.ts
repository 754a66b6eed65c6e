import { describe, expect, it } from 'vitest';
import { figureById, figureIds, figureKeys, figureValue, scrutinyReport, type FigureCount } from '~/domain/scrutiny/figures';
import { trendQuarters } from '~/domain/scrutiny/quarters';

// Which items each figure counts, and how, is SQL over stored dates: tests/integration/scrutiny-rules.test.ts.

describe('a figure’s value', () => {
  it('is the share counted, leaving exception cases out of both sides', () => {
    expect(figureValue(figureById('finalPlans'), [{ outcome: 'onTime', n: 2 }, { outcome: 'late', n: 1 }, { outcome: 'exception', n: 3 }])).toEqual({ value: 66.7, numerator: 2, denominator: 3, leftOut: 3 });
    expect(figureValue(figureById('finalPlansWithExceptions'), [{ outcome: 'onTime', n: 1 }, { outcome: 'late', n: 1 }])).toMatchObject({ value: 50, leftOut: 0 });
  });
  it('is null with nothing to divide by, and a count for counted figures', () => {
    expect(figureValue(figureById('decisions'), [])).toEqual({ value: null, numerator: 0, denominator: 0, leftOut: 0 });
    expect(figureValue(figureById('apologies'), [{ outcome: 'sent', n: 4 }])).toMatchObject({ value: 4, numerator: 4 });
    expect(figureValue(figureById('refusalsToAssess'), [{ outcome: 'refused', n: 1 }, { outcome: 'agreed', n: 3 }])).toMatchObject({ value: 25 });
    expect(figureValue(figureById('familiesSatisfied'), [{ outcome: 'satisfied', n: 2 }, { outcome: 'notSatisfied', n: 1 }])).toMatchObject({ value: 66.7 });
  });
});

describe('the report', () => {
  it('has every figure, with a name and a rule to show', () => {
    expect(figureIds.length).toBe(19);
    for (const id of figureIds) expect(figureKeys[id].name).toBe(`scrutiny.figure.${id}.name`);
  });
  // Bucket 0 is the period (Q3 2026), 1 to 4 its trend quarters (Q4 2025 to Q3 2026).
  const counts: FigureCount[] = [
    { figure: 'finalPlans', bucket: 0, teamId: 'north', outcome: 'onTime', n: 1 },
    { figure: 'finalPlans', bucket: 0, teamId: 'south', outcome: 'late', n: 1 },
    { figure: 'finalPlans', bucket: 2, teamId: 'north', outcome: 'late', n: 1 },
    { figure: 'finalPlans', bucket: 4, teamId: 'north', outcome: 'onTime', n: 1 },
    { figure: 'finalPlans', bucket: 4, teamId: 'south', outcome: 'late', n: 1 },
    { figure: 'finalPlansWithExceptions', bucket: 0, teamId: 'north', outcome: 'onTime', n: 1 },
    { figure: 'finalPlansWithExceptions', bucket: 0, teamId: 'south', outcome: 'late', n: 1 },
  ];
  it('rates each figure for the period, its four quarters and each team, against the council thresholds or the defaults', () => {
    const report = scrutinyReport(counts, { quarters: trendQuarters('2026-09-30'), teamIds: ['north', 'south'], teamId: null, thresholds: { finalPlans: { green: 40, amber: 20 } } });
    const plans = report.find((f) => f.id === 'finalPlans')!;
    expect(plans.period).toMatchObject({ value: 50, rag: 'green' });
    expect(plans.thresholds).toEqual({ green: 40, amber: 20 });
    expect(plans.trend.map((q) => [q.quarter.quarter, q.value, q.rag])).toEqual([
      [4, null, 'none'],
      [1, 0, 'red'],
      [2, null, 'none'],
      [3, 50, 'green'],
    ]);
    expect(plans.byTeam.map((b) => [b.teamId, b.value, b.rag])).toEqual([
      ['north', 100, 'green'],
      ['south', 0, 'red'],
    ]);
    // The default thresholds where the council set none: 60 / 40.
    expect(report.find((f) => f.id === 'finalPlansWithExceptions')!.period.rag).toBe('amber');
    expect(report.find((f) => f.id === 'decisions')!.period).toMatchObject({ value: null, rag: 'none' });
  });
  it('for one team counts only that team', () => {
    const report = scrutinyReport(counts, { quarters: trendQuarters('2026-09-30'), teamIds: ['north', 'south'], teamId: 'south', thresholds: {} });
    expect(report.find((f) => f.id === 'finalPlans')!.period).toMatchObject({ value: 0, numerator: 0, denominator: 1, rag: 'red' });
  });
});
