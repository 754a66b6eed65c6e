import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { calendarYear, type Measure } from '~/domain/timeliness';
import { todayInLondon } from '~/domain/timescales';
import type { Locale } from '~/i18n/config';
import { formatPercent } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { reportYear, timelinessReport, type FiguresRow } from '~/features/reporting/index.server';
import { SubmitButton, Table } from '~/ui/govuk/content';
import { councilCasesHref, DECISION_OVERDUE } from '~/features/caseload';
import { Select } from '~/ui/govuk/fields';

/** Managers' timeliness figures for one calendar year; the same figures as CSV at /reports/timeliness.csv. */
export const handle: PageHandle = { namespaces: ['reporting', 'family', 'case', 'casework'], titleKey: 'reports.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:timeliness');
  const today = todayInLondon();
  const year = reportYear(new URL(request.url), today);
  const report = await timelinessReport(manager.laId, calendarYear(year));
  return json({ year, thisYear: Number(today.slice(0, 4)), ...report });
}

type Row = FiguresRow & { name: string; teamId: string | null };

export default function Timeliness() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { year, thisYear, firstYear, teams, total } = useLoaderData<typeof loader>();
  const rows: Row[] = [...teams.map((team) => ({ ...team, name: team.teamName })), { ...total, name: t('reports.allTeams'), teamId: null }];
  const years = Array.from({ length: thisYear - Math.min(firstYear, thisYear) + 1 }, (_, i) => String(thisYear - i));
  const percent = (m: Measure) => (m.percent === null ? t('reports.noRate') : formatPercent(m.percent, locale));
  const measureTable = (caption: string, pick: (r: Row) => Measure, withExceptions: boolean) => (
    <Table
      caption={caption}
      head={[t('reports.team'), t('reports.done'), t('reports.onTime'), ...(withExceptions ? [t('reports.exceptions')] : []), t('reports.rate')]}
      rows={rows.map((r) => {
        const m = pick(r);
        return [r.name, m.total, m.onTime, ...(withExceptions ? [m.exceptions] : []), percent(m)];
      })}
    />
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t('reports.heading', { year })}</h1>
        <p className="govuk-body">{t('reports.intro')}</p>
        <Form method="get">
          <Select name="year" label={t('reports.year')} choices={years.map((y) => ({ value: y, label: y }))} defaultValue={String(year)} />
          <SubmitButton variant="secondary">{t('reports.show')}</SubmitButton>
        </Form>
        <p className="govuk-body">
          <a className="govuk-link" href={`/reports/timeliness.csv?year=${year}`} download>
            {t('reports.download', { year })}
          </a>
        </p>
        {measureTable(t('reports.finalPlans'), (r) => r.finalPlans, true)}
        {measureTable(t('reports.decisions'), (r) => r.decisions, true)}
        {measureTable(t('reports.advice'), (r) => r.advice, false)}
        <Table
          caption={t('reports.replies')}
          head={[t('reports.team'), t('reports.lateAcknowledgements'), t('reports.lateAnswers')]}
          rows={rows.map((r) => [r.name, r.breaches.acknowledge, r.breaches.reply])}
        />
        <Table
          caption={t('reports.waitingNow')}
          head={[t('reports.team'), t('reports.decisionsOverdue'), t('reports.plansOverdue'), t('reports.adviceOverdue')]}
          rows={rows.map((r) => [
            r.name,
            // The open cases behind the figure, on the council's list; the others have no list that shows exactly them.
            r.overdueNow.decisions === 0 ? (
              0
            ) : (
              <Link key="decisions" className="govuk-link" to={councilCasesHref({ ...DECISION_OVERDUE, team: r.teamId })}>
                {r.overdueNow.decisions}
                <span className="govuk-visually-hidden"> {t('reportLinks.decisionsOverdueIn', { team: r.name })}</span>
              </Link>
            ),
            r.overdueNow.finalPlans,
            r.overdueNow.advice,
          ])}
        />
        <p className="govuk-body">{t('reports.rules')}</p>
      </div>
    </div>
  );
}
