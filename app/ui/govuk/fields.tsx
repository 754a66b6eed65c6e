import { Fragment, useEffect, useRef, useState, type ChangeEventHandler, type FocusEventHandler, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './ErrorSummary';

/**
 * GOV.UK form fields. Labels and hints arrive translated; errors arrive as translation keys.
 * Every field is one of two shapes: a single control with a label (LabelledGroup) or a group
 * of controls in a fieldset with a legend (FieldsetGroup); both carry the hint and the error.
 */

function ErrorMessage({ id, errorKey }: { id: string; errorKey?: string }) {
  const { t } = useTranslation();
  if (!errorKey) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(errorKey)}
    </p>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <div id={`${id}-hint`} className="govuk-hint">
      {hint}
    </div>
  ) : null;
}

/**
 * What a browser-side form library (react-hook-form's `register`) attaches to a control. Fields
 * stay plain HTML without it, so every form works without JavaScript.
 */
export type FieldBinding = {
  ref?: (instance: HTMLElement | null) => void;
  onChange?: ChangeEventHandler<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>;
  onBlur?: FocusEventHandler<HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement>;
};

type GroupProps = { id: string; hint?: ReactNode; error?: string; children: ReactNode };

function LabelledGroup({ id, label, isPageHeading, hint, error, groupClass, children }: GroupProps & { label: ReactNode; isPageHeading?: boolean; groupClass?: string }) {
  const labelElement = (
    <label className={`govuk-label ${isPageHeading ? 'govuk-label--l' : 'govuk-label--s'}`} htmlFor={id}>
      {label}
    </label>
  );
  return (
    <div className={`govuk-form-group${groupClass ? ` ${groupClass}` : ''}${error ? ' govuk-form-group--error' : ''}`}>
      {isPageHeading ? <h1 className="govuk-label-wrapper">{labelElement}</h1> : labelElement}
      <Hint id={id} hint={hint} />
      <ErrorMessage id={`${id}-error`} errorKey={error} />
      {children}
    </div>
  );
}

function FieldsetGroup({ id, legend, isPageHeading, hint, error, role, children }: GroupProps & { legend: ReactNode; isPageHeading?: boolean; role?: 'group' }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role={role} aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${isPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--s'}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={`${id}-error`} errorKey={error} />
        {children}
      </fieldset>
    </div>
  );
}

type TextInputProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  isPageHeading?: boolean;
  widthClass?: string;
  binding?: FieldBinding;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'spellCheck' | 'inputMode' | 'autoCapitalize'>;

export function TextInput({ name, label, hint, error, defaultValue, isPageHeading, widthClass, type = 'text', binding, ...rest }: TextInputProps) {
  const id = fieldId(name);
  return (
    <LabelledGroup id={id} label={label} isPageHeading={isPageHeading} hint={hint} error={error}>
      <input
        className={`govuk-input${widthClass ? ` ${widthClass}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
        {...binding}
      />
    </LabelledGroup>
  );
}

/** Both the browser-side form library's ref (if any) and the field's own. */
function useBoundRef<T extends HTMLElement>(binding?: FieldBinding) {
  const own = useRef<T | null>(null);
  const ref = (instance: T | null) => {
    own.current = instance;
    binding?.ref?.(instance);
  };
  return [own, ref] as const;
}

/**
 * GOV.UK's password input: a plain password field without JavaScript; once the page is
 * interactive a "Show" button reveals what was typed. The field is hidden again before the form
 * is sent, so the browser never keeps the password as ordinary text.
 */
export function PasswordInput({ name, label, hint, error, defaultValue, isPageHeading, widthClass, binding, ...rest }: Omit<TextInputProps, 'type'>) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const [enhanced, setEnhanced] = useState(false);
  const [shown, setShown] = useState(false);
  const [own, ref] = useBoundRef<HTMLInputElement>(binding);
  useEffect(() => {
    setEnhanced(true);
    const form = own.current?.form;
    const hide = () => setShown(false);
    form?.addEventListener('submit', hide);
    return () => form?.removeEventListener('submit', hide);
  }, [own]);
  return (
    <LabelledGroup id={id} label={label} isPageHeading={isPageHeading} hint={hint} error={error} groupClass="govuk-password-input">
      <div className="govuk-input__wrapper govuk-password-input__wrapper">
        <input
          className={`govuk-input govuk-password-input__input${widthClass ? ` ${widthClass}` : ''}${error ? ' govuk-input--error' : ''}`}
          id={id}
          name={name}
          type={shown ? 'text' : 'password'}
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={defaultValue}
          aria-describedby={describedBy(id, hint, error)}
          {...rest}
          {...binding}
          ref={ref}
        />
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-password-input__toggle"
          aria-controls={id}
          hidden={!enhanced}
          onClick={() => setShown(!shown)}
        >
          {/* Named "Show password" as GOV.UK's is, in text rather than aria-label, so the button is never taken for the field's label. */}
          <span aria-hidden="true">{t(shown ? 'passwordInput.hide' : 'passwordInput.show')}</span>
          <span className="govuk-visually-hidden">{t(shown ? 'passwordInput.hideLabel' : 'passwordInput.showLabel')}</span>
        </button>
      </div>
      <div className="govuk-password-input__sr-status govuk-visually-hidden" aria-live="polite">
        {enhanced ? t(shown ? 'passwordInput.shown' : 'passwordInput.hidden') : ''}
      </div>
    </LabelledGroup>
  );
}

type TextareaProps = { name: string; label: ReactNode; hint?: ReactNode; error?: string; defaultValue?: string; rows?: number; isPageHeading?: boolean; binding?: FieldBinding };

export function Textarea({ name, label, hint, error, defaultValue, rows = 5, isPageHeading, binding }: TextareaProps) {
  const id = fieldId(name);
  return (
    <LabelledGroup id={id} label={label} isPageHeading={isPageHeading} hint={hint} error={error}>
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        {...binding}
      />
    </LabelledGroup>
  );
}

/**
 * GOV.UK's character count: a textarea with its limit. Without JavaScript the limit is a hint and
 * the server refuses longer text; once the page is interactive the hint becomes a live count,
 * read to screen readers when typing pauses (as govuk-frontend does) rather than on every key.
 * There is no hard limit, so pasted text can be seen and cut down.
 */
export function CharacterCount({ name, label, hint, error, defaultValue, rows = 5, isPageHeading, binding, maxLength }: TextareaProps & { maxLength: number }) {
  const { t, i18n } = useTranslation();
  const id = fieldId(name);
  const [length, setLength] = useState<number | null>(null);
  const [spoken, setSpoken] = useState<number | null>(null);
  const [own, ref] = useBoundRef<HTMLTextAreaElement>(binding);
  // Measured once interactive: the browser may have put back text typed before a reload.
  useEffect(() => setLength(own.current?.value.length ?? 0), [own]);
  useEffect(() => {
    if (length === null) return;
    const timer = setTimeout(() => setSpoken(length), 1000);
    return () => clearTimeout(timer);
  }, [length]);
  const status = (used: number) =>
    used > maxLength ? t('characterCount.tooMany', { count: used - maxLength }) : t('characterCount.remaining', { count: maxLength - used });
  const over = length !== null && length > maxLength;
  return (
    <LabelledGroup id={id} label={label} isPageHeading={isPageHeading} hint={hint} error={error} groupClass="govuk-character-count">
      <textarea
        className={`govuk-textarea govuk-js-character-count${error || over ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={[`${id}-info`, describedBy(id, hint, error)].filter(Boolean).join(' ')}
        {...binding}
        onInput={(event) => setLength(event.currentTarget.value.length)}
        ref={ref}
      />
      <div id={`${id}-info`} className={`govuk-hint govuk-character-count__message${length === null ? '' : ' govuk-visually-hidden'}`}>
        {t('characterCount.limit', { max: new Intl.NumberFormat(i18n.language).format(maxLength) })}
      </div>
      {length === null ? null : (
        <>
          <div className={`govuk-character-count__message govuk-character-count__status ${over ? 'govuk-error-message' : 'govuk-hint'}`} aria-hidden="true">
            {status(length)}
          </div>
          <div className="govuk-character-count__sr-status govuk-visually-hidden" aria-live="polite">
            {spoken === null ? '' : status(spoken)}
          </div>
        </>
      )}
    </LabelledGroup>
  );
}

type FileUploadProps = { name: string; label: ReactNode; hint?: ReactNode; error?: string; accept?: string };

/** A file input. Browsers never refill one, so a page shown again after an error asks for the file again. */
export function FileUpload({ name, label, hint, error, accept }: FileUploadProps) {
  const id = fieldId(name);
  return (
    <LabelledGroup id={id} label={label} hint={hint} error={error}>
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={name}
        type="file"
        accept={accept}
        aria-describedby={describedBy(id, hint, error)}
      />
    </LabelledGroup>
  );
}

/** `conditional`: fields revealed under a radio when it is chosen (GOV.UK conditional reveal; always shown without JavaScript). */
export type Choice = { value: string; label: ReactNode; hint?: ReactNode; conditional?: ReactNode };

/** The first option carries the field's own id, so the error summary's link lands on it. */
function optionId(id: string, index: number, value: string) {
  return index === 0 ? id : `${id}-${fieldId(value)}`;
}

type RadiosProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  defaultValue?: string;
  isPageHeading?: boolean;
  inline?: boolean;
  binding?: FieldBinding;
};

export function Radios({ name, legend, hint, error, choices, defaultValue, isPageHeading, inline, binding }: RadiosProps) {
  const id = fieldId(name);
  const [checked, setChecked] = useState(defaultValue);
  // Until the page is hydrated (and for good without JavaScript) every reveal stays open: the server decides what counts.
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  return (
    <FieldsetGroup id={id} legend={legend} isPageHeading={isPageHeading} hint={hint} error={error}>
      <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
        {choices.map((choice, i) => {
          const inputId = optionId(id, i, choice.value);
          const conditionalId = `conditional-${inputId}`;
          return (
            <Fragment key={choice.value}>
              <div className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={inputId}
                  name={name}
                  type="radio"
                  value={choice.value}
                  defaultChecked={defaultValue === choice.value}
                  aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                  aria-controls={choice.conditional ? conditionalId : undefined}
                  {...binding}
                  onChange={(event) => {
                    setChecked(choice.value);
                    binding?.onChange?.(event as Parameters<NonNullable<FieldBinding['onChange']>>[0]);
                  }}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                  {choice.label}
                </label>
                {choice.hint ? (
                  <div id={`${inputId}-hint`} className="govuk-hint govuk-radios__hint">
                    {choice.hint}
                  </div>
                ) : null}
              </div>
              {choice.conditional ? (
                <div className="govuk-radios__conditional" id={conditionalId} hidden={enhanced && checked !== choice.value}>
                  {choice.conditional}
                </div>
              ) : null}
            </Fragment>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

type CheckboxesProps = { name: string; legend: ReactNode; hint?: ReactNode; error?: string; choices: readonly Choice[]; checked: readonly string[]; binding?: FieldBinding };

/** GOV.UK checkboxes; the posted values arrive joined with commas (app/forms/form.server.ts). */
export function Checkboxes({ name, legend, hint, error, choices, checked, binding }: CheckboxesProps) {
  const id = fieldId(name);
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error}>
      <div className="govuk-checkboxes" data-module="govuk-checkboxes">
        {choices.map((choice, i) => {
          const inputId = optionId(id, i, choice.value);
          return (
            <div className="govuk-checkboxes__item" key={choice.value}>
              <input
                className="govuk-checkboxes__input"
                id={inputId}
                name={name}
                type="checkbox"
                value={choice.value}
                defaultChecked={checked.includes(choice.value)}
                {...binding}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
    </FieldsetGroup>
  );
}

type SelectProps = { name: string; id?: string; label: ReactNode; hint?: ReactNode; error?: string; choices: readonly Choice[]; defaultValue?: string; emptyLabel?: string };

/** `id` is needed only when one page repeats the same field (e.g. one per case in a queue). */
export function Select({ name, id: idOverride, label, hint, error, choices, defaultValue, emptyLabel }: SelectProps) {
  const id = idOverride ?? fieldId(name);
  return (
    <LabelledGroup id={id} label={label} hint={hint} error={error}>
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={id} name={name} defaultValue={defaultValue ?? ''} aria-describedby={describedBy(id, hint, error)}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </LabelledGroup>
  );
}

type DateInputProps = { name: string; legend: ReactNode; hint?: ReactNode; error?: string; values: { day: string; month: string; year: string } };

/** GOV.UK date input: three text fields, numeric keyboard on phones, one error for the group. */
export function DateInput({ name, legend, hint, error, values }: DateInputProps) {
  const { t } = useTranslation();
  const id = fieldId(name);
  const parts = [
    { part: 'day', label: t('fields.day'), width: 2 },
    { part: 'month', label: t('fields.month'), width: 2 },
    { part: 'year', label: t('fields.year'), width: 4 },
  ] as const;
  return (
    <FieldsetGroup id={id} legend={legend} hint={hint} error={error} role="group">
      <div className="govuk-date-input" id={id}>
        {parts.map(({ part, label, width }) => (
          <div className="govuk-date-input__item" key={part}>
            <div className="govuk-form-group">
              <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
                {label}
              </label>
              <input
                className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
                id={`${id}-${part}`}
                name={`${name}-${part}`}
                type="text"
                inputMode="numeric"
                defaultValue={values[part]}
              />
            </div>
          </div>
        ))}
      </div>
    </FieldsetGroup>
  );
}
