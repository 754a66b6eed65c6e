import type { TFunction } from 'i18next';
import { figureKeys } from '~/domain/scrutiny/figures';
import { ragKeys } from '~/domain/scrutiny/rag';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { renderPdf, type PdfBlock } from '~/pdf/pdf.server';
import { auditReportExport } from '~/features/reporting/index.server';
import { csvDocument } from '~/domain/csv';
import { figureValueText, quarterLabel } from './links';
import type { ScrutinyReport } from './report.server';

/**
 * The scrutiny report as a PDF (charts as the same numbers in labelled rows) and the figures as
 * CSV (cells neutralised against formulas), each recorded in the audit log with the period and
 * team before it is made: issue 16, item 7.
 */
export type ExportKind = 'pdf' | 'csv';

export async function auditExport(userId: string, laId: string, kind: ExportKind, report: Pick<ScrutinyReport, 'period' | 'team'>, address?: string) {
  await auditReportExport({ userId, laId, report: 'scrutiny', format: kind, covers: { from: report.period.from, to: report.period.to, teamId: report.team?.id ?? null }, address });
}

const scopeName = (report: ScrutinyReport, t: TFunction) => report.team?.name ?? t('scrutiny.wholeCouncil');

export function scrutinyPdf(report: ScrutinyReport, t: TFunction, locale: Locale): Promise<Buffer> {
  const title = t('scrutiny.heading');
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'fields',
      rows: [
        { label: t('scrutiny.period'), value: t('scrutiny.periodRange', { from: formatDate(report.period.from, locale), to: formatDate(report.period.to, locale) }) },
        { label: t('scrutiny.scope'), value: scopeName(report, t) },
      ],
    },
  ];
  const teamName = new Map(report.teams.map((team) => [team.id, team.name]));
  for (const figure of report.figures) {
    const value = (v: number | null) => figureValueText(figure, v, t, locale);
    blocks.push(
      { kind: 'heading', level: 2, text: t(figureKeys[figure.id].name) },
      { kind: 'paragraph', text: t(figureKeys[figure.id].rule) },
      {
        kind: 'fields',
        rows: [
          { label: t('scrutiny.value'), value: value(figure.period.value) },
          { label: t('scrutiny.rating'), value: t(ragKeys[figure.period.rag]) },
          { label: t('scrutiny.counted'), value: t('scrutiny.numeratorOf', { numerator: figure.period.numerator, denominator: figure.period.denominator }) },
          { label: t('scrutiny.thresholdsShort'), value: t(figure.direction === 'higher' ? 'scrutiny.thresholdsHigher' : 'scrutiny.thresholdsLower', { green: figure.thresholds.green, amber: figure.thresholds.amber }) },
        ],
      },
      { kind: 'heading', level: 3, text: t('scrutiny.trendHeading') },
      { kind: 'fields', rows: figure.trend.map((q) => ({ label: quarterLabel(q.quarter, t), value: `${value(q.value)} (${t(ragKeys[q.rag])})` })) },
    );
    if (report.team === null && figure.byTeam.length > 0) {
      blocks.push(
        { kind: 'heading', level: 3, text: t('scrutiny.byTeamHeading') },
        { kind: 'fields', rows: figure.byTeam.map((b) => ({ label: teamName.get(b.teamId) ?? '', value: `${value(b.value)} (${t(ragKeys[b.rag])})` })) },
      );
    }
  }
  return renderPdf({ title, lang: locale, subject: scopeName(report, t) }, blocks);
}

/** One row per figure and scope (the council or the team asked for, then each team), and one per figure and trend quarter. */
export function scrutinyCsv(report: ScrutinyReport, t: TFunction): string {
  const rows: (string | number)[][] = [[t('scrutiny.csv.figure'), t('scrutiny.csv.scope'), t('scrutiny.csv.from'), t('scrutiny.csv.to'), t('scrutiny.csv.value'), t('scrutiny.csv.numerator'), t('scrutiny.csv.denominator'), t('scrutiny.csv.leftOut'), t('scrutiny.rating')]];
  const teamName = new Map(report.teams.map((team) => [team.id, team.name]));
  for (const figure of report.figures) {
    const name = t(figureKeys[figure.id].name);
    const row = (scope: string, from: string, to: string, v: (typeof figure)['period']) => [name, scope, from, to, v.value ?? '', v.numerator, v.denominator, v.leftOut, t(ragKeys[v.rag])];
    rows.push(row(scopeName(report, t), report.period.from, report.period.to, figure.period));
    if (report.team === null) for (const b of figure.byTeam) rows.push(row(teamName.get(b.teamId) ?? '', report.period.from, report.period.to, b));
    for (const q of figure.trend) rows.push(row(`${scopeName(report, t)}, ${quarterLabel(q.quarter, t)}`, q.quarter.from, q.quarter.to, q));
  }
  return csvDocument(rows);
}
