import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { allocateCaseworker, allocationOf } from '~/features/requests/index.server';
import { caseworkerLoads } from '~/features/caseload/index.server';
import { CaseworkerSelect } from '~/features/caseload';
import { CaseCaption } from '~/features/case-progress';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton } from '~/ui/govuk/content';

/** A manager gives a case to another caseworker; the family is told who their contact is now. */
export const handle: PageHandle = { namespaces: ['family', 'requests', 'case', 'casework'], titleKey: 'allocation.reassign.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'reassign:case');
  const [allocation, caseworkers] = await Promise.all([allocationOf(caseRecord.laId, caseRecord.id), caseworkerLoads(user.laId!)]);
  return json({ caseId: caseRecord.id, current: allocation?.caseworkerName ?? null, currentId: caseRecord.caseworkerId, childName: allocation?.childName ?? '', caseworkers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'reassign:case');
  const values = await readForm(request);
  const result = await allocateCaseworker(user, caseRecord.id, values.caseworkerId ?? '', { mayReassign: true });
  if (!result.ok) return formFailure({ caseworkerId: result.error }, values);
  return redirect(`/cases/${caseRecord.id}/caseworker?changed=1`);
}

export default function ChangeCaseworker() {
  const { t } = useTranslation();
  const { caseId, current, currentId, childName, caseworkers } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [search] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {search.get('changed') && !errors.caseworkerId && current ? (
          <NotificationBanner title={t('allocation.doneTitle')} success>
            <p className="govuk-notification-banner__heading">{t('allocation.reassign.done', { child: childName, caseworker: current })}</p>
            <p className="govuk-body">
              <Link className="govuk-notification-banner__link" to={`/cases/${caseId}`}>
                {t('allocation.viewCase', { child: childName })}
              </Link>
            </p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('allocation.reassign.heading')}</h1>
        <p className="govuk-body">{current ? t('allocation.reassign.current', { caseworker: current }) : t('allocation.reassign.none')}</p>
        <p className="govuk-body">{t('allocation.reassign.familyTold')}</p>
        <Form method="post" noValidate key={formKey}>
          <CaseworkerSelect id="caseworkerId" label={t('allocation.reassign.label')} caseworkers={caseworkers} defaultValue={values.caseworkerId ?? currentId ?? ''} error={errors.caseworkerId} />
          <SubmitButton>{t('allocation.reassign.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
