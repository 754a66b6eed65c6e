import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { changeEmailSchema, requestEmailChange } from '~/features/identity/index.server';
import { readForm, validateForm, withoutSecrets } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { PasswordInput, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'changeEmail.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ email: user.email });
}

/**
 * The new address gets a link and changes nothing until it is followed. Whether it already
 * belongs to an account is never said here: the answer is the same either way.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  const form = validateForm(changeEmailSchema, values);
  const kept = withoutSecrets(values, ['currentPassword']);
  if (!form.ok) return formFailure(form.errors, kept);
  const requested = await requestEmailChange(user, form.data, { address: clientAddress(request) });
  if (!requested.ok) return formFailure({ [requested.field]: requested.error }, kept);
  return redirect('/account?notice=emailChangeSent');
}

export default function ChangeEmail() {
  const { t } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['email', 'currentPassword']} />
        <h1 className="govuk-heading-l">{t('changeEmail.heading')}</h1>
        <p className="govuk-body">{t('changeEmail.current', { email })}</p>
        <p className="govuk-body">{t('changeEmail.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <TextInput
            name="email"
            type="email"
            label={t('changeEmail.newEmail')}
            autoComplete="email"
            spellCheck={false}
            error={errors.email}
            defaultValue={values.email}
          />
          <PasswordInput name="currentPassword" label={t('fields.currentPassword')} autoComplete="current-password" error={errors.currentPassword} />
          <SubmitButton>{t('changeEmail.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
