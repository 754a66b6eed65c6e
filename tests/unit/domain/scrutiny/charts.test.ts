import { describe, expect, it } from 'vitest';
import { axisMax, barChart, lineChart } from '~/domain/scrutiny/charts';

describe('chart geometry', () => {
  it('tops the axis at 100 for rates and at a round number for counts', () => {
    expect(axisMax([12, null], 'percent')).toBe(100);
    expect(axisMax([0, null], 'count')).toBe(1);
    expect(axisMax([3], 'count')).toBe(5);
    expect(axisMax([12], 'count')).toBe(20);
    expect(axisMax([20], 'count')).toBe(20);
    expect(axisMax([51], 'count')).toBe(100);
  });

  it('places four quarters evenly, 0 at the bottom and the top at max', () => {
    const chart = lineChart(
      [
        { label: 'Q1', value: 0 },
        { label: 'Q2', value: 50 },
        { label: 'Q3', value: 100 },
        { label: 'Q4', value: 25 },
      ],
      { width: 300, height: 150, max: 100, margin: { left: 0, right: 0, top: 0, bottom: 0 } },
    );
    expect(chart.points.map((p) => [p.x, p.y])).toEqual([
      [0, 150],
      [100, 75],
      [200, 0],
      [300, 112.5],
    ]);
    expect(chart.path).toBe('M0 150L100 75L200 0L300 112.5');
    expect(chart.yOf(60)).toBe(60);
  });

  it('leaves a gap for a quarter with no data rather than drawing it as zero', () => {
    const chart = lineChart(
      [
        { label: 'Q1', value: 10 },
        { label: 'Q2', value: null },
        { label: 'Q3', value: 30 },
        { label: 'Q4', value: 40 },
      ],
      { width: 300, height: 100, max: 100, margin: { left: 0, right: 0, top: 0, bottom: 0 } },
    );
    expect(chart.points[1].y).toBeNull();
    expect(chart.path).toBe('M0 90 M200 70L300 60');
  });

  it('clamps values outside the axis', () => {
    const chart = lineChart([{ label: 'a', value: 150 }, { label: 'b', value: -5 }], { width: 100, height: 100, max: 100, margin: { left: 0, right: 0, top: 0, bottom: 0 } });
    expect(chart.points.map((p) => p.y)).toEqual([0, 100]);
  });

  it('draws one bar per team, in proportion, none for no data', () => {
    const chart = barChart(
      [
        { label: 'North', value: 100 },
        { label: 'South', value: 50 },
        { label: 'East', value: null },
      ],
      { width: 348, max: 100, rowHeight: 20, labelWidth: 100 },
    );
    expect(chart.height).toBe(60);
    expect(chart.bars.map((b) => b.width)).toEqual([200, 100, 0]);
    expect(chart.bars.map((b) => b.y)).toEqual([4, 24, 44]);
  });
});
