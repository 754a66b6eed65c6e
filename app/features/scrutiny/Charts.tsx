import type { ReactNode } from 'react';
import { barChart, lineChart, type ChartValue } from '~/domain/scrutiny/charts';

/**
 * The report's charts as inline SVG drawn on the server (no script): role="img" named by its
 * <title> and described by its <desc>, which say in words what the chart shows; the same numbers
 * are in a table beside each one (the caller puts it there). Text drawn inside the picture is the
 * caller's, already translated and formatted.
 */
type ChartText = { id: string; title: string; description: string };

export function TrendChart({ id, title, description, values, max, format, thresholds }: ChartText & { values: readonly ChartValue[]; max: number; format: (value: number) => string; thresholds?: { green: number; amber: number } }) {
  const chart = lineChart(values, { width: 320, height: 160, max });
  return (
    <svg className="app-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} width={chart.width} height={chart.height} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {chart.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.y} y2={tick.y} className="app-chart__grid" />
          <text x={chart.plot.left - 4} y={tick.y + 4} textAnchor="end" className="app-chart__label">
            {format(tick.value)}
          </text>
        </g>
      ))}
      {thresholds ? (
        <>
          <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.yOf(thresholds.green)} y2={chart.yOf(thresholds.green)} className="app-chart__threshold app-chart__threshold--green" />
          <line x1={chart.plot.left} x2={chart.plot.right} y1={chart.yOf(thresholds.amber)} y2={chart.yOf(thresholds.amber)} className="app-chart__threshold app-chart__threshold--amber" />
        </>
      ) : null}
      <path d={chart.path} className="app-chart__line" />
      {chart.points.map((p) => (
        <g key={p.label}>
          {p.y === null ? null : <circle cx={p.x} cy={p.y} r={4} className="app-chart__point" />}
          <text x={p.x} y={chart.height - 6} textAnchor="middle" className="app-chart__label">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function TeamBars({ id, title, description, values, max, format, noData }: ChartText & { values: readonly ChartValue[]; max: number; format: (value: number) => string; noData: ReactNode }) {
  const chart = barChart(values, { width: 420, max });
  return (
    <svg className="app-chart" viewBox={`0 0 ${chart.width} ${chart.height}`} width={chart.width} height={chart.height} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {chart.bars.map((bar) => (
        <g key={bar.label}>
          <text x={chart.labelWidth - 6} y={bar.y + bar.height / 2 + 4} textAnchor="end" className="app-chart__label">
            {bar.label}
          </text>
          <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="app-chart__bar" />
          <text x={bar.x + bar.width + 4} y={bar.y + bar.height / 2 + 4} className="app-chart__label">
            {bar.value === null ? noData : format(bar.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}
