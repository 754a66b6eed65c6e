import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { chosenCensusDate, sen2Summary } from '~/features/sen2/index.server';
import { InsetText, SubmitButton, Table } from '~/ui/govuk/content';
import { Select } from '~/ui/govuk/fields';

/** The council's SEN2 return for a census date (ADR 0053): what it holds, its files, and how many records would fail. Managers only. */
export const handle: PageHandle = { namespaces: ['sen2'], titleKey: 'sen2.report.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:sen2-return');
  const { censusDate, error, choices } = chosenCensusDate(new URL(request.url));
  const summary = await sen2Summary(manager, censusDate, clientAddress(request));
  return json({ censusDate, error, choices, ...summary });
}

export default function Sen2Report() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { censusDate, error, choices, counts, failures, period, laNumber } = useLoaderData<typeof loader>();
  const query = `census=${censusDate}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('sen2.report.heading', { year: censusDate.slice(0, 4) })}</h1>
        <p className="govuk-body">{t('sen2.report.intro', { census: formatDate(censusDate, locale), from: formatDate(period.start, locale), to: formatDate(period.end, locale) })}</p>
        <Form method="get" noValidate>
          <Select name="census" label={t('sen2.report.censusDate')} error={error ?? undefined} choices={choices.map((c) => ({ value: c, label: formatDate(c, locale) }))} defaultValue={censusDate} />
          <SubmitButton variant="secondary">{t('sen2.report.show')}</SubmitButton>
        </Form>
        <Table
          caption={t('sen2.report.countsCaption')}
          head={[t('sen2.report.module'), t('sen2.report.records')]}
          rows={[
            [t('sen2.report.modules.persons'), counts.persons],
            [t('sen2.report.modules.requests'), counts.requests],
            [t('sen2.report.modules.assessments'), counts.assessments],
            [t('sen2.report.modules.namedPlans'), counts.namedPlans],
            [t('sen2.report.modules.activePlans'), counts.activePlans],
            [t('sen2.report.modules.placements'), counts.placements],
          ]}
        />
        {laNumber ? null : <InsetText>{t('sen2.report.noLaNumber')}</InsetText>}
        <h2 className="govuk-heading-m">{t('sen2.report.checksHeading')}</h2>
        <p className="govuk-body">
          {failures === 0 ? (
            t('sen2.report.noFailures')
          ) : (
            <Link className="govuk-link" to={`/reports/sen2/validation?${query}`}>
              {t('sen2.report.failures', { count: failures })}
            </Link>
          )}
        </p>
        <h2 className="govuk-heading-m">{t('sen2.report.filesHeading')}</h2>
        <p className="govuk-body">{t('sen2.report.filesIntro')}</p>
        <ul className="govuk-list">
          <li>
            <a className="govuk-link" href={`/reports/sen2.xml?${query}`} download>
              {t('sen2.report.downloadXml')}
            </a>
          </li>
          <li>
            <a className="govuk-link" href={`/reports/sen2.csv?${query}`} download>
              {t('sen2.report.downloadCsv')}
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}
