import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRequestAccess } from '~/auth/access.server';
import { RequestAnswers } from '~/features/requests';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { documentsOfRequest } from '~/features/documents/index.server';
import { submitRequest } from '~/features/requests/index.server';
import { findUserById } from '~/features/identity/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { personName } from '~/domain/names';

export const handle: PageHandle = { namespaces: ['identity', 'requests'], titleKey: 'request.check.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requestRow, child } = await requireRequestAccess(request, params.requestId ?? '', 'read:request');
  if (requestRow.status === 'submitted' && requestRow.caseId) throw redirect(`/requests/${requestRow.id}/sent`);
  const files = await documentsOfRequest(requestRow.id);
  return json({
    requestId: requestRow.id,
    childName: personName(child),
    answers: requestRow.answers,
    documents: files.map((d) => ({ id: d.id, name: d.originalName })),
  });
}

/** Submitting is safe to repeat: a second submit finds the case the first one made. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { requestRow, user, consent } = await requireRequestAccess(request, params.requestId ?? '', 'edit:request');
  const outcome = await submitRequest(user, requestRow.id, { onBehalfOf: consent ? await findUserById(consent.grantedBy) : null });
  if (!outcome.ok) return formFailure({ form: outcome.error }, {});
  return redirect(`/requests/${requestRow.id}/sent`);
}

export default function CheckAnswers() {
  const { t } = useTranslation();
  const { requestId, childName, answers, documents } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/requests/${requestId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">{t('request.check.heading')}</h1>
        <RequestAnswers answers={answers} changeLink={(section) => `/requests/${requestId}/${section.slug}?returnTo=check`} />
        <h2 className="govuk-heading-m">{t('request.documents.title')}</h2>
        {documents.length === 0 ? (
          <p className="govuk-body">{t('request.check.noDocuments')}</p>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {documents.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        )}
        <h2 className="govuk-heading-m">{t('request.check.sendHeading')}</h2>
        <p className="govuk-body">{t('request.check.declaration')}</p>
        <Form method="post">
          <SubmitButton>{t('request.check.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
