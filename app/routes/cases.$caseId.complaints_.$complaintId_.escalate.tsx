import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { mayEscalate } from '~/domain/complaints';
import { todayInLondon } from '~/domain/timescales';
import { complaintOfCase, escalateComplaint, parseEscalation } from '~/features/complaints/index.server';
import { CaseCaption } from '~/features/case-progress';
import { readForm } from '~/forms/form.server';
import { COMPLAINT_ABOUT_MAX_LENGTH } from '~/forms/text-limits';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['case', 'complaints'], titleKey: 'complaints.escalate.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'make:complaint');
  const c = await complaintOfCase(caseRecord.id, params.complaintId);
  // Only while the family may still escalate; otherwise there is nothing to do here.
  if (!mayEscalate({ status: c.status, stage: c.stage === 2 ? 2 : 1, stage1RespondedOn: c.stage1RespondedOn }, todayInLondon())) throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, complaint: { id: c.id, reference: c.reference, escalateBy: c.escalateBy } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'make:complaint');
  const c = await complaintOfCase(caseRecord.id, params.complaintId);
  const values = await readForm(request);
  const parsed = parseEscalation(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await escalateComplaint(user, caseRecord, c.id, parsed.data.reason, { address: clientAddress(request) });
  if (!outcome.ok) return formFailure({ reason: outcome.error }, values);
  return redirect(`/cases/${caseRecord.id}/complaints/${c.id}?escalated=1`);
}

export default function EscalateComplaint() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, complaint: c } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/complaints/${c.id}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['reason']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('complaints.escalate.heading', { reference: c.reference })}</h1>
        <p className="govuk-body">{t('complaints.escalate.intro', { date: c.escalateBy ? formatDate(c.escalateBy, locale) : '' })}</p>
        <Form method="post" noValidate key={formKey}>
          <CharacterCount name="reason" label={t('complaints.escalate.reason')} hint={t('complaints.escalate.reasonHint')} error={errors.reason} defaultValue={values.reason} rows={8} maxLength={COMPLAINT_ABOUT_MAX_LENGTH} />
          <SubmitButton>{t('complaints.escalate.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
