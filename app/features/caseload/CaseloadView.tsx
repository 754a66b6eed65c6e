import { Link } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockStep } from '~/domain/case-clock';
import { clockStepKeys } from '~/domain/clock-labels';
import { caseStages, type CaseStage } from '~/domain/vocabulary';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { stageKeys } from '~/ui/labels';
import { Ltr, Tag } from '~/ui/govuk/content';
import { Checkboxes, Select } from '~/ui/govuk/fields';
import { CaseworkerFilter, ListSearchForm, PagedTable } from '~/ui/ListControls';
import { caseloadHref, caseloadOnly, caseloadSorts, PAGE_SIZES, type CaseloadQuery } from '~/ui/list-query';

/** A row as the page receives it (the loader's JSON). */
export type CaseloadViewRow = {
  id: string;
  reference: string;
  childName: string;
  dateOfBirth: string;
  stage: CaseStage;
  requestReceived: string;
  caseworkerName: string | null;
  interpreterLanguage: string | null;
  next: { step: ClockStep; dueBy: string; status: 'due' | 'missed' } | null;
  missed: ClockStep[];
  awaitingReply: boolean;
  replyOverdue: boolean;
};

export type CaseloadViewData = {
  query: CaseloadQuery;
  typed: string;
  searchError: string | null;
  rows: CaseloadViewRow[];
  total: number;
  page: number;
  pages: number;
  first: number;
  last: number;
  teams: { id: string; name: string }[];
  /** Only on the council-wide list, where it can be filtered by caseworker. */
  caseworkers: { id: string; name: string }[] | null;
};

const onlyKeys = {
  'reply-overdue': 'caseload.only.replyOverdue',
  'date-missed': 'caseload.only.dateMissed',
  interpreter: 'caseload.only.interpreter',
} as const;

const sortKeys = { due: 'caseload.sort.due', received: 'caseload.sort.received', name: 'caseload.sort.name' } as const;

/**
 * A list of open cases with its search, filters, order and pages: a caseworker's own caseload,
 * or (with `caseworkers`) the whole council's for a manager. One GET form: the address holds
 * the search, so it works without JavaScript, survives a reload and can be linked to.
 */
export function CaseloadView({ data, path }: { data: CaseloadViewData; path: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { query } = data;
  const filtered = caseloadHref(path, { ...query, page: 1, sort: 'due', size: 25 }) !== path;
  return (
    <>
      <ListSearchForm action={path} label={t('caseload.filters.heading')} typed={data.typed} searchError={data.searchError} clearTo={filtered || query.q ? path : null}>
        <details className="govuk-details" open={filtered || undefined}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">{t('caseload.filters.heading')}</span>
          </summary>
          <div className="govuk-details__text">
            <Select name="stage" label={t('caseload.filters.stage')} emptyLabel={t('caseload.filters.anyStage')} defaultValue={query.stage ?? ''} choices={caseStages.filter((s) => s !== 'withdrawn' && s !== 'ceased').map((s) => ({ value: s, label: t(stageKeys[s]) }))} />
            <Select name="team" label={t('caseload.filters.team')} emptyLabel={t('caseload.filters.anyTeam')} defaultValue={query.team ?? ''} choices={data.teams.map((team) => ({ value: team.id, label: team.name }))} />
            {data.caseworkers ? <CaseworkerFilter caseworkers={data.caseworkers} value={query.caseworker} /> : null}
            <Checkboxes name="only" legend={t('caseload.filters.only')} checked={query.only} choices={caseloadOnly.map((o) => ({ value: o, label: t(onlyKeys[o]) }))} />
            <Select name="sort" label={t('caseload.sort.label')} defaultValue={query.sort} choices={caseloadSorts.map((s) => ({ value: s, label: t(sortKeys[s]) }))} />
            <Select name="size" label={t('caseload.size')} defaultValue={String(query.size)} choices={PAGE_SIZES.map((s) => ({ value: String(s), label: String(s) }))} />
          </div>
        </details>
      </ListSearchForm>
      <PagedTable
        data={data}
        hrefFor={(page) => caseloadHref(path, query, { page })}
        empty={t('caseload.noneMatch')}
        caption={t('caseload.showing', { first: data.first, last: data.last, count: data.total })}
        head={[t('home.caseload.child'), t('home.caseload.reference'), t('home.caseload.stage'), t('caseload.column.next'), ...(data.caseworkers ? [t('caseload.column.caseworker')] : []), t('home.caseload.received'), t('home.caseload.timeLimits')]}
        rows={data.rows.map((c) => [
          <Fragment key={c.id}>
            <Link className="govuk-link" to={`/cases/${c.id}`}>
              {c.childName}
            </Link>
            <br />
            <span className="govuk-hint govuk-!-font-size-16">{t('caseload.born', { date: formatDate(c.dateOfBirth, locale) })}</span>
            {c.interpreterLanguage ? (
              <>
                <br />
                <strong className="govuk-tag govuk-tag--yellow">{t('home.caseload.interpreter', { language: c.interpreterLanguage })}</strong>
              </>
            ) : null}
          </Fragment>,
          <Ltr key="reference">{c.reference}</Ltr>,
          t(stageKeys[c.stage]),
          c.next ? (
            <>
              {t('caseload.next', { step: t(clockStepKeys[c.next.step]), date: formatDate(c.next.dueBy, locale) })}
              {c.next.status === 'missed' ? (
                <>
                  {' '}
                  <Tag colour="red">{t('clock.status.missed')}</Tag>
                </>
              ) : null}
            </>
          ) : (
            t('caseload.noNext')
          ),
          ...(data.caseworkers ? [c.caseworkerName ?? t('caseload.unallocated')] : []),
          formatDate(c.requestReceived, locale),
          <StatusTags key="status" row={c} />,
        ])}
      />
    </>
  );
}

/** "On track" only when nothing is overdue: neither a statutory date nor a reply to the family. */
function StatusTags({ row }: { row: CaseloadViewRow }) {
  const { t } = useTranslation();
  const tags = [
    row.replyOverdue ? (
      <Tag colour="red" key="reply">
        {t('caseload.replyOverdue')}
      </Tag>
    ) : row.awaitingReply ? (
      <Tag colour="blue" key="reply">
        {t('caseload.awaitingReply')}
      </Tag>
    ) : null,
    row.missed.length > 0 ? (
      <Tag colour="red" key="missed">
        {t('home.caseload.missed', { count: row.missed.length })}
      </Tag>
    ) : null,
  ].filter(Boolean);
  if (!row.replyOverdue && row.missed.length === 0) tags.push(<Tag colour="green" key="ok">{t('home.caseload.onTrack')}</Tag>);
  return <ul className="govuk-list">{tags.map((tag, i) => <li key={i}>{tag}</li>)}</ul>;
}
