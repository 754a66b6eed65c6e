import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { parseLetterForm, recordLetterRequest, subjectAccessRequestsOf } from '~/features/data-rights/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { DateInput, Radios, TextInput } from '~/ui/govuk/fields';

/**
 * The council's subject access requests (ADR 0034), soonest due first with the overdue marked,
 * and the form for one that came by letter. Only this council's requests: the list is read by
 * the manager's own council.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'dataRights.staff.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'manage:subject-access');
  return json({ requests: await subjectAccessRequestsOf(user.laId), formKey: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireLaPermission(request, 'manage:subject-access');
  const values = await readForm(request);
  const parsed = parseLetterForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await recordLetterRequest(user, parsed.data);
  if (!outcome.ok) return formFailure({ email: outcome.error }, values);
  return redirect('/subject-access?recorded=1');
}

const viaKeys = {
  portal: 'dataRights.staff.via.portal',
  letter: 'dataRights.staff.via.letter',
  email: 'dataRights.staff.via.email',
  in_person: 'dataRights.staff.via.in_person',
} as const;

export default function SubjectAccessList() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { requests, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [search] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {search.get('recorded') && Object.keys(errors).length === 0 ? (
          <NotificationBanner title={t('dataRights.staff.recordedTitle')} success>
            {t('dataRights.staff.recorded')}
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['email', 'receivedVia', 'receivedOn']} />
        <h1 className="govuk-heading-l">{t('dataRights.staff.title')}</h1>
        <p className="govuk-body">{t('dataRights.staff.intro')}</p>
        {requests.length === 0 ? (
          <p className="govuk-body">{t('dataRights.staff.none')}</p>
        ) : (
          <Table
            caption={t('dataRights.staff.caption')}
            head={[t('dataRights.staff.head.person'), t('dataRights.staff.head.received'), t('dataRights.staff.head.due'), t('dataRights.staff.head.status')]}
            rows={requests.map((r) => [
              <Link key="person" className="govuk-link" to={`/subject-access/${r.id}`}>
                {r.requesterName}
              </Link>,
              `${formatDate(r.receivedOn, locale)} (${t(viaKeys[r.receivedVia])})`,
              formatDate(r.dueOn, locale),
              r.status === 'released' ? (
                <Tag colour="green">{t('dataRights.staff.status.released')}</Tag>
              ) : r.overdue ? (
                <Tag colour="red">{t('dataRights.staff.overdue')}</Tag>
              ) : (
                <Tag colour="blue">{t('dataRights.staff.status.received')}</Tag>
              ),
            ])}
          />
        )}
      </div>
      <div className="govuk-grid-column-two-thirds">
        <h2 className="govuk-heading-m">{t('dataRights.staff.recordHeading')}</h2>
        <p className="govuk-body">{t('dataRights.staff.recordIntro')}</p>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <TextInput name="email" type="email" label={t('dataRights.staff.email')} spellCheck={false} autoComplete="off" error={errors.email} defaultValue={values.email} />
          <Radios
            name="receivedVia"
            legend={t('dataRights.staff.receivedVia')}
            error={errors.receivedVia}
            defaultValue={values.receivedVia}
            choices={[
              { value: 'letter', label: t('dataRights.staff.via.letter') },
              { value: 'email', label: t('dataRights.staff.via.email') },
              { value: 'in_person', label: t('dataRights.staff.via.in_person') },
            ]}
          />
          <DateInput name="receivedOn" legend={t('dataRights.staff.receivedOn')} hint={t('dataRights.staff.receivedOnHint')} error={errors.receivedOn} values={datePartsFrom(values, 'receivedOn')} />
          <SubmitButton>{t('dataRights.staff.recordSubmit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
