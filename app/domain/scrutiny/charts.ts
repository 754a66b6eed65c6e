/**
 * Geometry for the report's charts (issue 16, item 3), drawn on the server as SVG with no
 * client script: a line for a figure's four-quarter trend and horizontal bars for its value by
 * team. Pure: values in, coordinates out; the page draws them and puts the same numbers in a
 * table beside each chart. A missing value (no data) leaves a gap in the line and no bar, never
 * a zero.
 */
export type ChartValue = { label: string; value: number | null };

/** A round top for the value axis: 100 for percentages, otherwise the next 1, 2 or 5 times a power of ten at or above the largest value (at least 1). */
export function axisMax(values: readonly (number | null)[], unit: 'percent' | 'count'): number {
  if (unit === 'percent') return 100;
  const top = Math.max(1, ...values.filter((v): v is number => v !== null));
  const power = 10 ** Math.floor(Math.log10(top));
  for (const step of [1, 2, 5, 10]) if (step * power >= top) return step * power;
  return 10 * power;
}

export type LineChart = {
  width: number;
  height: number;
  /** Where the plotting area is. */
  plot: { left: number; top: number; right: number; bottom: number };
  points: { x: number; y: number | null; label: string; value: number | null }[];
  /** SVG path data: one run of segments per stretch of values without a gap. */
  path: string;
  ticks: { y: number; value: number }[];
  /** Where a threshold value sits on the value axis. */
  yOf: (value: number) => number;
};

const round = (n: number) => Math.round(n * 10) / 10;

export function lineChart(values: readonly ChartValue[], options: { width: number; height: number; max: number; margin?: { left: number; right: number; top: number; bottom: number } }): LineChart {
  const margin = options.margin ?? { left: 36, right: 12, top: 10, bottom: 24 };
  const plot = { left: margin.left, top: margin.top, right: options.width - margin.right, bottom: options.height - margin.bottom };
  const max = options.max > 0 ? options.max : 1;
  const yOf = (value: number) => round(plot.bottom - (Math.min(Math.max(value, 0), max) / max) * (plot.bottom - plot.top));
  const step = values.length > 1 ? (plot.right - plot.left) / (values.length - 1) : 0;
  const points = values.map((v, i) => ({
    x: round(values.length > 1 ? plot.left + i * step : (plot.left + plot.right) / 2),
    y: v.value === null ? null : yOf(v.value),
    label: v.label,
    value: v.value,
  }));
  let path = '';
  let drawing = false;
  for (const p of points) {
    if (p.y === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : path ? ' M' : 'M'}${p.x} ${p.y}`;
    drawing = true;
  }
  const ticks = [0, 0.5, 1].map((f) => ({ value: round(max * f), y: yOf(max * f) }));
  return { width: options.width, height: options.height, plot, points, path, ticks, yOf };
}

export type BarChart = {
  width: number;
  height: number;
  labelWidth: number;
  bars: { y: number; height: number; x: number; width: number; label: string; value: number | null }[];
};

/** Horizontal bars, one row each, label on the left; the width of the bar area is shared out against `max`. */
export function barChart(values: readonly ChartValue[], options: { width: number; max: number; rowHeight?: number; labelWidth?: number }): BarChart {
  const rowHeight = options.rowHeight ?? 28;
  const labelWidth = options.labelWidth ?? 140;
  const room = Math.max(0, options.width - labelWidth - 48);
  const max = options.max > 0 ? options.max : 1;
  const bars = values.map((v, i) => ({
    y: i * rowHeight + 4,
    height: rowHeight - 8,
    x: labelWidth,
    width: v.value === null ? 0 : round((Math.min(Math.max(v.value, 0), max) / max) * room),
    label: v.label,
    value: v.value,
  }));
  return { width: options.width, height: values.length * rowHeight, labelWidth, bars };
}
