import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { changeName, changeNameSchema } from '~/features/identity/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'changeName.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ name: user.name });
}

/** Anyone signed in names themselves; the same name sent twice changes nothing more. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  const form = validateForm(changeNameSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  if (form.data.name !== user.name) await changeName(user, form.data.name, clientAddress(request));
  return redirect('/account?notice=nameChanged');
}

export default function ChangeName() {
  const { t } = useTranslation();
  const { name } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate key={formKey}>
          <TextInput name="name" label={t('changeName.heading')} hint={t('changeName.hint')} isPageHeading autoComplete="name" spellCheck={false} error={errors.name} defaultValue={values.name ?? name} />
          <SubmitButton>{t('changeName.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
