import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { awaitsCouncil, complaintOutcomes } from '~/domain/complaints';
import { complaintOfCase, parseComplaintResponse, respondToComplaint } from '~/features/complaints/index.server';
import { CaseCaption } from '~/features/case-progress';
import { readForm } from '~/forms/form.server';
import { COMPLAINT_LETTER_MAX_LENGTH } from '~/forms/text-limits';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { CharacterCount, Radios } from '~/ui/govuk/fields';
import { complaintOutcomeKeys, complaintStageKeys } from '~/ui/complaint-labels';

export const handle: PageHandle = { namespaces: ['case', 'complaints'], titleKey: 'complaints.respond.title' };

const FIELDS = ['outcome', 'letter'];

/** A complaint waiting for the council's answer at its stage; any other is not here. */
async function waitingComplaint(caseId: string, complaintId: string | undefined) {
  const complaint = await complaintOfCase(caseId, complaintId);
  if (!awaitsCouncil(complaint.status)) throw new Response('Not Found', { status: 404 });
  return complaint;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'respond:complaint');
  const c = await waitingComplaint(caseRecord.id, params.complaintId);
  return json({ caseId: caseRecord.id, complaint: { id: c.id, reference: c.reference, stage: c.stage === 2 ? (2 as const) : (1 as const), about: c.about, putRight: c.putRight, escalationReason: c.escalationReason } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'respond:complaint');
  const values = await readForm(request);
  // Already answered (a second press): back to the complaint, nothing changes.
  const c = await complaintOfCase(caseRecord.id, params.complaintId);
  const parsed = parseComplaintResponse(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await respondToComplaint(user, caseRecord, c.id, parsed.data, { address: clientAddress(request) });
  if (!outcome.ok) return formFailure({ outcome: outcome.error }, values);
  return redirect(`/cases/${caseRecord.id}/complaints/${c.id}?responded=1`);
}

export default function RespondToComplaint() {
  const { t } = useTranslation();
  const { caseId, complaint: c } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/complaints/${c.id}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('complaints.respond.heading', { reference: c.reference, stage: t(complaintStageKeys[c.stage]) })}</h1>
        <SummaryList
          rows={[
            { key: t('complaints.new.about'), value: <span className="app-pre-line">{c.about}</span> },
            { key: t('complaints.new.putRight'), value: <span className="app-pre-line">{c.putRight}</span> },
            ...(c.escalationReason ? [{ key: t('complaints.escalate.reason'), value: <span className="app-pre-line">{c.escalationReason}</span> }] : []),
          ]}
        />
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="stage" value={String(c.stage)} />
          <Radios name="outcome" legend={t('complaints.respond.outcome')} error={errors.outcome} defaultValue={values.outcome} choices={complaintOutcomes.map((o) => ({ value: o, label: t(complaintOutcomeKeys[o]) }))} />
          <CharacterCount name="letter" label={t('complaints.respond.letter')} hint={c.stage === 1 ? t('complaints.respond.letterHint1') : t('complaints.respond.letterHint2')} error={errors.letter} defaultValue={values.letter} rows={12} maxLength={COMPLAINT_LETTER_MAX_LENGTH} />
          <SubmitButton>{t('complaints.respond.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
