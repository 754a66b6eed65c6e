import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { readForm, validateForm } from '~/forms/form.server';
import { changeSenderName, councilSettingsOf, councilSettingsSchema } from '~/features/administration/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { InsetText, NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['admin'], titleKey: 'councilSettings.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  return json({ settings: await councilSettingsOf(admin.laId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  const values = await readForm(request);
  const form = validateForm(councilSettingsSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  const changed = await changeSenderName(admin, admin.laId, form.data.emailFromName);
  return redirect(changed ? '/admin/council?changed=1' : '/admin/council');
}

export default function CouncilSettingsPage() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('changed') ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('councilSettings.changed')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['emailFromName']} />
        <h1 className="govuk-heading-l">{t('councilSettings.heading')}</h1>
        <p className="govuk-body">{t('councilSettings.intro')}</p>
        <SummaryList
          rows={[
            { key: t('councilSettings.name'), value: settings.name },
            { key: t('councilSettings.address'), value: settings.ownAddress ? settings.baseUrl : t('councilSettings.deploymentAddress', { address: settings.baseUrl }) },
            { key: t('councilSettings.sender'), value: t('councilSettings.senderValue', { name: settings.sender.name, address: settings.sender.address }) },
          ]}
        />
        <InsetText>{t('councilSettings.operatorNote')}</InsetText>
        <Form method="post" noValidate key={formKey}>
          <TextInput
            name="emailFromName"
            label={t('councilSettings.senderNameLabel')}
            hint={t('councilSettings.senderNameHint', { name: settings.name })}
            error={errors.emailFromName}
            defaultValue={values.emailFromName ?? settings.emailFromName ?? ''}
            autoComplete="off"
          />
          <SubmitButton>{t('councilSettings.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
