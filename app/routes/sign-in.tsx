import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import { safeReturnTo } from '~/auth/return-to';
import { secondFactorPage } from '~/auth/second-factor.server';
import { clientOf, invalidateSession, readSessionToken, sessionCookie } from '~/auth/session.server';
import { signIn, signInSchema } from '~/features/identity/index.server';
import { readForm, validateForm, withoutSecrets } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton } from '~/ui/govuk/content';
import { PasswordInput, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'signIn.title' };

const notices = {
  verified: 'signIn.notice.verified',
  reset: 'signIn.notice.reset',
  signedOut: 'signIn.notice.signedOut',
  messageKept: 'signIn.notice.messageKept',
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
  if (await getOptionalUser(request)) throw redirect(returnTo);
  const notice = url.searchParams.get('notice');
  return json({ returnTo, noticeKey: notice && notice in notices ? notices[notice as keyof typeof notices] : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const kept = withoutSecrets(values, ['password']);
  const form = validateForm(signInSchema, values);
  if (!form.ok) return formFailure(form.errors, kept);

  const outcome = await signIn(form.data.email, form.data.password, clientOf(request));
  switch (outcome.kind) {
    case 'invalid':
      return formFailure({ email: 'errors.signIn.invalid' }, kept);
    case 'throttled':
      return formFailure({ email: 'errors.signInSafety.signInThrottled' }, kept);
    case 'unverified':
      return formFailure({ email: 'errors.signIn.unverified' }, kept);
    case 'signed_in': {
      // A new session on every sign-in: a session fixed before sign-in is never promoted.
      const previous = readSessionToken(request);
      if (previous) await invalidateSession(previous);
      const returnTo = safeReturnTo(values.returnTo);
      // With a second factor to come, the new session opens only the two-factor pages (ADR 0015).
      const next = outcome.secondFactor ? secondFactorPage(outcome.user, returnTo) : returnTo;
      return redirect(next, { headers: { 'Set-Cookie': sessionCookie(outcome.token) } });
    }
  }
}

export default function SignIn() {
  const { t } = useTranslation();
  const { returnTo, noticeKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {noticeKey ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(noticeKey)}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['email', 'password']} />
        <h1 className="govuk-heading-l">{t('signIn.heading')}</h1>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="returnTo" value={returnTo} />
          <TextInput name="email" type="email" label={t('fields.email')} autoComplete="email" spellCheck={false} error={errors.email} defaultValue={values.email} />
          <PasswordInput name="password" label={t('fields.password')} autoComplete="current-password" error={errors.password} />
          <SubmitButton>{t('signIn.submit')}</SubmitButton>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to="/forgot-password">
            {t('signIn.forgotPassword')}
          </Link>
        </p>
        <h2 className="govuk-heading-m">{t('signIn.noAccountHeading')}</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/register">
            {t('signIn.register')}
          </Link>
        </p>
      </div>
    </div>
  );
}
