import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '~/forms/errors';

/**
 * GOV.UK error summary: lists every problem, links to its field, and takes focus when it appears
 * so screen reader and keyboard users land on it after a failed submit.
 */
export function ErrorSummary({
  errors,
  fieldOrder,
  valuesFor,
}: {
  errors?: FieldErrors;
  fieldOrder?: readonly string[];
  /** Values for a message that names something (`{{section}}`), per field. */
  valuesFor?: (field: string) => Record<string, string>;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  if (fieldOrder) entries.sort(([a], [b]) => rank(fieldOrder, a) - rank(fieldOrder, b));
  const signature = entries.map(([field, key]) => `${field}:${key}`).join('|');

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (entries.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t('common.errorSummaryTitle')}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {entries.map(([field, key]) => (
              <li key={field}>
                <a href={`#${fieldId(field)}`}>{t(key, valuesFor?.(field))}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

function rank(order: readonly string[], field: string) {
  const i = order.indexOf(field);
  return i === -1 ? order.length : i;
}

/** The id of a field's input: the error summary links to it. */
export function fieldId(name: string) {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}
