import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import {
  codeErrorKeys,
  confirmEnrolment,
  enrolmentFor,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  secondFactorRequired,
  turnOffSecondFactor,
  twoFactorPageHeaders,
} from '~/auth/second-factor.server';
import { invalidateOtherSessions, readSessionToken } from '~/auth/session.server';
import { groupedSecret } from '~/domain/totp';
import { readForm, validateForm } from '~/forms/form.server';
import { newRecoveryCodesSchema, totpCodeSchema, turnOffSchema } from '~/features/identity/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, ButtonLink, NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { CodeInput, RecoveryCodes, SetUpAuthenticator } from '~/features/identity';

/**
 * The account's authenticator app (ADR 0015): families and advisers may turn it on (and off
 * again); everyone who has it can get new recovery codes. Each change needs a code from the app.
 */
/** The loader's no-store headers apply to the page itself, not only to its data requests. */
export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => (actionHeaders.has('Cache-Control') ? actionHeaders : loaderHeaders);

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'twoFactor.account.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const enrolment = await enrolmentFor(user);
  return json(
    {
      on: Boolean(user.mfaEnabledAt),
      required: secondFactorRequired(user),
      codesLeft: user.mfaEnabledAt ? await recoveryCodesLeft(user.id) : 0,
      enrolment: enrolment ? { secretGroups: groupedSecret(enrolment.secret), qr: enrolment.qr } : null,
    },
    { headers: twoFactorPageHeaders() },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  switch (values.intent) {
    case 'turn-on': {
      const form = validateForm(totpCodeSchema, values);
      if (!form.ok) return formFailure(form.errors, {});
      const outcome = await confirmEnrolment(request, user, form.data.code);
      if (outcome.kind !== 'ok') return formFailure({ code: codeErrorKeys[outcome.kind] }, {});
      // Sessions elsewhere were opened with the password alone: they end now.
      const token = readSessionToken(request);
      if (token) await invalidateOtherSessions(user.id, token);
      return json({ recoveryCodes: outcome.recoveryCodes ?? [] }, { headers: twoFactorPageHeaders() });
    }
    case 'new-codes': {
      const form = validateForm(newRecoveryCodesSchema, values);
      if (!form.ok) return formFailure(form.errors, {});
      const outcome = await replaceRecoveryCodes(request, user, form.data.newCodesCode);
      if (outcome.kind !== 'ok') return formFailure({ newCodesCode: codeErrorKeys[outcome.kind] }, {});
      return json({ recoveryCodes: outcome.recoveryCodes ?? [] }, { headers: twoFactorPageHeaders() });
    }
    case 'turn-off': {
      if (secondFactorRequired(user)) return redirect('/account/two-factor');
      const form = validateForm(turnOffSchema, values);
      if (!form.ok) return formFailure(form.errors, {});
      const outcome = await turnOffSecondFactor(request, user, form.data.turnOffCode);
      if (outcome.kind !== 'ok') return formFailure({ turnOffCode: codeErrorKeys[outcome.kind] }, {});
      return redirect('/account/two-factor?notice=off');
    }
    default:
      return redirect('/account/two-factor');
  }
}

export default function AccountTwoFactor() {
  const { t } = useTranslation();
  const { on, required, codesLeft, enrolment } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const { errors, formKey } = useFormResult();
  const [params] = useSearchParams();
  if (done && 'recoveryCodes' in done) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <RecoveryCodes codes={done.recoveryCodes}>
            <ButtonLink to="/account">{t('twoFactor.account.backToAccount')}</ButtonLink>
          </RecoveryCodes>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">{t('twoFactor.account.backToAccount')}</BackLink>
        {params.get('notice') === 'off' && !on ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('twoFactor.account.turnedOff')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t('twoFactor.account.heading')}</h1>
        {on ? (
          <>
            <SummaryList
              rows={[
                { key: t('twoFactor.account.status'), value: t('twoFactor.account.on') },
                { key: t('twoFactor.account.codesLeft'), value: String(codesLeft) },
              ]}
            />
            <h2 className="govuk-heading-m">{t('twoFactor.account.newCodes.heading')}</h2>
            <p className="govuk-body">{t('twoFactor.account.newCodes.body')}</p>
            <Form method="post" noValidate key={`new-${formKey}`}>
              <input type="hidden" name="intent" value="new-codes" />
              <CodeInput name="newCodesCode" label={t('twoFactor.account.codeLabel')} error={errors.newCodesCode} />
              <SubmitButton variant="secondary">{t('twoFactor.account.newCodes.submit')}</SubmitButton>
            </Form>
            {required ? (
              <p className="govuk-body">{t('twoFactor.account.required')}</p>
            ) : (
              <>
                <h2 className="govuk-heading-m">{t('twoFactor.account.turnOff.heading')}</h2>
                <p className="govuk-body">{t('twoFactor.account.turnOff.body')}</p>
                <Form method="post" noValidate key={`off-${formKey}`}>
                  <input type="hidden" name="intent" value="turn-off" />
                  <CodeInput name="turnOffCode" label={t('twoFactor.account.codeLabel')} error={errors.turnOffCode} />
                  <SubmitButton variant="warning">{t('twoFactor.account.turnOff.submit')}</SubmitButton>
                </Form>
              </>
            )}
          </>
        ) : enrolment ? (
          <>
            <p className="govuk-body">{t('twoFactor.account.offIntro')}</p>
            <SetUpAuthenticator enrolment={enrolment} error={errors.code} hiddenFields={{ intent: 'turn-on' }} submit={t('twoFactor.account.turnOn')} />
          </>
        ) : null}
      </div>
    </div>
  );
}
