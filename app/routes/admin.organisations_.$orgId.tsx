import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { advocatesOf, inviteAdvocateSchema, organisationOf } from '~/features/administration/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { inviteAdvocate } from '~/features/identity/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['identity', 'admin'],
  title: (data, t) => {
    const org = (data as { organisation?: { name: string } } | undefined)?.organisation;
    return org ? org.name : t('adviceOrgs.title');
  },
};

async function requireOrganisation(request: Request, orgId: string) {
  const admin = await requireLaPermission(request, 'administer:organisations');
  const organisation = await organisationOf(admin.laId, orgId);
  if (!organisation) throw new Response('Not Found', { status: 404 });
  return { admin, organisation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = await requireOrganisation(request, params.orgId ?? '');
  return json({ organisation: { id: organisation.id, name: organisation.name }, advocates: await advocatesOf(organisation.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, organisation } = await requireOrganisation(request, params.orgId ?? '');
  const values = await readForm(request);
  const form = validateForm(inviteAdvocateSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  const invited = await inviteAdvocate(admin, organisation, form.data);
  if (!invited.ok) return formFailure({ [invited.field]: invited.error }, values);
  return redirect(`/admin/organisations/${organisation.id}?invited=${encodeURIComponent(form.data.email)}`);
}

export default function AdviceOrganisation() {
  const { t } = useTranslation();
  const { organisation, advocates } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const invited = params.get('invited');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/organisations">{t('common.back')}</BackLink>
        {invited ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('admin.users.invited', { email: invited })}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['name', 'email']} />
        <span className="govuk-caption-l">{t('adviceOrgs.caption')}</span>
        <h1 className="govuk-heading-l">{organisation.name}</h1>
        {advocates.length === 0 ? (
          <p className="govuk-body">{t('adviceOrgs.noAdvocates')}</p>
        ) : (
          <Table
            caption={t('adviceOrgs.advocates')}
            head={[t('fields.fullName'), t('fields.email'), t('admin.users.status')]}
            rows={advocates.map((a) => [
              a.name,
              a.email,
              a.active ? <Tag colour="green">{t('admin.users.active')}</Tag> : <Tag colour="grey">{t('admin.users.invitedStatus')}</Tag>,
            ])}
          />
        )}
        <h2 className="govuk-heading-m">{t('adviceOrgs.inviteHeading')}</h2>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="name" label={t('fields.fullName')} autoComplete="off" spellCheck={false} error={errors.name} defaultValue={values.name} />
          <TextInput name="email" type="email" label={t('fields.email')} autoComplete="off" spellCheck={false} error={errors.email} defaultValue={values.email} />
          <SubmitButton>{t('adviceOrgs.invite')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
