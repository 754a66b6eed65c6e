import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './ErrorSummary';

/** GOV.UK form fields. Labels, hints and errors arrive translated; errors as translation keys. */

function ErrorMessage({ id, errorKey }: { id: string; errorKey?: string }) {
  const { t } = useTranslation();
  if (!errorKey) return null;
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(errorKey)}
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]) {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

type LabelProps = { label: ReactNode; isPageHeading?: boolean; htmlFor: string };

function Label({ label, isPageHeading, htmlFor }: LabelProps) {
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={htmlFor}>
          {label}
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label govuk-label--s" htmlFor={htmlFor}>
      {label}
    </label>
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
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'spellCheck' | 'inputMode' | 'autoCapitalize'>;

export function TextInput({ name, label, hint, error, defaultValue, isPageHeading, widthClass, type = 'text', ...rest }: TextInputProps) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label label={label} isPageHeading={isPageHeading} htmlFor={id} />
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} errorKey={error} />
      <input
        className={`govuk-input${widthClass ? ` ${widthClass}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        {...rest}
      />
    </div>
  );
}

type TextareaProps = { name: string; label: ReactNode; hint?: ReactNode; error?: string; defaultValue?: string; rows?: number; isPageHeading?: boolean };

export function Textarea({ name, label, hint, error, defaultValue, rows = 5, isPageHeading }: TextareaProps) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label label={label} isPageHeading={isPageHeading} htmlFor={id} />
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} errorKey={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      />
    </div>
  );
}

export type Choice = { value: string; label: ReactNode; hint?: ReactNode };

type RadiosProps = {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice[];
  defaultValue?: string;
  isPageHeading?: boolean;
  inline?: boolean;
};

export function Radios({ name, legend, hint, error, choices, defaultValue, isPageHeading, inline }: RadiosProps) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}>
        <legend className={`govuk-fieldset__legend ${isPageHeading ? 'govuk-fieldset__legend--l' : 'govuk-fieldset__legend--s'}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} errorKey={error} />
        <div className={`govuk-radios${inline ? ' govuk-radios--inline' : ''}`} data-module="govuk-radios">
          {choices.map((choice, i) => {
            // The first radio carries the field's id so the error summary link lands on it.
            const inputId = i === 0 ? id : `${id}-${fieldId(choice.value)}`;
            return (
              <div className="govuk-radios__item" key={choice.value}>
                <input
                  className="govuk-radios__input"
                  id={inputId}
                  name={name}
                  type="radio"
                  value={choice.value}
                  defaultChecked={defaultValue === choice.value}
                  aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
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
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

type SelectProps = { name: string; id?: string; label: ReactNode; hint?: ReactNode; error?: string; choices: readonly Choice[]; defaultValue?: string; emptyLabel?: string };

/** `id` is needed only when one page repeats the same field (e.g. one per case in a queue). */
export function Select({ name, id: idOverride, label, hint, error, choices, defaultValue, emptyLabel }: SelectProps) {
  const id = idOverride ?? fieldId(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <Label label={label} htmlFor={id} />
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      <ErrorMessage id={`${id}-error`} errorKey={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
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
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} errorKey={error} />
        <div className="govuk-date-input" id={id}>
          {parts.map(({ part, label, width }, i) => {
            // The day field carries the group's id target so the error summary lands on it.
            const inputId = i === 0 ? `${id}-day` : `${id}-${part}`;
            return (
              <div className="govuk-date-input__item" key={part}>
                <div className="govuk-form-group">
                  <label className="govuk-label govuk-date-input__label" htmlFor={inputId}>
                    {label}
                  </label>
                  <input
                    className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
                    id={inputId}
                    name={`${name}-${part}`}
                    type="text"
                    inputMode="numeric"
                    defaultValue={values[part]}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

type CheckboxesProps = { name: string; legend: ReactNode; hint?: ReactNode; error?: string; choices: readonly Choice[]; checked: readonly string[] };

/** GOV.UK checkboxes; the posted values arrive joined with commas (app/forms/form.server.ts). */
export function Checkboxes({ name, legend, hint, error, choices, checked }: CheckboxesProps) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        <ErrorMessage id={`${id}-error`} errorKey={error} />
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          {choices.map((choice, i) => {
            const inputId = i === 0 ? id : `${id}-${fieldId(choice.value)}`;
            return (
              <div className="govuk-checkboxes__item" key={choice.value}>
                <input className="govuk-checkboxes__input" id={inputId} name={name} type="checkbox" value={choice.value} defaultChecked={checked.includes(choice.value)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId}>
                  {choice.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
