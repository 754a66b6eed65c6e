import { Link, useNavigation } from '@remix-run/react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Small GOV.UK content components. Every text they show is passed in, already translated. */

export function SubmitButton({ children, variant, name, value }: { children: ReactNode; variant?: 'secondary' | 'warning'; name?: string; value?: string }) {
  // With JavaScript, a second click while the first submit is in flight does nothing; without
  // it, the action itself is idempotent.
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  return (
    <button
      type="submit"
      className={`govuk-button${variant ? ` govuk-button--${variant}` : ''}`}
      data-module="govuk-button"
      name={name}
      value={value}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      {children}
    </button>
  );
}

export function ButtonLink({ to, children, variant, start }: { to: string; children: ReactNode; variant?: 'secondary'; start?: boolean }) {
  return (
    <Link to={to} role="button" draggable={false} className={`govuk-button${variant ? ` govuk-button--${variant}` : ''}${start ? ' govuk-button--start' : ''}`} data-module="govuk-button">
      {children}
      {start ? (
        <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
        </svg>
      ) : null}
    </Link>
  );
}

/**
 * A value that reads left to right whatever the page's direction: a case reference, an email
 * address, a telephone number. `<bdi dir="ltr">` isolates it, so inside Urdu or Arabic text
 * "EHCP-2026-0042" and "name@example.com" keep their order and do not reorder their neighbours
 * (docs/decisions/0040-right-to-left-and-fonts.md). Harmless in left-to-right pages.
 */
export function Ltr({ children }: { children: ReactNode }) {
  return <bdi dir="ltr">{children}</bdi>;
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

export function Panel({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="govuk-panel govuk-panel--confirmation">
      <h1 className="govuk-panel__title">{title}</h1>
      {children ? <div className="govuk-panel__body">{children}</div> : null}
    </div>
  );
}

export function NotificationBanner({ title, children, success }: { title: ReactNode; children: ReactNode; success?: boolean }) {
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={success ? 'alert' : 'region'}
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

export type SummaryRow = { key: ReactNode; value: ReactNode; action?: { to: string; text: ReactNode; hiddenText: ReactNode } };

export function SummaryList({ rows }: { rows: readonly SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row, i) => (
        <div className="govuk-summary-list__row" key={i}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.action.to}>
                {row.action.text}
                <span className="govuk-visually-hidden"> {row.action.hiddenText}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/**
 * A GOV.UK table inside a region that scrolls sideways when the table is wider than the screen
 * (a caseload on a phone), so the page itself never does; the region can take focus, so a
 * keyboard user can scroll it too.
 */
export function Table({ caption, head, rows }: { caption: ReactNode; head: readonly ReactNode[]; rows: readonly (readonly ReactNode[])[] }) {
  const captionId = useId();
  return (
    <div className="app-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m" id={captionId}>
          {caption}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {head.map((h, i) => (
              <th scope="col" className="govuk-table__header" key={i}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((row, r) => (
            <tr className="govuk-table__row" key={r}>
              {row.map((cell, c) =>
                c === 0 ? (
                  <th scope="row" className="govuk-table__header" key={c}>
                    {cell}
                  </th>
                ) : (
                  <td className="govuk-table__cell" key={c}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ colour, children }: { colour?: TagColour; children: ReactNode }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

export function InsetText({ children }: { children: ReactNode }) {
  return <div className="govuk-inset-text">{children}</div>;
}

export function WarningText({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{t('common.warning')}</span>
        {children}
      </strong>
    </div>
  );
}
