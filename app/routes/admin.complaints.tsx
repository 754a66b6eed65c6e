import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { COMPLAINT_DAYS_MAX, COMPLAINT_DAYS_MIN, ESCALATION_WORKING_DAYS } from '~/domain/complaints';
import { complaintTimesOf, parseComplaintTimes, saveComplaintTimes } from '~/features/complaints/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

/** The council's complaint response times, in working days (ADR 0050): set by its LA admin. */
export const handle: PageHandle = { namespaces: ['complaints'], titleKey: 'complaintTimes.title' };

const FIELDS = ['acknowledgeDays', 'stage1Days', 'stage2Days'] as const;
const labelKeys = { acknowledgeDays: 'complaintTimes.acknowledgeDays', stage1Days: 'complaintTimes.stage1Days', stage2Days: 'complaintTimes.stage2Days' } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  return json({ times: await complaintTimesOf(admin.laId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:council');
  const values = await readForm(request);
  const parsed = parseComplaintTimes(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await saveComplaintTimes(admin, admin.laId, parsed.data, clientAddress(request));
  return redirect('/admin/complaints?changed=1');
}

export default function ComplaintTimesPage() {
  const { t } = useTranslation();
  const { times } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('changed') ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('complaintTimes.changed')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <h1 className="govuk-heading-l">{t('complaintTimes.heading')}</h1>
        <p className="govuk-body">{t('complaintTimes.intro', { escalation: ESCALATION_WORKING_DAYS })}</p>
        <Form method="post" noValidate key={formKey}>
          {FIELDS.map((field) => (
            <TextInput
              key={field}
              name={field}
              label={t(labelKeys[field])}
              hint={t('complaintTimes.daysHint', { min: COMPLAINT_DAYS_MIN, max: COMPLAINT_DAYS_MAX })}
              error={errors[field]}
              defaultValue={values[field] ?? String(times[field])}
              inputMode="numeric"
              widthClass="govuk-input--width-2"
              autoComplete="off"
            />
          ))}
          <SubmitButton>{t('complaintTimes.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
