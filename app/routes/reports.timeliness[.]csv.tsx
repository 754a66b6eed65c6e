import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLaPermission } from '~/auth/access.server';
import { csvDocument } from '~/domain/csv';
import { calendarYear } from '~/domain/timeliness';
import { todayInLondon } from '~/domain/timescales';
import { getFixedT, resolveLocale } from '~/i18n/i18n.server';
import { auditReportExport, reportYear, timelinessReport, type FiguresRow } from '~/features/reporting/index.server';
import { clientAddress } from '~/client-address.server';

/** The timeliness figures as CSV, one row per team and measure, for a scrutiny panel's spreadsheet. */
export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:timeliness');
  const year = reportYear(new URL(request.url), todayInLondon());
  const report = await timelinessReport(manager.laId, calendarYear(year));
  await auditReportExport({ userId: manager.id, laId: manager.laId, report: 'timeliness', format: 'csv', covers: { year }, address: clientAddress(request) });
  const t = getFixedT(resolveLocale(request, manager.locale));
  const measures = [
    ['reports.finalPlans', (r: FiguresRow) => r.finalPlans],
    ['reports.decisions', (r: FiguresRow) => r.decisions],
    ['reports.advice', (r: FiguresRow) => r.advice],
  ] as const;
  const rows: (string | number)[][] = [[t('reports.measure'), t('reports.team'), t('reports.done'), t('reports.onTime'), t('reports.exceptions'), t('reports.rate')]];
  const teams = [...report.teams.map((team) => ({ name: team.teamName, figures: team })), { name: t('reports.allTeams'), figures: report.total }];
  for (const [key, pick] of measures) {
    for (const team of teams) {
      const m = pick(team.figures);
      rows.push([t(key), team.name, m.total, m.onTime, m.exceptions, m.percent ?? '']);
    }
  }
  for (const team of teams) {
    rows.push([t('reports.lateAcknowledgements'), team.name, team.figures.breaches.acknowledge, '', '', '']);
    rows.push([t('reports.lateAnswers'), team.name, team.figures.breaches.reply, '', '', '']);
    rows.push([t('reports.decisionsOverdue'), team.name, team.figures.overdueNow.decisions, '', '', '']);
    rows.push([t('reports.plansOverdue'), team.name, team.figures.overdueNow.finalPlans, '', '', '']);
    rows.push([t('reports.adviceOverdue'), team.name, team.figures.overdueNow.advice, '', '', '']);
  }
  const csv = csvDocument(rows);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="timeliness-${year}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

