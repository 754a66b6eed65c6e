import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { todayInLondon } from '~/domain/timescales';
import { complaintFigures, complaintListQuery, complaintListUrl, councilComplaints } from '~/features/complaints/index.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { Pagination } from '~/ui/govuk/Pagination';
import { SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { Select } from '~/ui/govuk/fields';
import { complaintStageKeys, complaintStatusColours, complaintStatusKeys } from '~/ui/complaint-labels';

/** The council's complaints for its managers: open, late (flagged), by stage, and this year's figures. */
export const handle: PageHandle = { namespaces: ['complaints'], titleKey: 'complaintList.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:complaints');
  const query = complaintListQuery(new URL(request.url));
  const today = todayInLondon();
  const [list, figures] = await Promise.all([councilComplaints(manager.laId, query), complaintFigures(manager.laId, { from: `${today.slice(0, 4)}-01-01`, to: today }, query.teamId)]);
  return json({ query, list, figures, year: today.slice(0, 4) });
}

export default function CouncilComplaints() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { query, list, figures, year } = useLoaderData<typeof loader>();
  const hrefFor = (page: number) => {
    const base = complaintListUrl({ show: query.show, stage: query.stage ?? undefined, teamId: query.teamId });
    return page === 1 ? base : `${base}${base.includes('?') ? '&' : '?'}page=${page}`;
  };
  const stages = [
    { name: t(complaintStageKeys[1]), f: figures.stage1, stage: 1 as const },
    { name: t(complaintStageKeys[2]), f: figures.stage2, stage: 2 as const },
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t('complaintList.heading')}</h1>
        {list.lateNow > 0 ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <Link className="govuk-link" to={complaintListUrl({ show: 'late' })}>
                {t('complaintList.lateNow', { number: list.lateNow })}
              </Link>
            </strong>
          </div>
        ) : (
          <p className="govuk-body">{t('complaintList.noneLate')}</p>
        )}
        <Form method="get">
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-one-third">
              <Select
                name="show"
                label={t('complaintList.show')}
                defaultValue={query.show}
                choices={[
                  { value: 'open', label: t('complaintList.showOpen') },
                  { value: 'late', label: t('complaintList.showLate') },
                  { value: 'closed', label: t('complaintList.showClosed') },
                  { value: 'all', label: t('complaintList.showAll') },
                ]}
              />
            </div>
            <div className="govuk-grid-column-one-third">
              <Select
                name="stage"
                label={t('complaints.stageLabel')}
                defaultValue={query.stage ? String(query.stage) : ''}
                choices={[
                  { value: '', label: t('complaintList.bothStages') },
                  { value: '1', label: t(complaintStageKeys[1]) },
                  { value: '2', label: t(complaintStageKeys[2]) },
                ]}
              />
            </div>
          </div>
          {query.teamId ? <input type="hidden" name="team" value={query.teamId} /> : null}
          <SubmitButton variant="secondary">{t('complaintList.apply')}</SubmitButton>
        </Form>
        <p className="govuk-body">{list.total === 0 ? t('complaintList.empty') : t('complaintList.showing', { first: list.first, last: list.last, total: list.total })}</p>
        {list.rows.length > 0 ? (
          <Table
            caption={t('complaintList.caption')}
            head={[t('complaintList.reference'), t('complaintList.child'), t('complaints.stageLabel'), t('complaints.receivedOn'), t('complaints.dueBy'), t('complaintList.status')]}
            rows={list.rows.map((r) => [
              <Link key="ref" className="govuk-link" to={`/cases/${r.caseId}/complaints/${r.id}`}>
                {r.reference}
              </Link>,
              `${r.childFirstName} ${r.childLastName}`,
              t(complaintStageKeys[r.stage === 2 ? 2 : 1]),
              formatDate(r.receivedOn, locale),
              formatDate(r.dueBy, locale),
              <span key="status">
                <Tag colour={complaintStatusColours[r.status]}>{t(complaintStatusKeys[r.status])}</Tag> {r.late ? <Tag colour="red">{t('complaints.late')}</Tag> : null}
              </span>,
            ])}
          />
        ) : null}
        <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} />
        <h2 className="govuk-heading-m">{t('complaintList.figuresHeading', { year })}</h2>
        <Table
          caption={t('complaintList.figuresCaption', { year })}
          head={[t('complaints.stageLabel'), t('complaintList.received'), t('complaintList.onTime'), t('complaintList.respondedLate'), t('complaints.outcome.upheld'), t('complaints.outcome.partly_upheld'), t('complaints.outcome.not_upheld'), t('complaintList.outstandingLate')]}
          rows={stages.map(({ name, f, stage }) => [
            name,
            f.received,
            f.respondedOnTime,
            f.respondedLate,
            f.outcomes.upheld,
            f.outcomes.partly_upheld,
            f.outcomes.not_upheld,
            <Link key="late" className="govuk-link" to={complaintListUrl({ show: 'late', stage, teamId: query.teamId })}>
              {f.outstandingLate}
            </Link>,
          ])}
        />
      </div>
    </div>
  );
}
