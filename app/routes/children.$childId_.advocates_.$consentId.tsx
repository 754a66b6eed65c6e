import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireChildAccess } from '~/auth/access.server';
import { addMonths, todayInLondon } from '~/domain/timescales';
import { changeConsent, LONGEST_CONSENT_MONTHS, openConsentOf, parseConsentChange } from '~/features/advocates/index.server';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Radios } from '~/ui/govuk/fields';
import { personName } from '~/domain/names';

export const handle: PageHandle = { namespaces: ['family', 'advocates'], titleKey: 'advocates.change.title' };

/** A family changes what an adviser may do, or until when: only the family member who decides ('share:child'). */
async function load(request: Request, params: { childId?: string; consentId?: string }) {
  const { user, child } = await requireChildAccess(request, params.childId ?? '', 'share:child');
  const open = await openConsentOf(child.id, params.consentId ?? '');
  if (!open) throw new Response('Not Found', { status: 404 });
  return { user, child, ...open };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { child, consent, organisation } = await load(request, params);
  return json({
    child: { id: child.id, firstName: child.firstName, lastName: child.lastName },
    consent: { id: consent.id, scope: consent.scope, expiresOn: consent.expiresOn, organisation },
    latestExpiry: addMonths(todayInLondon(), LONGEST_CONSENT_MONTHS),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, child, consent } = await load(request, params);
  const values = await readForm(request);
  const parsed = parseConsentChange(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await changeConsent(user, child, consent.id, parsed.change);
  return redirect(`/children/${child.id}/advocates?done=changed`);
}

export default function ChangeConsent() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { child, consent, latestExpiry } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const dateValues = values['expiresOn-day'] !== undefined ? datePartsFrom(values, 'expiresOn') : datePartsFromIso(consent.expiresOn);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${child.id}/advocates`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['scope', 'expiresOn']} />
        <span className="govuk-caption-l">{consent.organisation}</span>
        <h1 className="govuk-heading-l">{t('advocates.change.heading')}</h1>
        <Form method="post" noValidate key={formKey}>
          <Radios
            name="scope"
            legend={t('advocates.consent.scopeLegend', { first: personName(child, 'given') })}
            error={errors.scope}
            defaultValue={values.scope ?? consent.scope}
            choices={[
              { value: 'view', label: t('advocates.scope.view'), hint: t('advocates.scope.viewHint') },
              { value: 'act', label: t('advocates.scope.act'), hint: t('advocates.scope.actHint') },
            ]}
          />
          <DateInput
            name="expiresOn"
            legend={t('advocates.consent.expiryLegend')}
            hint={t('advocates.consent.expiryHint', { date: formatDate(latestExpiry, locale) })}
            error={errors.expiresOn}
            values={dateValues}
          />
          <SubmitButton>{t('advocates.change.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
