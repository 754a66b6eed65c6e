import { useTranslation } from 'react-i18next';
import type { PlanSection } from '../../db/schema';
import { planSectionKeys } from './advice-labels';

export type AmendmentComment = { id: string; section: PlanSection; body: string; authorName: string };

/** The family's comments on a review's proposed amendments, section by section, as written. */
export function AmendmentComments({ comments }: { comments: readonly AmendmentComment[] }) {
  const { t } = useTranslation();
  if (comments.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">{t('reviews.comments.listHeading')}</h2>
      <ul className="govuk-list">
        {comments.map((comment) => (
          <li key={comment.id}>
            <strong>{t(planSectionKeys[comment.section])}</strong>: <span className="app-pre-line">{comment.body}</span>{' '}
            <span className="govuk-body-s">({comment.authorName})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
