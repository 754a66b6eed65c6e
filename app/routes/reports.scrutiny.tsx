import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { mayInOwnLa, requireLaPermission } from '~/auth/access.server';
import { axisMax } from '~/domain/scrutiny/charts';
import { figureKeys } from '~/domain/scrutiny/figures';
import { ragKeys, ragTagColours } from '~/domain/scrutiny/rag';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { scrutinyReportFor, scrutinyScope } from '~/features/scrutiny/index.server';
import { concernLinkKeys, figureValueText, listLinkKeys, periodProblemKeys, quarterLabel, scrutinyCasesHref, scrutinyHref, TeamBars, TrendChart } from '~/features/scrutiny';
import { PrintButton } from '~/ui/PrintButton';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { Select, TextInput } from '~/ui/govuk/fields';

/**
 * The council's scrutiny report for a period (issue 16): every figure rated red, amber or green
 * against the council's thresholds, its trend over four quarters and its value by team, as
 * charts with their numbers beside them; each figure links to the cases behind it. For the
 * council's managers; printable, and as PDF and CSV (both audited).
 */
export const handle: PageHandle = {
  namespaces: ['scrutiny'],
  title: (data, t) => {
    const loaded = data as { problem?: string | null } | undefined;
    return loaded?.problem ? t('layout.errorTitle', { title: t('scrutiny.title') }) : t('scrutiny.title');
  },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:scrutiny');
  const url = new URL(request.url);
  const scope = await scrutinyScope(manager.laId, url);
  const report = await scrutinyReportFor(manager.laId, scope);
  return json({
    report,
    problem: scope.problem,
    asked: { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' },
    maySetThresholds: mayInOwnLa(manager, 'set:scrutiny-thresholds'),
  });
}

export default function ScrutinyReportPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { report, problem, asked, maySetThresholds } = useLoaderData<typeof loader>();
  const scope = { period: report.period, teamId: report.team?.id ?? null };
  const errors = problem ? { [problem === 'toInvalid' || problem === 'toBeforeFrom' ? 'to' : 'from']: periodProblemKeys[problem] } : {};
  const scopeName = report.team?.name ?? t('scrutiny.wholeCouncil');
  const range = t('scrutiny.periodRange', { from: formatDate(report.period.from, locale), to: formatDate(report.period.to, locale) });
  const teamName = new Map(report.teams.map((team) => [team.id, team.name]));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <ErrorSummary errors={errors} fieldOrder={['from', 'to']} />
        <span className="govuk-caption-l">{scopeName}</span>
        <h1 className="govuk-heading-l">{t('scrutiny.heading')}</h1>
        <p className="govuk-body-l">{range}</p>
        <p className="govuk-body">{t('scrutiny.intro')}</p>

        <details className="govuk-details app-no-print" open={Boolean(problem)}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t('scrutiny.choose')}</span>
          </summary>
          <div className="govuk-details__text">
            <Form method="get">
              <TextInput name="from" label={t('scrutiny.from')} hint={t('scrutiny.dateHint')} error={errors.from} defaultValue={problem ? asked.from : report.period.from} widthClass="govuk-input--width-10" autoComplete="off" />
              <TextInput name="to" label={t('scrutiny.to')} hint={t('scrutiny.dateHint')} error={errors.to} defaultValue={problem ? asked.to : report.period.to} widthClass="govuk-input--width-10" autoComplete="off" />
              <Select name="team" label={t('scrutiny.team')} choices={[{ value: '', label: t('scrutiny.wholeCouncil') }, ...report.teams.map((team) => ({ value: team.id, label: team.name }))]} defaultValue={report.team?.id ?? ''} />
              <SubmitButton variant="secondary">{t('scrutiny.show')}</SubmitButton>
            </Form>
          </div>
        </details>

        <ul className="govuk-list app-no-print">
          <li>
            <a className="govuk-link" href={scrutinyHref(scope, '/reports/scrutiny.pdf')} download>
              {t('scrutiny.downloadPdf')}
            </a>
          </li>
          <li>
            <a className="govuk-link" href={scrutinyHref(scope, '/reports/scrutiny.csv')} download>
              {t('scrutiny.downloadCsv')}
            </a>
          </li>
          {maySetThresholds ? (
            <li>
              <Link className="govuk-link" to="/reports/scrutiny/thresholds">
                {t('scrutiny.setThresholds')}
              </Link>
            </li>
          ) : null}
        </ul>
        <PrintButton label={t('scrutiny.print')} />

        <Table
          caption={t('scrutiny.summaryCaption', { range })}
          head={[t('scrutiny.figureHeading'), t('scrutiny.value'), t('scrutiny.counted'), t('scrutiny.rating')]}
          rows={report.figures.map((figure) => [
            <a key="name" className="govuk-link" href={`#${figure.id}`}>
              {t(figureKeys[figure.id].name)}
            </a>,
            figureValueText(figure, figure.period.value, t, locale),
            figure.anonymous ? (
              t('scrutiny.numeratorOf', { numerator: figure.period.numerator, denominator: figure.period.denominator })
            ) : (
              <Link key="counted" className="govuk-link" to={scrutinyCasesHref({ ...scope, figure: figure.id, outcome: null })}>
                {t('scrutiny.numeratorOf', { numerator: figure.period.numerator, denominator: figure.period.denominator })}
                <span className="govuk-visually-hidden"> {t('scrutiny.casesOf', { figure: t(figureKeys[figure.id].name) })}</span>
              </Link>
            ),
            <Tag key="rag" colour={ragTagColours[figure.period.rag]}>
              {t(ragKeys[figure.period.rag])}
            </Tag>,
          ])}
        />

        {report.figures.map((figure) => {
          const name = t(figureKeys[figure.id].name);
          const format = (v: number) => figureValueText(figure, v, t, locale);
          const max = axisMax([...figure.trend.map((q) => q.value), ...figure.byTeam.map((b) => b.value)], figure.unit);
          const trendValues = figure.trend.map((q) => ({ label: quarterLabel(q.quarter, t), value: q.value }));
          const trendWords = figure.trend.map((q) => `${quarterLabel(q.quarter, t)}: ${figureValueText(figure, q.value, t, locale)}`).join('; ');
          const teamValues = figure.byTeam.map((b) => ({ label: teamName.get(b.teamId) ?? '', value: b.value }));
          const teamWords = teamValues.map((b) => `${b.label}: ${figureValueText(figure, b.value, t, locale)}`).join('; ');
          return (
            <section key={figure.id} id={figure.id} className="app-scrutiny-figure" aria-labelledby={`${figure.id}-heading`}>
              <h2 className="govuk-heading-m" id={`${figure.id}-heading`}>
                {name}
              </h2>
              <p className="govuk-body">
                <Tag colour={ragTagColours[figure.period.rag]}>{t(ragKeys[figure.period.rag])}</Tag>{' '}
                <strong className="govuk-!-font-size-36">{figureValueText(figure, figure.period.value, t, locale)}</strong>{' '}
                {t('scrutiny.numeratorOf', { numerator: figure.period.numerator, denominator: figure.period.denominator })}
                {figure.period.leftOut > 0 ? ` ${t('scrutiny.leftOut', { number: figure.period.leftOut })}` : null}
              </p>
              <p className="govuk-body govuk-!-font-size-16">
                {t(figureKeys[figure.id].rule)} {t(figure.direction === 'higher' ? 'scrutiny.thresholdsHigher' : 'scrutiny.thresholdsLower', { green: figure.thresholds.green, amber: figure.thresholds.amber })}
              </p>
{figure.anonymous ? null : (
              <p className="govuk-body">
                <Link className="govuk-link" to={scrutinyCasesHref({ ...scope, figure: figure.id, outcome: figure.concern })}>
                  {t(concernLinkKeys[figure.concern])}
                  <span className="govuk-visually-hidden"> {t('scrutiny.casesOf', { figure: name })}</span>
                </Link>
              </p>
              )}
              {figure.id in report.lists ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={report.lists[figure.id as keyof typeof listLinkKeys]!}>
                    {t(listLinkKeys[figure.id as keyof typeof listLinkKeys])}
                  </Link>
                </p>
              ) : null}
              <div className="govuk-grid-row">
                <div className="govuk-grid-column-one-half">
                  <h3 className="govuk-heading-s">{t('scrutiny.trendHeading')}</h3>
                  <TrendChart id={`${figure.id}-trend`} title={t('scrutiny.trendTitle', { figure: name })} description={trendWords} values={trendValues} max={max} format={format} thresholds={figure.thresholds} />
                  <details className="govuk-details">
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">{t('scrutiny.trendTable')}</span>
                    </summary>
                    <div className="govuk-details__text">
                      <Table
                        caption={t('scrutiny.trendTitle', { figure: name })}
                        head={[t('scrutiny.quarterHeading'), t('scrutiny.value'), t('scrutiny.counted'), t('scrutiny.rating')]}
                        rows={figure.trend.map((q) => [
                          quarterLabel(q.quarter, t),
                          figureValueText(figure, q.value, t, locale),
                          t('scrutiny.numeratorOf', { numerator: q.numerator, denominator: q.denominator }),
                          <Tag key="rag" colour={ragTagColours[q.rag]}>
                            {t(ragKeys[q.rag])}
                          </Tag>,
                        ])}
                      />
                    </div>
                  </details>
                </div>
                {report.team === null && teamValues.length > 0 ? (
                  <div className="govuk-grid-column-one-half">
                    <h3 className="govuk-heading-s">{t('scrutiny.byTeamHeading')}</h3>
                    <TeamBars id={`${figure.id}-teams`} title={t('scrutiny.byTeamTitle', { figure: name })} description={teamWords} values={teamValues} max={max} format={format} noData={t('scrutiny.noData')} />
                    <details className="govuk-details">
                      <summary className="govuk-details__summary">
                        <span className="govuk-details__summary-text">{t('scrutiny.byTeamTable')}</span>
                      </summary>
                      <div className="govuk-details__text">
                        <Table
                          caption={t('scrutiny.byTeamTitle', { figure: name })}
                          head={[t('scrutiny.team'), t('scrutiny.value'), t('scrutiny.counted'), t('scrutiny.rating')]}
                          rows={figure.byTeam.map((b) => [
                            <Link key="team" className="govuk-link" to={scrutinyHref({ period: report.period, teamId: b.teamId })}>
                              {teamName.get(b.teamId)}
                            </Link>,
                            figureValueText(figure, b.value, t, locale),
                            figure.anonymous ? (
                              t('scrutiny.numeratorOf', { numerator: b.numerator, denominator: b.denominator })
                            ) : (
                              <Link key="cases" className="govuk-link" to={scrutinyCasesHref({ period: report.period, teamId: b.teamId, figure: figure.id, outcome: null })}>
                                {t('scrutiny.numeratorOf', { numerator: b.numerator, denominator: b.denominator })}
                                <span className="govuk-visually-hidden"> {t('scrutiny.casesOfTeam', { figure: name, team: teamName.get(b.teamId) })}</span>
                              </Link>
                            ),
                            <Tag key="rag" colour={ragTagColours[b.rag]}>
                              {t(ragKeys[b.rag])}
                            </Tag>,
                          ])}
                        />
                      </div>
                    </details>
                  </div>
                ) : null}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
