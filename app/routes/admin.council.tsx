import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { readForm, validateForm } from '~/forms/form.server';
import { changeCouncilSettings, councilSettingsOf, councilSettingsSchema } from '~/features/administration/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { InsetText, NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

const fieldOrder = ['emailFromName', 'contactHours', 'sendiassName', 'sendiassPhone', 'sendiassEmail', 'sendiassUrl', 'localOfferUrl', 'feedbackUrl', 'brandColour'] as const;

export const handle: PageHandle = { namespaces: ['admin', 'rights'], titleKey: 'councilSettings.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  return json({ settings: await councilSettingsOf(admin.laId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  const values = await readForm(request);
  const form = validateForm(councilSettingsSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  const changed = await changeCouncilSettings(admin, admin.laId, form.data);
  return redirect(changed ? '/admin/council?changed=1' : '/admin/council');
}

export default function CouncilSettingsPage() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  // What the admin typed wins over what is stored, so nothing is lost when a field is refused.
  const value = (name: (typeof fieldOrder)[number]) => values[name] ?? settings[name] ?? '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('changed') ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('councilSettings.changed')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={fieldOrder} />
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
        <h2 className="govuk-heading-m">{t('privacyNotice.admin.heading')}</h2>
        <p className="govuk-body">{t('privacyNotice.admin.councilPageBody')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin/privacy">
            {t('privacyNotice.admin.councilPageLink')}
          </Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/admin/retention">
            {t('councilSettings.retentionLink')}
          </Link>
        </p>
        <Form method="post" noValidate key={formKey}>
          <h2 className="govuk-heading-m">{t('councilSettings.emailsHeading')}</h2>
          <TextInput
            name="emailFromName"
            label={t('councilSettings.senderNameLabel')}
            hint={t('councilSettings.senderNameHint', { name: settings.name })}
            error={errors.emailFromName}
            defaultValue={value('emailFromName')}
            autoComplete="off"
          />
          <h2 className="govuk-heading-m">{t('councilSettings.helpHeading')}</h2>
          <p className="govuk-body">{t('councilSettings.helpIntro')}</p>
          <TextInput name="contactHours" label={t('councilSettings.contactHoursLabel')} hint={t('councilSettings.contactHoursHint')} error={errors.contactHours} defaultValue={value('contactHours')} autoComplete="off" />
          <TextInput name="sendiassName" label={t('councilSettings.sendiassNameLabel')} hint={t('councilSettings.sendiassNameHint')} error={errors.sendiassName} defaultValue={value('sendiassName')} autoComplete="off" />
          <TextInput name="sendiassPhone" type="tel" label={t('councilSettings.sendiassPhoneLabel')} hint={t('councilSettings.phoneHint')} error={errors.sendiassPhone} defaultValue={value('sendiassPhone')} autoComplete="off" widthClass="govuk-input--width-20" />
          <TextInput name="sendiassEmail" type="email" label={t('councilSettings.sendiassEmailLabel')} error={errors.sendiassEmail} defaultValue={value('sendiassEmail')} autoComplete="off" spellCheck={false} />
          <TextInput name="sendiassUrl" type="url" label={t('councilSettings.sendiassUrlLabel')} hint={t('councilSettings.linkHint')} error={errors.sendiassUrl} defaultValue={value('sendiassUrl')} autoComplete="off" spellCheck={false} />
          <TextInput name="localOfferUrl" type="url" label={t('councilSettings.localOfferUrlLabel')} hint={t('councilSettings.localOfferUrlHint')} error={errors.localOfferUrl} defaultValue={value('localOfferUrl')} autoComplete="off" spellCheck={false} />
          <h2 className="govuk-heading-m">{t('councilSettings.lookHeading')}</h2>
          <TextInput name="feedbackUrl" type="url" label={t('councilSettings.feedbackUrlLabel')} hint={t('councilSettings.feedbackUrlHint')} error={errors.feedbackUrl} defaultValue={value('feedbackUrl')} autoComplete="off" spellCheck={false} />
          <TextInput name="brandColour" label={t('councilSettings.brandColourLabel')} hint={t('councilSettings.brandColourHint')} error={errors.brandColour} defaultValue={value('brandColour')} autoComplete="off" spellCheck={false} widthClass="govuk-input--width-10" />
          <SubmitButton>{t('councilSettings.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
