import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { addDays, isValidIsoDate, todayInLondon } from '~/domain/timescales';
import { readForm, validateForm } from '~/forms/form.server';
import { changeServiceStandards, serviceStandardsSchema, standardsPeriodsOf } from '~/features/administration/index.server';
import { formFailure } from '~/http.server';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton, Table } from '~/ui/govuk/content';
import { TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['admin'], titleKey: 'standards.title' };


export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:service-standards');
  return json({ periods: await standardsPeriodsOf(admin.laId), tomorrow: addDays(todayInLondon(), 1) });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:service-standards');
  const values = await readForm(request);
  const form = validateForm(serviceStandardsSchema, values);
  if (!form.ok) return formFailure(form.errors, values);
  const startsOn = await changeServiceStandards(admin, admin.laId, form.data, todayInLondon());
  return redirect(startsOn ? `/admin/service-standards?from=${startsOn}` : '/admin/service-standards');
}

export default function ServiceStandards() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { periods, tomorrow } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const changedFrom = params.get('from');
  const now = periods[periods.length - 1];
  const days = (n: number) => t('standards.workingDays', { count: n });
  const applies = (p: (typeof periods)[number]) => {
    // A period's `until` is the first day it no longer applies.
    const last = p.until ? formatDate(addDays(p.until, -1), locale) : null;
    if (p.from && last) return t('standards.between', { from: formatDate(p.from, locale), to: last });
    if (last) return t('standards.upTo', { date: last });
    return p.from ? t('standards.from', { date: formatDate(p.from, locale) }) : t('standards.always');
  };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {changedFrom && isValidIsoDate(changedFrom) ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('standards.changed', { date: formatDate(changedFrom, locale) })}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['acknowledgeWithin', 'replyWithin']} />
        <h1 className="govuk-heading-l">{t('standards.heading')}</h1>
        <p className="govuk-body">{t('standards.intro')}</p>
        <Table
          caption={t('standards.caption')}
          head={[t('standards.applies'), t('standards.acknowledge'), t('standards.reply')]}
          rows={periods.map((p) => [applies(p), days(p.acknowledgeWithin), days(p.replyWithin)])}
        />
        <h2 className="govuk-heading-m">{t('standards.changeHeading')}</h2>
        <p className="govuk-body">{t('standards.changeIntro', { date: formatDate(tomorrow, locale) })}</p>
        <Form method="post" noValidate key={formKey}>
          {(['acknowledgeWithin', 'replyWithin'] as const).map((field) => (
            <TextInput
              key={field}
              name={field}
              label={t(field === 'acknowledgeWithin' ? 'standards.acknowledgeLabel' : 'standards.replyLabel')}
              hint={t('standards.daysHint')}
              error={errors[field]}
              defaultValue={values[field] ?? String(now[field])}
              inputMode="numeric"
              widthClass="govuk-input--width-2"
              autoComplete="off"
            />
          ))}
          <SubmitButton>{t('standards.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
