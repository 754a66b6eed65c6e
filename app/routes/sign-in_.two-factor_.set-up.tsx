import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import { safeReturnTo } from '~/auth/return-to';
import { codeErrorKeys, confirmEnrolment, enrolmentFor, pendingSignIn, secondFactorPage, twoFactorPageHeaders } from '~/auth/second-factor.server';
import { replaceSession, sessionCookie } from '~/auth/session.server';
import { groupedSecret } from '~/domain/totp';
import { readForm, validateForm } from '~/forms/form.server';
import { totpCodeSchema } from '~/features/identity/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { ButtonLink } from '~/ui/govuk/content';
import { RecoveryCodes, SetUpAuthenticator, SignOutInstead } from '~/features/identity';

/**
 * Signing in for the first time as staff or a professional: set up the authenticator app before
 * anything else opens (ADR 0015). Confirming with a first code turns the factor on, replaces
 * the password-only session, and shows the recovery codes once.
 */
/** The loader's no-store headers apply to the page itself, not only to its data requests. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders);

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'twoFactor.setUp.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'));
  const user = await pendingSignIn(request);
  if (user?.mfaEnabledAt) throw redirect(secondFactorPage(user, returnTo));
  if (!user && (await getOptionalUser(request))) throw redirect(returnTo);
  // No session at all: also what this page sees right after enrolment without JavaScript (the
  // page is drawn for the same request, whose session was just replaced), so it says "sign in"
  // rather than redirecting away from the recovery codes.
  const enrolment = user ? await enrolmentFor(user) : null;
  return json(
    { returnTo, enrolment: enrolment ? { secretGroups: groupedSecret(enrolment.secret), qr: enrolment.qr } : null },
    { headers: twoFactorPageHeaders() },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await pendingSignIn(request);
  if (!user) return redirect('/sign-in');
  const values = await readForm(request);
  const returnTo = safeReturnTo(values.returnTo);
  if (user.mfaEnabledAt) return redirect(secondFactorPage(user, returnTo));
  const form = validateForm(totpCodeSchema, values);
  if (!form.ok) return formFailure(form.errors, {});
  const outcome = await confirmEnrolment(request, user, form.data.code);
  if (outcome.kind !== 'ok') return formFailure({ code: codeErrorKeys[outcome.kind] }, {});
  const token = await replaceSession(request, user.id);
  return json({ recoveryCodes: outcome.recoveryCodes ?? [], returnTo }, { headers: { 'Set-Cookie': sessionCookie(token), ...twoFactorPageHeaders() } });
}

/** With JavaScript, the page must not reload its data after enrolment: that would leave the recovery codes unseen. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === 'object' && 'recoveryCodes' in actionResult ? false : defaultShouldRevalidate;

export default function SetUpSecondFactor() {
  const { t } = useTranslation();
  const { returnTo, enrolment } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { errors } = useFormResult();
  if (done && 'recoveryCodes' in done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecoveryCodes codes={done.recoveryCodes}>
            <ButtonLink to={done.returnTo}>{t('twoFactor.continue')}</ButtonLink>
          </RecoveryCodes>
        </div>
      </div>
    );
  }
  if (!enrolment) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">{t('twoFactor.setUp.signedOut.heading')}</h1>
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              {t('twoFactor.setUp.signedOut.link')}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t('twoFactor.setUp.heading')}</h1>
        <p className="govuk-body">{t('twoFactor.setUp.intro')}</p>
        <SetUpAuthenticator enrolment={enrolment} error={errors.code} hiddenFields={{ returnTo }} submit={t('twoFactor.continue')} />
        <SignOutInstead />
      </div>
    </div>
  );
}
