import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { figureById, figureKeys, isFigureId, isOutcome, outcomeKeys, type Outcome } from '~/domain/scrutiny/figures';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { scrutinyCases, scrutinyScope } from '~/features/scrutiny/index.server';
import { scrutinyCasesHref, scrutinyHref } from '~/features/scrutiny';
import { BackLink, Table } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

/** The cases behind one figure of the scrutiny report, for its period and team, by outcome; each links to its case. */
export const handle: PageHandle = { namespaces: ['scrutiny'], titleKey: 'scrutiny.cases.title' };

/** The outcomes a figure's items can have, in the order its filter offers them. */
const OUTCOMES_OF: Record<string, readonly Outcome[]> = { percent: ['late', 'onTime', 'exception'], refusal: ['refused', 'agreed'], count: ['sent'] };

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:scrutiny');
  const url = new URL(request.url);
  const figure = url.searchParams.get('figure');
  // Survey answers are anonymous to staff: no figure of them has cases behind it.
  if (!isFigureId(figure) || figureById(figure).anonymous) throw new Response('Not Found', { status: 404 });
  const scope = await scrutinyScope(manager.laId, url);
  const asked = url.searchParams.get('outcome');
  const outcome = isOutcome(asked) ? asked : null;
  const definition = figureById(figure);
  const kinds = definition.unit === 'count' ? OUTCOMES_OF.count : definition.counts.includes('refused') ? OUTCOMES_OF.refusal : OUTCOMES_OF.percent;
  const { rows, window } = await scrutinyCases(manager.laId, scope, figure, outcome, Number(url.searchParams.get('page') ?? 1));
  return json({ figure, outcome, outcomes: kinds.filter((o) => o !== 'exception' || definition.leavesOut.includes('exception')), period: scope.period, team: scope.teams.find((t) => t.id === scope.teamId) ?? null, rows, window });
}

export default function ScrutinyCases() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { figure, outcome, outcomes, period, team, rows, window } = useLoaderData<typeof loader>();
  const scope = { period, teamId: team?.id ?? null };
  const name = t(figureKeys[figure].name);
  const filters: (Outcome | null)[] = [null, ...outcomes];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to={`${scrutinyHref(scope)}#${figure}`}>{t('scrutiny.cases.back')}</BackLink>
        <span className="govuk-caption-l">{team?.name ?? t('scrutiny.wholeCouncil')}</span>
        <h1 className="govuk-heading-l">{t('scrutiny.cases.heading', { figure: name })}</h1>
        <p className="govuk-body">{t('scrutiny.periodRange', { from: formatDate(period.from, locale), to: formatDate(period.to, locale) })}</p>
        <nav aria-label={t('scrutiny.cases.filterLabel')}>
          <ul className="govuk-list app-no-print">
            {filters.map((o) => (
              <li key={o ?? 'all'}>
                {o === outcome ? (
                  <strong aria-current="page">{o === null ? t('scrutiny.cases.all') : t(outcomeKeys[o])}</strong>
                ) : (
                  <Link className="govuk-link" to={scrutinyCasesHref({ ...scope, figure, outcome: o })}>
                    {o === null ? t('scrutiny.cases.all') : t(outcomeKeys[o])}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        {rows.length === 0 ? (
          <p className="govuk-body">{t('scrutiny.cases.none')}</p>
        ) : (
          <>
            <p className="govuk-body">{t('scrutiny.cases.showing', { first: window.first, last: window.last, total: window.total })}</p>
            <Table
              caption={outcome === null ? name : `${name}: ${t(outcomeKeys[outcome])}`}
              head={[t('scrutiny.cases.reference'), t('scrutiny.cases.child'), t('scrutiny.team'), t('scrutiny.cases.on'), t('scrutiny.cases.outcome')]}
              rows={rows.map((row) => [
                <Link key="case" className="govuk-link" to={`/cases/${row.caseId}`}>
                  {row.reference}
                </Link>,
                row.childName,
                row.teamName,
                formatDate(row.on, locale),
                t(outcomeKeys[row.outcome]),
              ])}
            />
          </>
        )}
        <Pagination page={window.page} pages={window.pages} hrefFor={(page) => scrutinyCasesHref({ ...scope, figure, outcome, page })} />
      </div>
    </div>
  );
}
