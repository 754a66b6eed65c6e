import { Form } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '~/forms/errors';
import { useFormResult } from './form';
import { ErrorSummary } from './govuk/ErrorSummary';
import { SubmitButton } from './govuk/content';
import { TextInput, type FieldBinding } from './govuk/fields';

/**
 * Every form where someone chooses a password: a reset link, an invitation ('choose'), and
 * "change your password" ('change', which asks for the current one first). The plain form is the
 * whole page without JavaScript and the action checks it; once the page is interactive the
 * browser-side check (react-hook-form with the shared rule, app/forms/password-rule.ts) loads as
 * its own chunk and takes over from whatever is in the fields (ADR 0009). The server's answer
 * always wins: the form is keyed by it.
 */
export type PasswordFormKind = 'choose' | 'change';

export const passwordFieldOrder: Record<PasswordFormKind, readonly string[]> = {
  choose: ['password', 'confirmPassword'],
  change: ['currentPassword', 'password', 'confirmPassword'],
};

export type PasswordFormProps = { kind: PasswordFormKind; heading: ReactNode; submit: string; serverErrors: FieldErrors };

export function PasswordFields({ kind, errors, bind }: { kind: PasswordFormKind; errors: FieldErrors; bind?: (name: string) => FieldBinding }) {
  const { t } = useTranslation();
  return (
    <>
      {kind === 'change' ? (
        <TextInput name="currentPassword" type="password" label={t('fields.currentPassword')} autoComplete="current-password" error={errors.currentPassword} binding={bind?.('currentPassword')} />
      ) : null}
      <TextInput name="password" type="password" label={t('fields.newPassword')} hint={t('register.passwordHint')} autoComplete="new-password" error={errors.password} binding={bind?.('password')} />
      <TextInput name="confirmPassword" type="password" label={t('fields.confirmPassword')} autoComplete="new-password" error={errors.confirmPassword} binding={bind?.('confirmPassword')} />
    </>
  );
}

type Enhanced = typeof import('./EnhancedPasswordForm').default;

/** `heading` goes below the error summary, as the GOV.UK pattern has it. */
export function PasswordForm(props: PasswordFormProps) {
  const { kind, heading, submit, serverErrors } = props;
  const formRef = useRef<HTMLFormElement>(null);
  const [enhanced, setEnhanced] = useState<{ Form: Enhanced; typed: Record<string, string> } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('./EnhancedPasswordForm').then((module) => {
      if (cancelled) return;
      const typed: Record<string, string> = {};
      for (const [name, value] of formRef.current ? new FormData(formRef.current) : []) if (typeof value === 'string' && value) typed[name] = value;
      setEnhanced({ Form: module.default, typed });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (enhanced) return <enhanced.Form {...props} typed={enhanced.typed} />;
  return (
    <>
      <ErrorSummary errors={serverErrors} fieldOrder={passwordFieldOrder[kind]} />
      {heading}
      <Form method="post" noValidate ref={formRef}>
        <PasswordFields kind={kind} errors={serverErrors} />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </>
  );
}

/** Shared by password reset and accepting an invitation: both set a new password from a link. */
export function ChoosePasswordForm({ heading, intro, submit }: { heading: string; intro: string; submit: string }) {
  const { errors, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <PasswordForm
          key={formKey}
          kind="choose"
          serverErrors={errors}
          submit={submit}
          heading={
            <>
              <h1 className="govuk-heading-l">{heading}</h1>
              <p className="govuk-body">{intro}</p>
            </>
          }
        />
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
