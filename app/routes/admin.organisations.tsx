import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { createOrganisation, organisationSchema, organisationsOf } from '~/features/administration/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton, Table } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['admin'], titleKey: 'adviceOrgs.title' };


export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:organisations');
  return json({ organisations: await organisationsOf(admin.laId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:organisations');
  const values = await readForm(request);
  const form = validateForm(organisationSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  // A second send of the same name adds nothing: the list shows the one organisation.
  await createOrganisation(admin, form.data.name);
  return redirect('/admin/organisations');
}

export default function AdviceOrganisations() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} fieldOrder={['name']} />
        <h1 className="govuk-heading-l">{t('adviceOrgs.heading')}</h1>
        <p className="govuk-body">{t('adviceOrgs.intro')}</p>
        {organisations.length === 0 ? (
          <p className="govuk-body">{t('adviceOrgs.none')}</p>
        ) : (
          <Table
            caption={t('adviceOrgs.caption')}
            head={[t('adviceOrgs.name'), t('adviceOrgs.advocates')]}
            rows={organisations.map((o) => [
              <Link className="govuk-link" to={`/admin/organisations/${o.id}`} key={o.id}>
                {o.name}
              </Link>,
              o.advocates,
            ])}
          />
        )}
        <h2 className="govuk-heading-m">{t('adviceOrgs.addHeading')}</h2>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="name" label={t('adviceOrgs.name')} error={errors.name} defaultValue={values.name} autoComplete="off" />
          <SubmitButton>{t('adviceOrgs.add')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
