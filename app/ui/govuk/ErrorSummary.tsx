import { useEffect, useRef, type MouseEvent } from 'react';
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
                <a href={`#${fieldId(field)}`} onClick={moveToField}>
                  {t(key, valuesFor?.(field))}
                </a>
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

/**
 * With JavaScript, following a link in the summary moves focus to the field (its label or legend
 * scrolled into view, as GOV.UK Frontend does) without changing the address: a client-side
 * navigation, even to a #hash, would drop the server's answer and redraw the form, losing the
 * errors and everything typed since. Without JavaScript the plain #link does the same job.
 */
function moveToField(event: MouseEvent<HTMLAnchorElement>) {
  const id = event.currentTarget.hash.slice(1);
  const field = id ? document.getElementById(id) : null;
  if (!field) return;
  event.preventDefault();
  const caption = field.closest('fieldset')?.querySelector('legend') ?? document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? field;
  caption.scrollIntoView();
  field.focus({ preventScroll: true });
}

/** The id of a field's input: the error summary links to it. */
export function fieldId(name: string) {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}
