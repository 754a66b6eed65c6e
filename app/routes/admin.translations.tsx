import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { pageWindow } from '~/domain/paging';
import { isLocale, languageNames, localeDirection, type Locale } from '~/i18n/config';
import { needsReview } from '~/i18n/review-state';
import { reviewCounts, reviewOf, type TranslatedLocale } from '~/i18n/review.server';
import type { PageHandle } from '~/root';
import { Pagination } from '~/ui/govuk/Pagination';
import { BackLink, SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { Select } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['admin'], titleKey: 'translationReview.title' };

const translated: readonly TranslatedLocale[] = ['pl', 'ro', 'pa', 'ur', 'ar'];
const PAGE_SIZE = 50;
const statusKeys = { machine: 'translationReview.status.machine', stale: 'translationReview.status.stale', reviewed: 'translationReview.status.reviewed' } as const;

/**
 * Which translated strings still need a fluent speaker's check (ADR 0041): counts per
 * language, then one language's machine drafts and strings whose English changed since they
 * were checked, English and translation side by side. The words are the deployment's, the same
 * for every council; an LA admin sees them to arrange reviews.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireLaPermission(request, 'read:translation-review');
  const url = new URL(request.url);
  const asked = url.searchParams.get('language');
  const language: TranslatedLocale = isLocale(asked) && asked !== 'en' ? asked : 'ro';
  const all = reviewOf(language);
  const namespaces = [...new Set(all.map((row) => row.namespace))];
  const namespaceAsked = url.searchParams.get('namespace') ?? '';
  const namespace = namespaces.includes(namespaceAsked) ? namespaceAsked : '';
  const waiting = all.filter((row) => needsReview(row) && (!namespace || row.namespace === namespace));
  const window = pageWindow(waiting.length, Number(url.searchParams.get('page') ?? 1), PAGE_SIZE);
  return json({
    counts: translated.map((locale) => ({ locale, ...reviewCounts(locale) })),
    language,
    namespace,
    namespaces,
    window,
    rows: waiting.slice(window.offset, window.offset + PAGE_SIZE).map(({ key, english, translation, status }) => ({ key, english, translation, status })),
  });
}

export default function TranslationReview() {
  const { t } = useTranslation();
  const { counts, language, namespace, namespaces, window, rows } = useLoaderData<typeof loader>();
  const hrefFor = (page: number) => `/admin/translations?${new URLSearchParams({ language, ...(namespace ? { namespace } : {}), page: String(page) })}`;
  const named = (locale: Locale) => <span lang={locale}>{languageNames[locale]}</span>;
  return (
    <>
      <BackLink to="/">{t('common.back')}</BackLink>
      <h1 className="govuk-heading-l">{t('translationReview.heading')}</h1>
      <p className="govuk-body">{t('translationReview.intro')}</p>
      <Table
        caption={t('translationReview.countsCaption')}
        head={[t('translationReview.language'), t(statusKeys.machine), t(statusKeys.stale), t(statusKeys.reviewed), t('translationReview.total')]}
        rows={counts.map((row) => [named(row.locale), row.machine, row.stale, row.reviewed, row.total])}
      />
      <Form method="get" className="app-filter">
        <Select name="language" label={t('translationReview.language')} defaultValue={language} choices={translated.map((locale) => ({ value: locale, label: languageNames[locale] }))} />
        <Select name="namespace" label={t('translationReview.namespace')} defaultValue={namespace} emptyLabel={t('translationReview.allNamespaces')} choices={namespaces.map((value) => ({ value, label: value }))} />
        <SubmitButton variant="secondary">{t('translationReview.show')}</SubmitButton>
      </Form>
      {rows.length === 0 ? (
        <p className="govuk-body">{t('translationReview.none')}</p>
      ) : (
        <Table
          caption={t('translationReview.tableCaption', { first: window.first, last: window.last, total: window.total, language: languageNames[language] })}
          head={[t('translationReview.key'), t('translationReview.english'), t('translationReview.translation'), t('translationReview.statusHeading')]}
          rows={rows.map((row) => [
            <code key="key">{row.key}</code>,
            <span key="en" lang="en" dir="ltr">
              {row.english}
            </span>,
            <span key="tr" lang={language} dir={localeDirection(language)}>
              {row.translation}
            </span>,
            <Tag key="status" colour={row.status === 'stale' ? 'orange' : 'grey'}>
              {t(statusKeys[row.status])}
            </Tag>,
          ])}
        />
      )}
      <Pagination page={window.page} pages={window.pages} hrefFor={hrefFor} />
    </>
  );
}
