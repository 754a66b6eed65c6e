import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import { safeReturnTo } from '~/auth/return-to';
import { codeErrorKeys, pendingSignIn, SECOND_FACTOR_PATHS, secondFactorPage, verifyTotp, twoFactorPageHeaders } from '~/auth/second-factor.server';
import { replaceSession, sessionCookie } from '~/auth/session.server';
import { readForm, validateForm } from '~/forms/form.server';
import { totpCodeSchema } from '~/features/identity/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton } from '~/ui/govuk/content';
import { CodeInput, SignOutInstead } from '~/features/identity';

/** Signing in, second step: the code from the authenticator app (ADR 0015). */
/** The loader's no-store headers apply to the page itself, not only to its data requests. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders);

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'twoFactor.code.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'));
  const user = await pendingSignIn(request);
  if (!user) throw redirect((await getOptionalUser(request)) ? returnTo : '/sign-in');
  if (!user.mfaEnabledAt) throw redirect(secondFactorPage(user, returnTo));
  const recovery = returnTo === '/' ? SECOND_FACTOR_PATHS.recovery : `${SECOND_FACTOR_PATHS.recovery}?returnTo=${encodeURIComponent(returnTo)}`;
  return json({ returnTo, recovery }, { headers: twoFactorPageHeaders() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await pendingSignIn(request);
  if (!user) return redirect('/sign-in');
  const values = await readForm(request);
  const form = validateForm(totpCodeSchema, values);
  if (!form.ok) return formFailure(form.errors, {});
  const outcome = await verifyTotp(request, user, form.data.code);
  if (outcome.kind !== 'ok') return formFailure({ code: codeErrorKeys[outcome.kind] }, {});
  // The password-only session ends here; a new one opens the portal.
  const token = await replaceSession(request, user.id);
  return redirect(safeReturnTo(values.returnTo), { headers: { 'Set-Cookie': sessionCookie(token) } });
}

export default function TwoFactorCode() {
  const { t } = useTranslation();
  const { returnTo, recovery } = useLoaderData<typeof loader>();
  const { errors, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="returnTo" value={returnTo} />
          <CodeInput name="code" label={t('twoFactor.code.label')} hint={t('twoFactor.code.hint')} error={errors.code} isPageHeading />
          <SubmitButton>{t('twoFactor.continue')}</SubmitButton>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to={recovery}>
            {t('twoFactor.code.useRecoveryCode')}
          </Link>
        </p>
        <SignOutInstead />
      </div>
    </div>
  );
}
