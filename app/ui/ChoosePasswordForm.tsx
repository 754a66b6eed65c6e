import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormResult } from './form';
import { ErrorSummary } from './govuk/ErrorSummary';
import { SubmitButton } from './govuk/content';
import { TextInput } from './govuk/fields';

/** Shared by password reset and accepting a staff invitation: both set a new password from a link. */
export function ChoosePasswordForm({ token, heading, intro, submit }: { token: string; heading: string; intro: string; submit: string }) {
  const { t } = useTranslation();
  const { errors, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} fieldOrder={['password', 'confirmPassword']} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">{intro}</p>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="token" value={token} />
          <TextInput name="password" type="password" label={t('fields.newPassword')} hint={t('register.passwordHint')} autoComplete="new-password" error={errors.password} />
          <TextInput name="confirmPassword" type="password" label={t('fields.confirmPassword')} autoComplete="new-password" error={errors.confirmPassword} />
          <SubmitButton>{submit}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}

export function LinkExpired({ heading, body }: { heading: string; body: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">{body}</p>
      </div>
    </div>
  );
}
