import { Form } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton, WarningText } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

/**
 * The pieces of the second-factor pages (ADR 0015), shared by signing in and the account page.
 * Everything is drawn on the server: the QR code is an inline SVG path, so it needs neither
 * JavaScript nor an image request, and the key is also shown as text for apps that cannot scan.
 */

export type EnrolmentView = { secretGroups: string[]; qr: { size: number; path: string } };

/** A code field as authenticator apps' codes want it: digits keyboard, the browser's one-time-code autofill. */
export function CodeInput({ name, label, hint, error, isPageHeading }: { name: string; label: string; hint?: ReactNode; error?: string; isPageHeading?: boolean }) {
  return (
    <TextInput
      name={name}
      label={label}
      hint={hint}
      error={error}
      isPageHeading={isPageHeading}
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      widthClass="govuk-input--width-10"
    />
  );
}

/** Scan (or type the key), then confirm with the first code: one form, steps as a numbered list. */
export function SetUpAuthenticator({ enrolment, error, hiddenFields, submit }: { enrolment: EnrolmentView; error?: string; hiddenFields?: Record<string, string>; submit: string }) {
  const { t } = useTranslation();
  const { size, path } = enrolment.qr;
  return (
    <>
      <h2 className="govuk-heading-m">{t('twoFactor.setUp.step1.heading')}</h2>
      <p className="govuk-body">{t('twoFactor.setUp.step1.body')}</p>
      <h2 className="govuk-heading-m">{t('twoFactor.setUp.step2.heading')}</h2>
      <p className="govuk-body">{t('twoFactor.setUp.step2.body')}</p>
      <svg
        className="govuk-!-margin-bottom-4"
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${size} ${size}`}
        width="200"
        height="200"
        role="img"
        aria-label={t('twoFactor.setUp.step2.qrLabel')}
        shapeRendering="crispEdges"
      >
        <rect width={size} height={size} fill="#ffffff" />
        <path d={path} fill="#0b0c0c" />
      </svg>
      <p className="govuk-body">{t('twoFactor.setUp.step2.keyIntro')}</p>
      <p className="govuk-body govuk-!-font-size-24 govuk-!-font-weight-bold">
        <code>{enrolment.secretGroups.join(' ')}</code>
      </p>
      <Form method="post" noValidate>
        {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <CodeInput name="code" label={t('twoFactor.setUp.step3.label')} hint={t('twoFactor.setUp.step3.hint')} error={error} />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </>
  );
}

/** The recovery codes, shown once, right after they are made. */
export function RecoveryCodes({ codes, children }: { codes: readonly string[]; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('twoFactor.recoveryCodes.heading')}</h1>
      <p className="govuk-body">{t('twoFactor.recoveryCodes.body')}</p>
      <WarningText>{t('twoFactor.recoveryCodes.warning')}</WarningText>
      <ol className="govuk-list govuk-list--number govuk-!-font-size-24">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      {children}
    </>
  );
}

/** The header has no sign-out button while the second factor is awaited (no one is signed in yet): this is it. */
export function SignOutInstead() {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/sign-out">
      <SubmitButton variant="secondary">{t('twoFactor.signOut')}</SubmitButton>
    </Form>
  );
}
