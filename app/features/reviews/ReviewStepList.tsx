import { useTranslation } from 'react-i18next';
import type { ReviewStep } from '~/domain/annual-review';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { Tag, type TagColour } from '~/ui/govuk/content';
import { reviewBreachKeys, reviewStateKeys, reviewStepKeys, stepOwnerKeys } from './review-labels';

const stateColours: Record<ReviewStep['state'], TagColour> = {
  done: 'green',
  done_late: 'orange',
  due: 'blue',
  overdue: 'red',
  not_yet: 'grey',
  not_applicable: 'grey',
  open: 'blue',
  closed: 'grey',
};

/**
 * The review's steps in order, each with its date in plain words: done on (or late on) a day, due
 * by a day, missed (was due by a day), the family's window open until or closed on a day, not yet
 * or not needed. The missed time limits are said under the step.
 */
export function ReviewStepList({ steps }: { steps: readonly ReviewStep[]; today: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : '');
  return (
    <ol className="app-task-list govuk-list">
      {steps.map((step) => (
        <li key={step.key} className="govuk-!-margin-bottom-4">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {t(reviewStepKeys[step.key])} <Tag colour={stateColours[step.state]}>{t(reviewStateKeys[step.state], { date: date(step.doneOn ?? step.dueBy), dueBy: date(step.dueBy) })}</Tag>
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">{t(stepOwnerKeys[step.key])}</p>
          {step.breaches.map((breach) => (
            <p key={breach} className="govuk-body-s govuk-!-font-weight-bold">
              {t(reviewBreachKeys[breach])}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
