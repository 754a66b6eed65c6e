import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { PRIVACY_NOTICE_FIELDS } from '~/domain/privacy-notice';
import { readForm, validateForm } from '~/forms/form.server';
import { PRIVACY_CONTROLLER_MAX_LENGTH, PRIVACY_POSTAL_ADDRESS_MAX_LENGTH, PRIVACY_SECTION_MAX_LENGTH } from '~/forms/text-limits';
import { privacyNoticeSchema, privacyNoticesOf, savePrivacyNotice, storedPrivacyNotice } from '~/features/data-rights/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'privacyNotice.admin.title' };

/** The council's privacy notice, as its LA admin writes it (ADR 0036). */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  const [stored, [notice]] = await Promise.all([storedPrivacyNotice(admin.laId), privacyNoticesOf([admin.laId])]);
  return json({ stored, council: notice.council });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  const values = await readForm(request);
  const form = validateForm(privacyNoticeSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  const changed = await savePrivacyNotice(admin, admin.laId, form.data);
  return redirect(changed ? '/admin/privacy?changed=1' : '/admin/privacy');
}

const sectionKeys = {
  lawfulBases: { label: 'privacyNotice.admin.lawfulBasesLabel', hint: 'privacyNotice.admin.lawfulBasesHint' },
  sharedWith: { label: 'privacyNotice.admin.sharedWithLabel', hint: 'privacyNotice.admin.sharedWithHint' },
  retention: { label: 'privacyNotice.admin.retentionLabel', hint: 'privacyNotice.admin.retentionHint' },
  extraRights: { label: 'privacyNotice.admin.extraRightsLabel', hint: 'privacyNotice.admin.extraRightsHint' },
} as const;

export default function PrivacyNoticeSettings() {
  const { t } = useTranslation();
  const { stored, council } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  // What the admin typed wins over what is stored, so nothing is lost when a field is refused.
  const value = (name: (typeof PRIVACY_NOTICE_FIELDS)[number]) => values[name] ?? stored[name] ?? '';
  const section = (name: keyof typeof sectionKeys) => (
    <CharacterCount
      name={name}
      label={t(sectionKeys[name].label)}
      hint={t(sectionKeys[name].hint)}
      error={errors[name]}
      defaultValue={value(name)}
      rows={6}
      maxLength={PRIVACY_SECTION_MAX_LENGTH}
    />
  );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/council">{t('common.back')}</BackLink>
        {params.get('changed') ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('privacyNotice.admin.changed')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={PRIVACY_NOTICE_FIELDS} />
        <span className="govuk-caption-l">{council.name}</span>
        <h1 className="govuk-heading-l">{t('privacyNotice.admin.heading')}</h1>
        <p className="govuk-body">{t('privacyNotice.admin.intro')}</p>
        <p className="govuk-body">{t('privacyNotice.admin.always')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/privacy/${council.code.toLowerCase()}`}>
            {t('privacyNotice.admin.preview')}
          </Link>
        </p>
        <Form method="post" noValidate key={formKey}>
          <TextInput
            name="controllerName"
            label={t('privacyNotice.admin.controllerNameLabel')}
            hint={t('privacyNotice.admin.controllerNameHint', { council: council.name, max: PRIVACY_CONTROLLER_MAX_LENGTH })}
            error={errors.controllerName}
            defaultValue={value('controllerName')}
            autoComplete="off"
          />
          <h2 className="govuk-heading-m">{t('privacyNotice.admin.dpoHeading')}</h2>
          <p className="govuk-body">{t('privacyNotice.admin.dpoIntro')}</p>
          <TextInput name="dpoEmail" type="email" label={t('privacyNotice.admin.dpoEmailLabel')} error={errors.dpoEmail} defaultValue={value('dpoEmail')} autoComplete="off" spellCheck={false} />
          <CharacterCount
            name="dpoPostalAddress"
            label={t('privacyNotice.admin.dpoPostalAddressLabel')}
            hint={t('privacyNotice.admin.dpoPostalAddressHint')}
            error={errors.dpoPostalAddress}
            defaultValue={value('dpoPostalAddress')}
            rows={4}
            maxLength={PRIVACY_POSTAL_ADDRESS_MAX_LENGTH}
          />
          <h2 className="govuk-heading-m">{t('privacyNotice.admin.sectionsHeading')}</h2>
          <p className="govuk-body">{t('privacyNotice.admin.sectionsIntro')}</p>
          {section('lawfulBases')}
          {section('sharedWith')}
          {section('retention')}
          {section('extraRights')}
          <SubmitButton>{t('privacyNotice.admin.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
