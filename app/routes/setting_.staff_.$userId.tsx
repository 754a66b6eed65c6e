import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSettingAccount } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { clientAddress } from '~/client-address.server';
import { changeSettingRole, settingRoleChangeSchema } from '~/features/settings/index.server';
import { settingRoleKeys } from '~/features/settings';
import { settingRoles } from '~/domain/vocabulary';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { Radios } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['settings'],
  title: (data, t) => (data as { name?: string } | undefined)?.name ?? t('settingStaff.title'),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lead, account } = await requireSettingAccount(request, params.userId ?? '', 'read:account');
  return json({
    id: account.id,
    name: account.name,
    email: account.email,
    settingRole: account.settingRole,
    deactivated: account.deactivatedAt !== null,
    // Never their own account: the policy says so, as for an admin.
    mayRemove:
      account.deactivatedAt === null &&
      decide(lead, 'administer:account', {
        type: 'account',
        userId: account.id,
        role: account.role,
        laId: account.laId,
        settingId: account.settingId,
      }) === 'allow',
  });
}

/** A new role at the setting. The same choice sent twice changes nothing more. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { lead, setting, account } = await requireSettingAccount(request, params.userId ?? '', 'administer:account');
  const values = await readForm(request);
  const form = validateForm(settingRoleChangeSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  await changeSettingRole(lead, setting.id, account.id, form.data.settingRole, clientAddress(request));
  return redirect(`/setting/staff/${account.id}?changed=1`);
}

export default function SettingStaffMember() {
  const { t } = useTranslation();
  const { id, name, email, settingRole, deactivated, mayRemove } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/setting/staff">{t('common.back')}</BackLink>
        {params.get('changed') ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('settingStaff.notice.roleChanged', { name })}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['settingRole']} />
        <h1 className="govuk-heading-l">{name}</h1>
        <SummaryList
          rows={[
            { key: t('settingStaff.field.email'), value: email },
            {
              key: t('settingStaff.field.role'),
              value: settingRole ? t(settingRoleKeys[settingRole]) : '',
            },
            {
              key: t('settingStaff.field.status'),
              value: deactivated ? t('settingStaff.status.deactivated') : t('settingStaff.status.current'),
            },
          ]}
        />
        {deactivated ? (
          <p className="govuk-body">{t('settingStaff.member.deactivated')}</p>
        ) : (
          <>
            <Form method="post" noValidate key={formKey}>
              <Radios
                name="settingRole"
                legend={t('settingStaff.member.changeRole')}
                error={errors.settingRole}
                defaultValue={values.settingRole ?? settingRole ?? undefined}
                choices={settingRoles.map((role) => ({
                  value: role,
                  label: t(settingRoleKeys[role]),
                }))}
              />
              <SubmitButton>{t('settingStaff.member.saveRole')}</SubmitButton>
            </Form>
            {mayRemove ? (
              <>
                <h2 className="govuk-heading-m">{t('settingStaff.member.leaverHeading')}</h2>
                <p className="govuk-body">{t('settingStaff.member.leaverBody')}</p>
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/setting/staff/${id}/remove`}>
                    {t('settingStaff.member.remove', { name })}
                  </Link>
                </p>
              </>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
