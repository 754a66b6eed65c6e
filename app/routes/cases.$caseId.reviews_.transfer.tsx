import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { recordTransfer, transferScreen } from '~/features/reviews/index.server';
import { CaseCaption } from '~/features/case-progress';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { InsetText, NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { Select } from '~/ui/govuk/fields';

/**
 * A phase transfer on the case's review under way (issue 14, item 4): the move and its last day
 * from the child's date of birth, the setting consulted about a place and the setting the amended
 * plan names, from the council's settings. For council staff; the review's own pages are at
 * /cases/:caseId/reviews.
 */
export const handle: PageHandle = { namespaces: ['reviews', 'case'], titleKey: 'reviews.lists.transfer.title' };

const fromKeys = { early_years: 'reviews.lists.transfer.from.early_years', infant: 'reviews.lists.transfer.from.infant', primary: 'reviews.lists.transfer.from.primary', secondary: 'reviews.lists.transfer.from.secondary' } as const;
const toKeys = { school: 'reviews.lists.transfer.to.school', junior: 'reviews.lists.transfer.to.junior', secondary: 'reviews.lists.transfer.to.secondary', post16: 'reviews.lists.transfer.to.post16' } as const;
const kindKeys = { phase: 'reviews.lists.transfer.kind.phase', post16: 'reviews.lists.transfer.kind.post16' } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const screen = await transferScreen(user.laId!, caseRecord.id);
  return json({ caseId: caseRecord.id, screen });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const values = await readForm(request);
  const result = await recordTransfer({ ...user, laId: user.laId! }, caseRecord.id, values, { address: clientAddress(request) });
  if (!result.ok) return formFailure(result.errors, result.values);
  return redirect(`/cases/${caseRecord.id}/reviews/transfer?saved=1`);
}

export default function ReviewTransfer() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, screen } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [search] = useSearchParams();
  const choices = (screen?.settings ?? []).map((s) => ({ value: s.id, label: s.name }));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {search.get('saved') && Object.keys(errors).length === 0 ? (
          <NotificationBanner title={t('reviews.lists.transfer.savedTitle')} success>
            <p className="govuk-notification-banner__heading">{t('reviews.lists.transfer.saved')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.lists.transfer.heading')}</h1>
        {!screen ? (
          <p className="govuk-body">{t('reviews.lists.transfer.noReview')}</p>
        ) : (
          <>
            {screen.transfer ? (
              <SummaryList
                rows={[
                  {
                    key: t('reviews.lists.transfer.move'),
                    value: screen.transfer.from && screen.transfer.to ? t('reviews.lists.transfer.fromTo', { from: t(fromKeys[screen.transfer.from]), to: t(toKeys[screen.transfer.to]) }) : t(kindKeys[screen.transfer.kind]),
                  },
                  { key: t('reviews.lists.transfer.moveOn'), value: formatDate(screen.transfer.transferDate, locale) },
                  { key: t('reviews.lists.transfer.lastDayLabel'), value: <strong>{formatDate(screen.transfer.lastDay, locale)}</strong> },
                ]}
              />
            ) : (
              <InsetText>{t('reviews.lists.transfer.notMoving')}</InsetText>
            )}
            {screen.transfer ? <p className="govuk-body">{t(screen.transfer.kind === 'post16' ? 'reviews.lists.transfer.explainPost16' : 'reviews.lists.transfer.explainPhase', { date: formatDate(screen.transfer.lastDay, locale) })}</p> : null}
            {screen.transfer ? (
              <Form method="post" noValidate key={formKey}>
                <Select name="consultedSettingId" label={t('reviews.lists.transfer.consulted')} hint={t('reviews.lists.transfer.consultedHint')} emptyLabel={t('reviews.lists.transfer.choose')} choices={choices} defaultValue={values.consultedSettingId ?? screen.consultedSettingId ?? ''} error={errors.consultedSettingId} />
                <Select name="namedSettingId" label={t('reviews.lists.transfer.namedLabel')} hint={t('reviews.lists.transfer.namedHint')} emptyLabel={t('reviews.lists.transfer.notYet')} choices={choices} defaultValue={values.namedSettingId ?? screen.namedSettingId ?? ''} error={errors.namedSettingId} />
                <SubmitButton>{t('reviews.lists.transfer.submit')}</SubmitButton>
              </Form>
            ) : null}
          </>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/reviews`}>
            {t('reviews.lists.transfer.back')}
          </Link>
        </p>
      </div>
    </div>
  );
}
