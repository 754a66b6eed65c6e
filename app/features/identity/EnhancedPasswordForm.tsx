import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { changePasswordFieldsSchema, chooseNewPasswordSchema } from '~/forms/password-rule';
import { PasswordFields, passwordFieldOrder, type PasswordFormProps } from './PasswordFields';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton } from '~/ui/govuk/content';
import { useValidatedForm } from '~/ui/useValidatedForm';

const schemas = { choose: chooseNewPasswordSchema, change: changePasswordFieldsSchema };

/**
 * The password form with react-hook-form running the shared password rule before sending.
 * Loaded as its own chunk once the page is interactive (PasswordForm in ChoosePasswordForm.tsx).
 * Whether the password is on the list of common breached passwords only the server can say.
 */
export default function EnhancedPasswordForm({ kind, heading, submit, serverErrors, typed }: PasswordFormProps & { typed: Record<string, string> }) {
  const fields = passwordFieldOrder[kind];
  const { errors, bind, onSubmit } = useValidatedForm({
    schema: schemas[kind],
    toAnswers: (raw) => Object.fromEntries(fields.map((name) => [name, typeof raw[name] === 'string' ? raw[name] : ''])),
    serverErrors,
  });
  // Whatever was typed before this form took over goes back into the fields as if typed again:
  // set through the element's own value setter (never the value attribute, so a password is not
  // written into the page) and announced with an input event, so react-hook-form sees it too.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    for (const name of fields) {
      const input = formRef.current?.elements.namedItem(name);
      if (!(input instanceof HTMLInputElement) || !typed[name] || !setValue) continue;
      setValue.call(input, typed[name]);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }, [fields, typed]);
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={fields} />
      {heading}
      <Form method="post" noValidate onSubmit={onSubmit} ref={formRef} data-validates-in-browser="">
        <PasswordFields kind={kind} errors={errors} bind={bind} />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </>
  );
}
