import { Link } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewStatusKeys, reviewStepKeys, termNameKeys, type ReviewStatusName, type ReviewStepName, type TermName } from '~/domain/annual-review';
import type { PhaseTransferKind } from '~/domain/timescales';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { Ltr, Table, Tag } from '~/ui/govuk/content';
import { Select } from '~/ui/govuk/fields';
import { CaseworkerFilter, ListSearchForm, PagedTable, type ListPage } from '~/ui/ListControls';
import { caseloadHref, type CaseloadQuery } from '~/ui/list-query';

export type ReviewListName = 'term' | 'overdue' | 'transfers';

/** Where the lists live. */
export const REVIEWS_PATH = '/reviews';

export type ReviewListRow = {
  reviewId: string;
  caseId: string;
  reference: string;
  childName: string;
  caseworkerName: string | null;
  settingName: string | null;
  namedSettingName: string | null;
  meetingDueOn: string | null;
  meetingDate: string | null;
  nextDue: { step: ReviewStepName; dueBy: string } | null;
  overdueSteps: ReviewStepName[];
  status: ReviewStatusName;
  transfer: { kind: PhaseTransferKind; lastDay: string } | null;
};

export type TransferCountRow = { year: number; kind: PhaseTransferKind; lastDay: string; withPlans: number; reviews: number; datesSet: number; held: number; issuedInTime: number };

export type ReviewListsData = ListPage & {
  list: ReviewListName;
  term: { name: TermName; academicYear: number; start: string; end: string };
  today: string;
  rows: ReviewListRow[];
  counts: TransferCountRow[] | null;
  query: CaseloadQuery;
  typed: string;
  searchError: string | null;
  teams: { id: string; name: string }[];
  caseworkers: { id: string; name: string }[] | null;
};

const listKeys = { term: 'reviews.lists.nav.term', overdue: 'reviews.lists.nav.overdue', transfers: 'reviews.lists.nav.transfers' } as const;
const transferKeys = { phase: 'reviews.lists.transfer.kind.phase', post16: 'reviews.lists.transfer.kind.post16' } as const;
const cohortKeys = { 6: 'reviews.lists.counts.year6', 11: 'reviews.lists.counts.year11' } as const;

/** The three lists of reviews, each a link (the address holds the list, so it works without JavaScript). */
export function ReviewListNav({ current, path }: { current: ReviewListName; path: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('reviews.lists.nav.label')}>
      <ul className="govuk-list">
        {(['term', 'overdue', 'transfers'] as const).map((list) => (
          <li key={list}>
            {list === current ? (
              <strong aria-current="page">{t(listKeys[list])}</strong>
            ) : (
              <Link className="govuk-link" to={list === 'term' ? path : `${path}?list=${list}`}>
                {t(listKeys[list])}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A list of reviews with its filters, its pages and, for transfers, how many are done. */
export function ReviewListsView({ data, path }: { data: ReviewListsData; path: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { query } = data;
  const listPath = data.list === 'term' ? path : `${path}?list=${data.list}`;
  const filtered = Boolean(query.q || query.team || query.caseworker);
  return (
    <>
      <ReviewListNav current={data.list} path={path} />
      <h2 className="govuk-heading-m">
        {data.list === 'term'
          ? t('reviews.lists.term.heading', { term: t(termNameKeys[data.term.name]), start: formatDate(data.term.start, locale), end: formatDate(data.term.end, locale) })
          : data.list === 'overdue'
            ? t('reviews.lists.overdue.heading')
            : t('reviews.lists.transfers.heading')}
      </h2>
      <p className="govuk-body">{t(data.list === 'term' ? 'reviews.lists.term.lead' : data.list === 'overdue' ? 'reviews.lists.overdue.lead' : 'reviews.lists.transfers.lead')}</p>
      {data.counts ? <TransferCounts counts={data.counts} /> : null}
      <ListSearchForm action={path} label={t('caseload.filters.heading')} typed={data.typed} searchError={data.searchError} clearTo={filtered ? listPath : null} hidden={data.list === 'term' ? {} : { list: data.list }}>
        <Select name="team" label={t('caseload.filters.team')} emptyLabel={t('caseload.filters.anyTeam')} defaultValue={query.team ?? ''} choices={data.teams.map((team) => ({ value: team.id, label: team.name }))} />
        {data.caseworkers ? <CaseworkerFilter caseworkers={data.caseworkers} value={query.caseworker} /> : null}
      </ListSearchForm>
      <PagedTable
        data={data}
        hrefFor={(page) => caseloadHref(listPath, query, { page })}
        empty={t('reviews.lists.none')}
        caption={t('reviews.lists.showing', { first: data.first, last: data.last, count: data.total })}
        head={[
          t('reviews.lists.column.child'),
          t('reviews.lists.column.reference'),
          data.list === 'transfers' ? t('reviews.lists.column.transfer') : t('reviews.lists.column.meetingDue'),
          t('reviews.lists.column.next'),
          t('reviews.lists.column.status'),
          ...(data.caseworkers ? [t('reviews.lists.column.caseworker')] : []),
          t('reviews.lists.column.setting'),
        ]}
        rows={data.rows.map((r) => [
          <Link key={r.reviewId} className="govuk-link" to={`/cases/${r.caseId}/reviews`}>
            {r.childName}
          </Link>,
          <Ltr key="reference">{r.reference}</Ltr>,
          data.list === 'transfers' && r.transfer ? (
            <Fragment key="transfer">
              {t(transferKeys[r.transfer.kind])}
              <br />
              {t('reviews.lists.transfer.lastDay', { date: formatDate(r.transfer.lastDay, locale) })}
              <br />
              <Link className="govuk-link" to={`/cases/${r.caseId}/reviews/transfer`}>
                {t('reviews.lists.transfer.detailsLink')}
                <span className="govuk-visually-hidden">{t('reviews.lists.transfer.detailsFor', { child: r.childName })}</span>
              </Link>
            </Fragment>
          ) : r.meetingDueOn ? (
            formatDate(r.meetingDueOn, locale)
          ) : (
            ''
          ),
          r.nextDue ? (
            <Fragment key="next">
              {t('reviews.lists.next', { step: t(reviewStepKeys[r.nextDue.step]), date: formatDate(r.nextDue.dueBy, locale) })}
              {r.overdueSteps.length > 0 ? (
                <>
                  {' '}
                  <Tag colour="red">{t('reviews.lists.overdueTag', { count: r.overdueSteps.length })}</Tag>
                </>
              ) : null}
            </Fragment>
          ) : (
            t('reviews.lists.noNext')
          ),
          t(reviewStatusKeys[r.status]),
          ...(data.caseworkers ? [r.caseworkerName ?? t('caseload.unallocated')] : []),
          data.list === 'transfers' ? (r.namedSettingName ? t('reviews.lists.transfer.named', { setting: r.namedSettingName }) : r.settingName ?? '') : (r.settingName ?? ''),
        ])}
      />
    </>
  );
}

/** Sefton's table: of N pupils in the year with plans, how many have a review, a date set, held, the amended plan in time. */
function TransferCounts({ counts }: { counts: TransferCountRow[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <Table
      caption={t('reviews.lists.counts.caption')}
      head={[t('reviews.lists.counts.cohort'), t('reviews.lists.counts.lastDay'), t('reviews.lists.counts.withPlans'), t('reviews.lists.counts.reviews'), t('reviews.lists.counts.datesSet'), t('reviews.lists.counts.held'), t('reviews.lists.counts.issuedInTime')]}
      rows={counts.map((c) => [t(cohortKeys[c.year as 6 | 11]), formatDate(c.lastDay, locale), String(c.withPlans), String(c.reviews), String(c.datesSet), String(c.held), String(c.issuedInTime)])}
    />
  );
}
