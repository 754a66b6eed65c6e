import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { inviteToSetting, settingLeadInviteSchema, settingOf, staffOf } from '~/features/settings/index.server';
import { settingPhaseKeys, settingRoleKeys, settingTypeKeys } from '~/features/settings';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, SummaryList, Table, Tag } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['settings'],
  title: (data, t) => (data as { setting?: { name: string } } | undefined)?.setting?.name ?? t('settingsAdmin.list.title'),
};

async function requireSetting(request: Request, settingId: string) {
  const admin = await requireLaPermission(request, 'administer:settings');
  const setting = await settingOf(admin.laId, settingId);
  if (!setting) throw new Response('Not Found', { status: 404 });
  return { admin, setting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { setting } = await requireSetting(request, params.settingId ?? '');
  const { id, name, urn, ukprn, type, phase } = setting;
  return json({
    setting: { id, name, urn, ukprn, type, phase },
    staff: await staffOf(setting.id),
  });
}

/** The council invites a setting's lead (its first, or a new one when the last has left); the lead invites everyone else. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, setting } = await requireSetting(request, params.settingId ?? '');
  const values = await readForm(request);
  const form = validateForm(settingLeadInviteSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  await inviteToSetting(admin, setting, { ...form.data, settingRole: 'lead' });
  return redirect(`/admin/settings/${setting.id}?invited=${encodeURIComponent(form.data.email)}`);
}

const notices = {
  added: 'settingsAdmin.notice.added',
  changed: 'settingsAdmin.notice.changed',
} as const;
const statusTags = {
  invited: ['grey', 'settingStaff.status.invited'],
  active: ['green', 'settingStaff.status.active'],
  deactivated: ['red', 'settingStaff.status.deactivated'],
} as const;

export default function SettingPage() {
  const { t } = useTranslation();
  const { setting, staff } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const invited = params.get('invited');
  const notice = params.get('notice');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/settings">{t('common.back')}</BackLink>
        {invited ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('settingsAdmin.notice.invited', { email: invited })}</p>
          </NotificationBanner>
        ) : notice === 'added' || notice === 'changed' ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(notices[notice], { name: setting.name })}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['name', 'email']} />
        <span className="govuk-caption-l">{t('settingsAdmin.page.caption')}</span>
        <h1 className="govuk-heading-l">{setting.name}</h1>
        <SummaryList
          rows={[
            {
              key: t('settingsAdmin.field.urn'),
              value: setting.urn ?? t('settingsAdmin.none'),
            },
            {
              key: t('settingsAdmin.field.ukprn'),
              value: setting.ukprn ?? t('settingsAdmin.none'),
            },
            {
              key: t('settingsAdmin.field.type'),
              value: t(settingTypeKeys[setting.type]),
            },
            {
              key: t('settingsAdmin.field.phase'),
              value: t(settingPhaseKeys[setting.phase]),
            },
          ]}
        />
        <p className="govuk-body">
          <Link className="govuk-link" to={`/admin/settings/${setting.id}/edit`}>
            {t('settingsAdmin.page.change')}
          </Link>
        </p>
        <h2 className="govuk-heading-m">{t('settingsAdmin.page.staffHeading')}</h2>
        <p className="govuk-body">{t('settingsAdmin.page.staffIntro')}</p>
        {staff.length === 0 ? (
          <p className="govuk-body">{t('settingsAdmin.page.noStaff')}</p>
        ) : (
          <Table
            caption={t('settingsAdmin.page.staffCaption')}
            head={[t('settingStaff.field.name'), t('settingStaff.field.email'), t('settingStaff.field.role'), t('settingStaff.field.status')]}
            rows={staff.map((member) => [
              member.name,
              member.email,
              member.settingRole ? t(settingRoleKeys[member.settingRole]) : '',
              <Tag colour={statusTags[member.status][0]} key={member.id}>
                {t(statusTags[member.status][1])}
              </Tag>,
            ])}
          />
        )}
        <h2 className="govuk-heading-m">{t('settingsAdmin.page.inviteHeading')}</h2>
        <p className="govuk-body">{t('settingsAdmin.page.inviteIntro')}</p>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="name" label={t('settingStaff.field.name')} autoComplete="off" spellCheck={false} error={errors.name} defaultValue={values.name} />
          <TextInput name="email" type="email" label={t('settingStaff.field.email')} autoComplete="off" spellCheck={false} error={errors.email} defaultValue={values.email} />
          <SubmitButton>{t('settingsAdmin.page.inviteSubmit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
