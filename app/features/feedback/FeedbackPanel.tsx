import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { OfferedStep } from '~/domain/feedback';
import { askKeys } from './feedback-labels';

/**
 * "Tell us how we did" on the family's case page (ADR 0052): a link for each key step whose
 * survey is open and unanswered, and the any-time survey below while it is unanswered.
 */
export function FeedbackPanel({ caseId, open, anyTimeOpen }: { caseId: string; open: readonly OfferedStep[]; anyTimeOpen: boolean }) {
  const { t } = useTranslation();
  if (open.length === 0 && !anyTimeOpen) return null;
  return (
    <div className="govuk-inset-text app-no-print" data-testid="feedback-panel">
      <h2 className="govuk-heading-s">{t('feedback.panel.title')}</h2>
      {open.length > 0 ? (
        <>
          <p className="govuk-body">{t('feedback.panel.intro')}</p>
          <ul className="govuk-list">
            {open.map((step) => (
              <li key={step}>
                <Link className="govuk-link" to={`/cases/${caseId}/feedback/${step}`}>
                  {t(askKeys[step])}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {anyTimeOpen ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/feedback/any_time`}>
            {t('feedback.panel.anyTime')}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
