import { Form } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton } from '~/ui/govuk/content';
import { PasswordFields, passwordFieldOrder, type PasswordFormProps } from './PasswordFields';

export type { PasswordFormKind, PasswordFormProps } from './PasswordFields';

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
