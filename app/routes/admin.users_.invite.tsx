import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { inviteStaff, inviteStaffSchema } from '~/features/identity/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { teamsOf } from '~/features/case-progress/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { Radios, Select, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'admin.invite.title' };


export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:users');
  return json({ teams: await teamsOf(admin.laId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:users');
  const values = await readForm(request);
  const form = validateForm(inviteStaffSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  const teams = await teamsOf(admin.laId);
  if (form.data.teamId && !teams.some((team) => team.id === form.data.teamId)) {
    return formFailure({ teamId: 'errors.team.required' }, values);
  }
  const result = await inviteStaff(admin, form.data);
  if (!result.ok) return formFailure({ [result.field]: result.error }, values);
  return redirect(`/admin/users?invited=${encodeURIComponent(form.data.email)}`);
}

export default function InviteStaff() {
  const { t } = useTranslation();
  const { teams } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/users">{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['name', 'email', 'role', 'teamId']} />
        <h1 className="govuk-heading-l">{t('admin.invite.heading')}</h1>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="name" label={t('fields.fullName')} autoComplete="off" spellCheck={false} error={errors.name} defaultValue={values.name} />
          <TextInput name="email" type="email" label={t('fields.email')} autoComplete="off" spellCheck={false} error={errors.email} defaultValue={values.email} />
          <Radios
            name="role"
            legend={t('admin.invite.role')}
            error={errors.role}
            defaultValue={values.role}
            choices={[
              { value: 'caseworker', label: t('roles.caseworker') },
              { value: 'manager', label: t('roles.manager') },
              { value: 'la_admin', label: t('roles.la_admin') },
            ]}
          />
          <Select
            name="teamId"
            label={t('admin.invite.team')}
            hint={t('admin.invite.teamHint')}
            error={errors.teamId}
            defaultValue={values.teamId}
            emptyLabel={t('admin.invite.noTeam')}
            choices={teams.map((team) => ({ value: team.id, label: team.name }))}
          />
          <SubmitButton>{t('admin.invite.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
