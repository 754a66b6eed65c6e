import type { LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRequestAccess } from '~/auth/access.server';
import type { PageHandle } from '~/root';
import { documentsOfRequest } from '~/features/documents/index.server';
import { sectionStatuses } from '~/features/requests/index.server';
import { ButtonLink } from '~/ui/govuk/content';
import { personName } from '~/domain/names';

export const handle: PageHandle = { namespaces: ['requests'], titleKey: 'request.taskList.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requestRow, child } = await requireRequestAccess(request, params.requestId ?? '', 'read:request');
  if (requestRow.status === 'submitted' && requestRow.caseId) throw redirect(`/cases/${requestRow.caseId}`);
  const statuses = sectionStatuses(requestRow).map(({ section, status }) => ({ slug: section.slug, titleKey: section.titleKey, status }));
  const documentCount = (await documentsOfRequest(requestRow.id)).length;
  return json({
    requestId: requestRow.id,
    childName: personName(child),
    statuses,
    documentCount,
    completed: statuses.filter((s) => s.status === 'completed').length,
  });
}

const statusKeys = { completed: 'request.status.completed', in_progress: 'request.status.inProgress', not_started: 'request.status.notStarted' } as const;

export default function RequestTaskList() {
  const { t } = useTranslation();
  const { requestId, childName, statuses, documentCount, completed } = useLoaderData<typeof loader>();
  const ready = completed === statuses.length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">{t('request.taskList.heading')}</h1>
        <p className="govuk-body">{t('request.taskList.saved')}</p>
        <p className="govuk-body">{t('request.taskList.progress', { completed, total: statuses.length })}</p>
        <ul className="govuk-task-list">
          {statuses.map((s) => (
            <li className="govuk-task-list__item govuk-task-list__item--with-link" key={s.slug}>
              <div className="govuk-task-list__name-and-hint">
                <Link className="govuk-link govuk-task-list__link" to={`/requests/${requestId}/${s.slug}`} aria-describedby={`${s.slug}-status`}>
                  {t(s.titleKey)}
                </Link>
              </div>
              <div className="govuk-task-list__status" id={`${s.slug}-status`}>
                {s.status === 'completed' ? t(statusKeys.completed) : <strong className={`govuk-tag ${s.status === 'in_progress' ? 'govuk-tag--light-blue' : 'govuk-tag--blue'}`}>{t(statusKeys[s.status])}</strong>}
              </div>
            </li>
          ))}
          <li className="govuk-task-list__item govuk-task-list__item--with-link">
            <div className="govuk-task-list__name-and-hint">
              <Link className="govuk-link govuk-task-list__link" to={`/requests/${requestId}/documents`} aria-describedby="documents-status">
                {t('request.documents.title')}
              </Link>
              <div className="govuk-task-list__hint">{t('request.documents.optional')}</div>
            </div>
            <div className="govuk-task-list__status" id="documents-status">
              {t('request.documents.count', { count: documentCount })}
            </div>
          </li>
        </ul>
        {ready ? (
          <ButtonLink to={`/requests/${requestId}/check`}>{t('request.taskList.checkAnswers')}</ButtonLink>
        ) : (
          <p className="govuk-body">{t('request.taskList.finishFirst')}</p>
        )}
      </div>
    </div>
  );
}
