import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSettingPermission } from '~/auth/access.server';
import { inviteToSetting, settingStaffInviteSchema, staffOf } from '~/features/settings/index.server';
import { settingRoleKeys } from '~/features/settings';
import { settingRoles } from '~/domain/vocabulary';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { Radios, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['settings'],
  titleKey: 'settingStaff.title',
};

/** The setting's lead manages its own staff (issue 14): the council is never needed for a joiner or a leaver. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setting } = await requireSettingPermission(request, 'manage:setting-staff');
  return json({
    settingName: setting.name,
    selfId: user.id,
    staff: await staffOf(setting.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, setting } = await requireSettingPermission(request, 'manage:setting-staff');
  const values = await readForm(request);
  const form = validateForm(settingStaffInviteSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  // Sent twice, the address is already invited: one account, one email.
  await inviteToSetting(user, setting, form.data);
  return redirect(`/setting/staff?invited=${encodeURIComponent(form.data.email)}`);
}

const statusTags = {
  invited: ['grey', 'settingStaff.status.invited'],
  active: ['green', 'settingStaff.status.active'],
  deactivated: ['red', 'settingStaff.status.deactivated'],
} as const;

export default function SettingStaff() {
  const { t } = useTranslation();
  const { settingName, selfId, staff } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const invited = params.get('invited');
  const removed = params.get('removed');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/setting">{t('common.back')}</BackLink>
        {invited ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('settingStaff.notice.invited', { email: invited })}</p>
          </NotificationBanner>
        ) : removed ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('settingStaff.notice.removed', { name: removed })}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['name', 'email', 'settingRole']} />
        <span className="govuk-caption-l">{settingName}</span>
        <h1 className="govuk-heading-l">{t('settingStaff.heading')}</h1>
        <p className="govuk-body">{t('settingStaff.intro')}</p>
        <Table
          caption={t('settingStaff.caption')}
          head={[t('settingStaff.field.name'), t('settingStaff.field.email'), t('settingStaff.field.role'), t('settingStaff.field.status')]}
          rows={staff.map((member) => [
            member.id === selfId ? (
              <span key={member.id}>{t('settingStaff.you', { name: member.name })}</span>
            ) : (
              <Link className="govuk-link" to={`/setting/staff/${member.id}`} key={member.id}>
                {member.name}
              </Link>
            ),
            member.email,
            member.settingRole ? t(settingRoleKeys[member.settingRole]) : '',
            <Tag colour={statusTags[member.status][0]} key={`${member.id}-status`}>
              {t(statusTags[member.status][1])}
            </Tag>,
          ])}
        />
        <h2 className="govuk-heading-m">{t('settingStaff.inviteHeading')}</h2>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="name" label={t('settingStaff.field.name')} autoComplete="off" spellCheck={false} error={errors.name} defaultValue={values.name} />
          <TextInput name="email" type="email" label={t('settingStaff.field.email')} autoComplete="off" spellCheck={false} error={errors.email} defaultValue={values.email} />
          <Radios
            name="settingRole"
            legend={t('settingStaff.field.role')}
            hint={t('settingStaff.roleHint')}
            error={errors.settingRole}
            defaultValue={values.settingRole}
            choices={settingRoles.map((role) => ({
              value: role,
              label: t(settingRoleKeys[role]),
            }))}
          />
          <SubmitButton>{t('settingStaff.inviteSubmit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
