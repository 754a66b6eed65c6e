import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { clientOf } from '~/auth/session.server';
import { forgotPasswordSchema, requestPasswordReset } from '~/features/identity/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'forgotPassword.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ sent: new URL(request.url).searchParams.get('sent') === '1' });
}

export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const form = validateForm(forgotPasswordSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  const outcome = await requestPasswordReset(form.data.email, clientOf(request));
  if (outcome.kind === 'throttled') return formFailure({ email: 'errors.signInSafety.tooManyRequests' }, values);
  return redirect('/forgot-password?sent=1');
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const { sent } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  if (sent) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t('forgotPassword.sent.heading')}</h1>
          <p className="govuk-body">{t('forgotPassword.sent.body')}</p>
          <p className="govuk-body">{t('forgotPassword.sent.expires')}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t('forgotPassword.heading')}</h1>
        <p className="govuk-body">{t('forgotPassword.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="email" type="email" label={t('fields.email')} autoComplete="email" spellCheck={false} error={errors.email} defaultValue={values.email} />
          <SubmitButton>{t('forgotPassword.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
