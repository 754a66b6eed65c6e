import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import { clientOf } from '~/auth/session.server';
import { registeredEmailOf, resendSchema, resendVerification } from '~/features/identity/index.server';
import { validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'register.checkEmail.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getOptionalUser(request)) throw redirect('/');
  return json({ email: registeredEmailOf(request) });
}

/** "Send the email again": to the address this browser registered, never one sent with the form. */
export async function action({ request }: ActionFunctionArgs) {
  const form = validateForm(resendSchema, { email: registeredEmailOf(request) ?? '' });
  if (!form.ok) return redirect('/register');
  const outcome = await resendVerification(form.data.email, clientOf(request));
  if (outcome.kind === 'throttled') return formFailure({ resend: 'errors.signInSafety.tooManyRequests' }, {});
  return redirect('/register/check-email?resent=1');
}

export default function CheckEmail() {
  const { t } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  const { errors, formKey } = useFormResult();
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {params.get('resent') && !errors.resend ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{email ? t('register.checkEmail.resentTo', { email }) : t('register.checkEmail.resent')}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t('register.checkEmail.heading')}</h1>
        <p className="govuk-body">{email ? t('register.checkEmail.sentTo', { email }) : t('register.checkEmail.sent')}</p>
        <p className="govuk-body">{t('register.checkEmail.expires')}</p>
        <p className="govuk-body">{t('register.checkEmail.notArrived')}</p>
        {email ? (
          <Form method="post" noValidate key={formKey} id="resend">
            <SubmitButton variant="secondary">
              {t('register.checkEmail.resend')}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
