import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { FieldErrors } from '~/forms/errors';
import { PasswordInput, type FieldBinding } from '~/ui/govuk/fields';

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
        <PasswordInput name="currentPassword" label={t('fields.currentPassword')} autoComplete="current-password" error={errors.currentPassword} binding={bind?.('currentPassword')} />
      ) : null}
      <PasswordInput name="password" label={t('fields.newPassword')} hint={t('register.passwordHint')} autoComplete="new-password" error={errors.password} binding={bind?.('password')} />
      <PasswordInput name="confirmPassword" label={t('fields.confirmPassword')} autoComplete="new-password" error={errors.confirmPassword} binding={bind?.('confirmPassword')} />
    </>
  );
}
