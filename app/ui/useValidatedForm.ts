import { useSubmit } from '@remix-run/react';
import { useEffect, useRef, type FormEvent } from 'react';
import { useForm, type FieldErrors as HookFormErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { fieldErrorsFrom, type FieldErrors } from '~/forms/errors';

/**
 * Progressive enhancement for a form whose schema is shared with its action: with JavaScript,
 * react-hook-form runs the same schema before anything is sent, and shows problems the GOV.UK way
 * (error summary, messages by the fields, "Error: " in the title). Without JavaScript the form
 * posts as usual and the action answers with the same messages. The server's answer always wins:
 * render the form in a component keyed by `useFormResult().formKey`.
 */
type Schema = {
  safeParse(input: unknown): { success: true; data: Record<string, string> } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

export function useValidatedForm({
  schema,
  toAnswers,
  serverErrors,
  skipValidation,
}: {
  schema: Schema;
  toAnswers: (raw: Record<string, unknown>) => Record<string, string>;
  serverErrors: FieldErrors;
  /** Buttons that send without checking (e.g. "save and come back later"). */
  skipValidation?: (button: HTMLButtonElement) => boolean;
}) {
  const resolver: Resolver<Record<string, unknown>> = async (raw) => {
    const result = schema.safeParse(toAnswers(raw));
    if (result.success) return { values: result.data, errors: {} };
    const errors: HookFormErrors<Record<string, unknown>> = {};
    for (const [field, key] of Object.entries(fieldErrorsFrom(result.error))) errors[field] = { type: 'schema', message: key };
    return { values: {}, errors };
  };
  const form = useForm<Record<string, unknown>>({ resolver, mode: 'onSubmit', reValidateMode: 'onSubmit', shouldFocusError: false });
  const submit = useSubmit();

  const clientErrors: FieldErrors = {};
  for (const [field, error] of Object.entries(form.formState.errors)) {
    if (typeof error?.message === 'string') clientErrors[field] = error.message;
  }
  const errors = Object.keys(clientErrors).length > 0 ? clientErrors : serverErrors;
  useErrorTitle(Object.keys(clientErrors).length > 0);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const button = (event.nativeEvent as SubmitEvent).submitter;
    if (button instanceof HTMLButtonElement && skipValidation?.(button)) return;
    void form.handleSubmit(() => submit(button instanceof HTMLButtonElement ? button : event.currentTarget))(event);
  };
  return { errors, bind: (name: string) => form.register(name), onSubmit };
}

/** The page title says "Error: " while the browser is showing problems found before sending. */
function useErrorTitle(hasErrors: boolean) {
  const { t } = useTranslation();
  const original = useRef<string | null>(null);
  useEffect(() => {
    if (hasErrors && original.current === null) {
      original.current = document.title;
      document.title = t('layout.errorTitle', { title: document.title });
    } else if (!hasErrors && original.current !== null) {
      document.title = original.current;
      original.current = null;
    }
  }, [hasErrors, t]);
}
