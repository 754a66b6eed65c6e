import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { isFeedbackStep } from '~/domain/feedback';
import { surveyState } from '~/features/feedback/index.server';
import type { PageHandle } from '~/root';
import { Panel } from '~/ui/govuk/content';

/** The confirmation after a family's feedback (GOV.UK confirmation page): only once the step is answered. */
export const handle: PageHandle = { namespaces: ['feedback'], titleKey: 'feedback.thanks.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'give:feedback');
  const step = params.step;
  if (!isFeedbackStep(step) || (await surveyState(caseRecord.id, step)) !== 'answered') throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id });
}

export default function FeedbackThanks() {
  const { t } = useTranslation();
  const { caseId } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title={t('feedback.thanks.title')} />
        <p className="govuk-body">{t('feedback.thanks.body')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}`}>
            {t('feedback.thanks.back')}
          </Link>
        </p>
      </div>
    </div>
  );
}
