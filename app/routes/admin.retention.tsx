import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { readForm } from '~/forms/form.server';
import { changeRetentionSettings, parseRetentionSettings, retentionSettingsOf } from '~/features/retention/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { InsetText, NotificationBanner, SubmitButton } from '~/ui/govuk/content';
import { Radios, TextInput } from '~/ui/govuk/fields';

/**
 * The council's retention schedule (ADR 0037), set by its LA admin: how long closed cases and
 * drafts never sent are kept before they are listed for a manager to approve their deletion.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'retention.settings.title' };

const fieldOrder = ['planBasis', 'planAge', 'yearsAfterPlan', 'yearsAfterClosure', 'draftMonths'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:retention');
  return json({ settings: await retentionSettingsOf(admin.laId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:retention');
  const values = await readForm(request);
  const form = parseRetentionSettings(values);
  if (!form.ok) return formFailure(form.errors, values);
  await changeRetentionSettings(admin, admin.laId, form.data, clientAddress(request));
  return redirect('/admin/retention?changed=1');
}

export default function RetentionSettingsPage() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  // What the admin typed wins over what is stored, so nothing is lost when a field is refused.
  const value = (name: (typeof fieldOrder)[number]) => values[name] ?? String(settings[name]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('changed') && Object.keys(errors).length === 0 ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('retention.settings.changed')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={fieldOrder} />
        <h1 className="govuk-heading-l">{t('retention.settings.heading')}</h1>
        <p className="govuk-body">{t('retention.settings.intro')}</p>
        {settings.own ? null : <InsetText>{t('retention.settings.defaults')}</InsetText>}
        <Form method="post" noValidate key={formKey}>
          <Radios
            name="planBasis"
            legend={t('retention.settings.planBasis')}
            error={errors.planBasis}
            defaultValue={value('planBasis')}
            choices={[
              { value: 'age', label: t('retention.settings.basisAge'), hint: t('retention.settings.basisAgeHint') },
              { value: 'years_after_plan', label: t('retention.settings.basisYears') },
            ]}
          />
          <TextInput name="planAge" label={t('retention.settings.planAge')} hint={t('retention.settings.planAgeHint')} error={errors.planAge} defaultValue={value('planAge')} inputMode="numeric" widthClass="govuk-input--width-2" autoComplete="off" />
          <TextInput name="yearsAfterPlan" label={t('retention.settings.yearsAfterPlan')} hint={t('retention.settings.yearsHint')} error={errors.yearsAfterPlan} defaultValue={value('yearsAfterPlan')} inputMode="numeric" widthClass="govuk-input--width-2" autoComplete="off" />
          <TextInput name="yearsAfterClosure" label={t('retention.settings.yearsAfterClosure')} hint={t('retention.settings.yearsAfterClosureHint')} error={errors.yearsAfterClosure} defaultValue={value('yearsAfterClosure')} inputMode="numeric" widthClass="govuk-input--width-2" autoComplete="off" />
          <TextInput name="draftMonths" label={t('retention.settings.draftMonths')} hint={t('retention.settings.draftMonthsHint')} error={errors.draftMonths} defaultValue={value('draftMonths')} inputMode="numeric" widthClass="govuk-input--width-2" autoComplete="off" />
          <p className="govuk-body">{t('retention.settings.nightly')}</p>
          <SubmitButton>{t('retention.settings.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
