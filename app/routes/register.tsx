import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import { clientOf } from '~/auth/session.server';
import { checkEmailCookie, registerFamily, registerSchema } from '~/features/identity/index.server';
import { secureCookies } from '~/env.server';
import { readForm, validateForm, withoutSecrets } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import { resolveLocale } from '~/i18n/i18n.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton } from '~/ui/govuk/content';
import { PasswordInput, Radios, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'register.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect('/');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const form = validateForm(registerSchema, values);
  const kept = withoutSecrets(values, ['password', 'confirmPassword']);
  if (!form.ok) return formFailure(form.errors, kept);
  // The same page whether or not the address already had an account (ADR 0016).
  const outcome = await registerFamily(form.data, resolveLocale(request), clientOf(request));
  if (outcome.kind === 'throttled') return formFailure({ email: 'errors.signInSafety.tooManyRequests' }, kept);
  return redirect('/register/check-email', { headers: { 'Set-Cookie': checkEmailCookie(form.data.email, secureCookies()) } });
}

const fieldOrder = ['name', 'email', 'accountType', 'password', 'confirmPassword'];

export default function Register() {
  const { t } = useTranslation();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} fieldOrder={fieldOrder} />
        <h1 className="govuk-heading-l">{t('register.heading')}</h1>
        <p className="govuk-body">{t('register.intro')}</p>
        <h2 className="govuk-heading-m">{t('register.privacy.heading')}</h2>
        <p className="govuk-body">{t('register.privacy.body')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/privacy">
            {t('register.privacy.link')}
          </Link>
        </p>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="name" label={t('fields.fullName')} autoComplete="name" spellCheck={false} error={errors.name} defaultValue={values.name} />
          <TextInput
            name="email"
            type="email"
            label={t('fields.email')}
            hint={t('register.emailHint')}
            autoComplete="email"
            spellCheck={false}
            error={errors.email}
            defaultValue={values.email}
          />
          <Radios
            name="accountType"
            legend={t('register.accountType.legend')}
            error={errors.accountType}
            defaultValue={values.accountType}
            choices={[
              { value: 'parent', label: t('register.accountType.parent'), hint: t('register.accountType.parentHint') },
              { value: 'young_person', label: t('register.accountType.youngPerson'), hint: t('register.accountType.youngPersonHint') },
            ]}
          />
          <PasswordInput name="password" label={t('fields.newPassword')} hint={t('register.passwordHint')} autoComplete="new-password" error={errors.password} />
          <PasswordInput name="confirmPassword" label={t('fields.confirmPassword')} autoComplete="new-password" error={errors.confirmPassword} />
          <SubmitButton>{t('register.submit')}</SubmitButton>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            {t('register.haveAccount')}
          </Link>
        </p>
      </div>
    </div>
  );
}
