import { Link } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { Ltr, Tag } from '~/ui/govuk/content';
import { Checkboxes, Select } from '~/ui/govuk/fields';
import { CaseworkerFilter, ListSearchForm, PagedTable } from '~/ui/ListControls';
import { caseloadHref, DEFAULT_QUERY, type CaseloadQuery } from '~/ui/list-query';

/** A waiting thread as the page receives it (the loader's JSON). */
export type InboxViewRow = {
  caseId: string;
  reference: string;
  childName: string;
  caseworkerName: string | null;
  caseworkerAbsent: boolean;
  waitingSince: string;
  waitingFor: 'acknowledgement' | 'reply';
  acknowledgeBy: string;
  replyBy: string;
  overdue: boolean;
  dueToday: boolean;
  unread: number;
  interpreterLanguage: string | null;
};

export type InboxViewData = {
  query: CaseloadQuery;
  typed: string;
  searchError: string | null;
  rows: InboxViewRow[];
  total: number;
  page: number;
  pages: number;
  first: number;
  last: number;
  /** Only on the council-wide inbox, where it can be filtered by team and caseworker. */
  teams: { id: string; name: string }[] | null;
  caseworkers: { id: string; name: string }[] | null;
};

/**
 * The threads waiting for the council's reply, with the caseload's search and a GET form (so it
 * works without JavaScript and a filtered inbox can be linked to). `path` is the inbox's address
 * for the scope shown (`/inbox` or `/inbox?view=team`): the form keeps the scope with `hidden`.
 */
export function InboxView({ data, path, hidden = {} }: { data: InboxViewData; path: string; hidden?: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { query } = data;
  const base = caseloadHref(path, DEFAULT_QUERY);
  const filtered = caseloadHref(path, { ...query, page: 1 }) !== base;
  return (
    <>
      <ListSearchForm action={path.split('?')[0]} label={t('inboxList.searchLabel')} typed={data.typed} searchError={data.searchError} clearTo={filtered ? base : null} hidden={hidden}>
        {data.teams ? <Select name="team" label={t('caseload.filters.team')} emptyLabel={t('caseload.filters.anyTeam')} defaultValue={query.team ?? ''} choices={data.teams.map((team) => ({ value: team.id, label: team.name }))} /> : null}
        {data.caseworkers ? <CaseworkerFilter caseworkers={data.caseworkers} value={query.caseworker} /> : null}
        <Checkboxes name="only" legend={t('inboxList.only')} checked={query.only} choices={[{ value: 'reply-overdue', label: t('inboxList.overdueOnly') }]} />
      </ListSearchForm>
      <PagedTable
        data={data}
        hrefFor={(page) => caseloadHref(path, query, { page })}
        empty={t(filtered ? 'inboxList.noneMatch' : 'inboxList.empty')}
        caption={t('inboxList.showing', { first: data.first, last: data.last, count: data.total })}
        head={[t('inboxList.column.child'), t('inboxList.column.reference'), t('caseload.column.caseworker'), t('inboxList.column.waitingSince'), t('inboxList.column.replyBy'), t('inboxList.column.waiting'), t('inboxList.column.unread')]}
        rows={data.rows.map((e) => [
          <Fragment key={e.caseId}>
            <Link className="govuk-link" to={`/cases/${e.caseId}/messages`}>
              {e.childName}
            </Link>
            {e.interpreterLanguage ? (
              <>
                <br />
                <strong className="govuk-tag govuk-tag--yellow">{t('home.caseload.interpreter', { language: e.interpreterLanguage })}</strong>
              </>
            ) : null}
          </Fragment>,
          <Ltr key="reference">{e.reference}</Ltr>,
          <>
            {e.caseworkerName ?? t('caseload.unallocated')} {e.caseworkerAbsent ? <Tag colour="purple">{t('inboxList.away')}</Tag> : null}
          </>,
          formatDate(e.waitingSince, locale),
          <>
            {formatDate(e.replyBy, locale)} {e.overdue ? <Tag colour="red">{t('inboxList.overdue')}</Tag> : e.dueToday ? <Tag colour="orange">{t('inboxList.dueToday')}</Tag> : null}
          </>,
          e.waitingFor === 'acknowledgement' ? t('inboxList.acknowledgeBy', { date: formatDate(e.acknowledgeBy, locale) }) : t('inboxList.fullReply'),
          e.unread > 0 ? <Tag colour="blue">{t('inboxList.unreadCount', { count: e.unread })}</Tag> : t('inboxList.allRead'),
        ])}
      />
    </>
  );
}
