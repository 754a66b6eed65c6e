import { Form, Link, useLocation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton, Table } from './govuk/content';
import { ErrorSummary } from './govuk/ErrorSummary';
import { Select, TextInput } from './govuk/fields';
import { Pagination } from './govuk/Pagination';

/**
 * The search form every caseload list opens with: the search box, the list's own filters
 * (`children`), Apply, and Clear when something is chosen. A GET form, so it works without
 * JavaScript and a filtered list can be linked to; `hidden` keeps a scope the address carries
 * (the inbox's `view`).
 */
export function ListSearchForm({
  action,
  label,
  typed,
  searchError,
  clearTo,
  hidden = {},
  children,
}: {
  action: string;
  label: string;
  typed: string;
  searchError: string | null;
  /** Where Clear goes; no Clear link when nothing is chosen. */
  clearTo: string | null;
  hidden?: Record<string, string>;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <>
      <ErrorSummary errors={searchError ? { q: searchError } : undefined} />
      {/* Keyed by the address, so the fields show what the list now shows after a client-side search. */}
      <Form method="get" action={action} key={location.search} role="search" aria-label={label}>
        {Object.entries(hidden).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <TextInput name="q" label={t('caseload.search.label')} hint={t('caseload.search.hint')} defaultValue={typed} error={searchError ?? undefined} spellCheck={false} />
        {children}
        <div className="govuk-button-group">
          <SubmitButton>{t('caseload.apply')}</SubmitButton>
          {clearTo ? (
            <Link className="govuk-link" to={clearTo}>
              {t('caseload.clear')}
            </Link>
          ) : null}
        </div>
      </Form>
    </>
  );
}

/** The council-wide lists' filter by caseworker, with "Unallocated" first. */
export function CaseworkerFilter({ caseworkers, value }: { caseworkers: readonly { id: string; name: string }[]; value: string | null }) {
  const { t } = useTranslation();
  return (
    <Select
      name="caseworker"
      label={t('caseload.filters.caseworker')}
      emptyLabel={t('caseload.filters.anyCaseworker')}
      defaultValue={value ?? ''}
      choices={[{ value: 'unallocated', label: t('caseload.unallocated') }, ...caseworkers.map((c) => ({ value: c.id, label: c.name }))]}
    />
  );
}

/** A page of a list as the page receives it: which rows, of how many. */
export type ListPage = { total: number; page: number; pages: number; first: number; last: number };

/** The rows of one page in a table, with the pages under it (`hrefFor` a page's address); `empty` when nothing matches. */
export function PagedTable({
  data,
  hrefFor,
  caption,
  empty,
  head,
  rows,
}: {
  data: ListPage;
  hrefFor: (page: number) => string;
  caption: string;
  empty: string;
  head: readonly ReactNode[];
  rows: readonly (readonly ReactNode[])[];
}) {
  if (data.total === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <>
      <Table caption={caption} head={head} rows={rows} />
      <Pagination page={data.page} pages={data.pages} hrefFor={hrefFor} />
    </>
  );
}
