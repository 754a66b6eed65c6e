import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { todayInLondon } from '~/domain/timescales';
import { meetingsOf, parseMeetingForm, recordMeeting } from '~/features/case-progress/index.server';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton, Tag } from '~/ui/govuk/content';
import { DateInput, Radios, Textarea } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['case'], titleKey: 'meetings.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:meetings');
  const meetings = await meetingsOf(caseRecord.id);
  return json({
    caseId: caseRecord.id,
    meetings,
    staff: decide(user, 'record:decision', subject) === 'allow',
    today: todayInLondon(),
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const values = await readForm(request);
  const parsed = parseMeetingForm(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await recordMeeting(user, caseRecord.id, parsed.meeting);
  return redirect(`/cases/${caseRecord.id}/meetings`);
}

export default function Meetings() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, meetings, staff, today, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['heldOn', 'attendees', 'minutes', 'familyInvited', 'reason']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('meetings.heading')}</h1>
        <p className="govuk-body">{t('meetings.intro')}</p>
        {meetings.length === 0 ? <p className="govuk-body">{t('meetings.none')}</p> : null}
        {meetings.map((m) => (
          <section key={m.id} className="govuk-summary-card">
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">{t('meetings.on', { date: formatDate(m.heldOn, locale) })}</h2>
            </div>
            <div className="govuk-summary-card__content">
              {!m.familyInvited ? (
                <p className="govuk-body">
                  <Tag colour="grey">{t('meetings.professionalsOnly')}</Tag> {t('meetings.reason', { reason: m.professionalsOnlyReason ?? '' })}
                </p>
              ) : null}
              <h3 className="govuk-heading-s">{t('meetings.attendees')}</h3>
              <p className="govuk-body app-pre-line">{m.attendees}</p>
              <h3 className="govuk-heading-s">{t('meetings.minutes')}</h3>
              <p className="govuk-body app-pre-line">{m.minutes}</p>
              <p className="govuk-body-s">{t('meetings.recordedBy', { name: m.recordedByName })}</p>
            </div>
          </section>
        ))}
        {staff ? (
          <section className="app-no-print">
            <h2 className="govuk-heading-m">{t('meetings.recordHeading')}</h2>
            <Form method="post" noValidate key={formKey}>
              <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
              <DateInput name="heldOn" legend={t('meetings.heldOnLegend')} error={errors.heldOn} values={values['heldOn-day'] !== undefined ? datePartsFrom(values, 'heldOn') : datePartsFromIso(today)} />
              <Textarea name="attendees" label={t('meetings.attendeesLabel')} hint={t('meetings.attendeesHint')} error={errors.attendees} defaultValue={values.attendees} rows={3} />
              <Textarea name="minutes" label={t('meetings.minutesLabel')} hint={t('meetings.minutesHint')} error={errors.minutes} defaultValue={values.minutes} rows={8} />
              <Radios
                name="familyInvited"
                legend={t('meetings.familyInvitedLegend')}
                error={errors.familyInvited}
                defaultValue={values.familyInvited ?? 'yes'}
                choices={[
                  { value: 'yes', label: t('meetings.familyInvitedYes') },
                  { value: 'no', label: t('meetings.familyInvitedNo') },
                ]}
              />
              <Textarea name="reason" label={t('meetings.reasonLabel')} hint={t('meetings.reasonHint')} error={errors.reason} defaultValue={values.reason} rows={3} />
              <SubmitButton>{t('meetings.save')}</SubmitButton>
            </Form>
          </section>
        ) : null}
      </div>
    </div>
  );
}
