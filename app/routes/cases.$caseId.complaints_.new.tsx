import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { clientAddress } from '~/client-address.server';
import { staffRecordedChannels } from '~/domain/complaints';
import { todayInLondon } from '~/domain/timescales';
import { makeComplaint, parseComplaint, parseRecordedComplaint, recordComplaint } from '~/features/complaints/index.server';
import { CaseCaption } from '~/features/case-progress';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { COMPLAINT_ABOUT_MAX_LENGTH, COMPLAINT_PUT_RIGHT_MAX_LENGTH } from '~/forms/text-limits';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount, DateInput, Radios, TextInput } from '~/ui/govuk/fields';
import { complaintChannelKeys } from '~/ui/complaint-labels';

export const handle: PageHandle = { namespaces: ['case', 'complaints'], titleKey: 'complaints.new.title' };

const FAMILY_FIELDS = ['about', 'putRight'];
const STAFF_FIELDS = ['complainantName', 'channel', 'receivedOn', 'about', 'putRight'];

/** The family makes a complaint; staff record one they received. Anyone else may not be here. */
async function whoComplains(request: Request, caseId: string) {
  const access = await requireCaseAccess(request, caseId, 'read:complaints');
  if (decide(access.user, 'make:complaint', access.subject) === 'allow') return { ...access, as: 'family' as const };
  if (decide(access.user, 'respond:complaint', access.subject) === 'allow') return { ...access, as: 'staff' as const };
  throw deniedResponse('forbidden');
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord, as } = await whoComplains(request, params.caseId ?? '');
  return json({ caseId: caseRecord.id, as, formKey: crypto.randomUUID() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord, as } = await whoComplains(request, params.caseId ?? '');
  const values = await readForm(request);
  const options = { address: clientAddress(request) };
  if (as === 'family') {
    const parsed = parseComplaint(values);
    if (!parsed.ok) return formFailure(parsed.errors, values);
    const made = await makeComplaint(user, caseRecord, parsed.data, options);
    if (!made.ok) return formFailure({ about: made.error }, values);
    return redirect(`/cases/${caseRecord.id}/complaints/${made.complaintId}?made=1`);
  }
  const parsed = parseRecordedComplaint(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const recorded = await recordComplaint(user, caseRecord, parsed.data, options);
  if (!recorded.ok) return formFailure({ about: recorded.error }, values);
  return redirect(`/cases/${caseRecord.id}/complaints/${recorded.complaintId}?recorded=1`);
}

export default function NewComplaint() {
  const { t } = useTranslation();
  const { caseId, as, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/complaints`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={as === 'family' ? FAMILY_FIELDS : STAFF_FIELDS} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{as === 'family' ? t('complaints.new.heading') : t('complaints.new.recordHeading')}</h1>
        <p className="govuk-body">{as === 'family' ? t('complaints.new.intro') : t('complaints.new.recordIntro')}</p>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          {as === 'staff' ? (
            <>
              <TextInput name="complainantName" label={t('complaints.new.complainantName')} error={errors.complainantName} defaultValue={values.complainantName} autoComplete="off" />
              <Radios name="channel" legend={t('complaints.new.channel')} error={errors.channel} defaultValue={values.channel} choices={staffRecordedChannels.map((c) => ({ value: c, label: t(complaintChannelKeys[c]) }))} />
              <DateInput name="receivedOn" legend={t('complaints.new.receivedOn')} hint={t('complaints.new.receivedOnHint')} error={errors.receivedOn} values={datePartsFrom(values, 'receivedOn')} />
            </>
          ) : null}
          <CharacterCount name="about" label={t('complaints.new.about')} hint={t('complaints.new.aboutHint')} error={errors.about} defaultValue={values.about} rows={8} maxLength={COMPLAINT_ABOUT_MAX_LENGTH} />
          <CharacterCount name="putRight" label={t('complaints.new.putRight')} hint={t('complaints.new.putRightHint')} error={errors.putRight} defaultValue={values.putRight} rows={4} maxLength={COMPLAINT_PUT_RIGHT_MAX_LENGTH} />
          <SubmitButton>{as === 'family' ? t('complaints.new.submit') : t('complaints.new.recordSubmit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
