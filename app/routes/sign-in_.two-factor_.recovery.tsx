import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import { safeReturnTo } from '~/auth/return-to';
import { pendingSignIn, secondFactorPage, useRecoveryCode, twoFactorPageHeaders } from '~/auth/second-factor.server';
import { replaceSession, sessionCookie } from '~/auth/session.server';
import { readForm, validateForm } from '~/forms/form.server';
import { recoveryCodeSchema } from '~/features/identity/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';
import { SignOutInstead } from '~/features/identity';

/** Signing in with one of the recovery codes instead of the app (each works once). */
/** The loader's no-store headers apply to the page itself, not only to its data requests. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders);

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'twoFactor.recovery.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo'));
  const user = await pendingSignIn(request);
  if (!user) throw redirect((await getOptionalUser(request)) ? returnTo : '/sign-in');
  if (!user.mfaEnabledAt) throw redirect(secondFactorPage(user, returnTo));
  return json({ returnTo, appPage: secondFactorPage(user, returnTo) }, { headers: twoFactorPageHeaders() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await pendingSignIn(request);
  if (!user) return redirect('/sign-in');
  const values = await readForm(request);
  const form = validateForm(recoveryCodeSchema, values);
  if (!form.ok) return formFailure(form.errors, {});
  const outcome = await useRecoveryCode(request, user, form.data.recoveryCode);
  if (outcome.kind === 'throttled') return formFailure({ recoveryCode: 'errors.twoFactor.throttled' }, {});
  if (outcome.kind !== 'ok') return formFailure({ recoveryCode: 'errors.twoFactor.recoveryCode.wrong' }, {});
  const token = await replaceSession(request, user.id);
  return redirect(safeReturnTo(values.returnTo), { headers: { 'Set-Cookie': sessionCookie(token) } });
}

export default function RecoveryCode() {
  const { t } = useTranslation();
  const { returnTo, appPage } = useLoaderData<typeof loader>();
  const { errors, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="returnTo" value={returnTo} />
          <TextInput
            name="recoveryCode"
            label={t('twoFactor.recovery.label')}
            hint={t('twoFactor.recovery.hint')}
            error={errors.recoveryCode}
            isPageHeading
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            widthClass="govuk-input--width-10"
          />
          <SubmitButton>{t('twoFactor.continue')}</SubmitButton>
        </Form>
        <p className="govuk-body">{t('twoFactor.recovery.noCodes')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={appPage}>
            {t('twoFactor.recovery.useApp')}
          </Link>
        </p>
        <SignOutInstead />
      </div>
    </div>
  );
}
