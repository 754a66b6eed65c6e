import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireChildAccess } from '~/auth/access.server';
import { audienceOf } from '~/auth/policy';
import { addMonths, todayInLondon } from '~/domain/timescales';
import { adviceOrganisationsFor, confirmConsent, consentsOfChild, grantConsent, LONGEST_CONSENT_MONTHS, parseConsentForm, revokeConsent } from '~/features/advocates/index.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, SummaryList, Tag, type TagColour } from '~/ui/govuk/content';
import { DateInput, Radios, Select, TextInput } from '~/ui/govuk/fields';
import { consentEventKeys, consentScopeKeys, consentStatusKeys } from '~/ui/consent-labels';
import { personName } from '~/domain/names';

export const handle: PageHandle = {
  namespaces: ['family', 'advocates'],
  title: (data, t) => {
    const child = (data as { child?: { firstName: string; lastName: string } } | undefined)?.child;
    return child ? t('advocates.consent.title', { name: personName(child) }) : t('advocates.consent.titleFallback');
  },
};

/** Only the family member who decides about the case manages who acts for them ('share:child'). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, child, control } = await requireChildAccess(request, params.childId ?? '', 'share:child');
  const today = todayInLondon();
  const [organisations, consents] = await Promise.all([adviceOrganisationsFor(child.laId), consentsOfChild(child, control, today)]);
  return json({
    child: { id: child.id, firstName: child.firstName, lastName: child.lastName },
    organisations,
    consents,
    isYoungPerson: audienceOf(user) === 'young_person',
    latestExpiry: addMonths(today, LONGEST_CONSENT_MONTHS),
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, child } = await requireChildAccess(request, params.childId ?? '', 'share:child');
  const values = await readForm(request);
  const base = `/children/${child.id}/advocates`;
  if (values.intent === 'revoke' && values.consentId) {
    await revokeConsent(user, child, values.consentId);
    return redirect(`${base}?done=revoked`);
  }
  if (values.intent === 'confirm' && values.consentId) {
    await confirmConsent(user, child, values.consentId);
    return redirect(`${base}?done=confirmed`);
  }
  const parsed = parseConsentForm(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const granted = await grantConsent(user, child, parsed.consent);
  if (!granted.ok) return formFailure({ [granted.field]: granted.error }, values);
  return redirect(`${base}?done=granted`);
}

const statusColour: Record<string, TagColour> = { live: 'green', expired: 'grey', revoked: 'red', awaiting_young_person: 'orange' };
const doneKeys: Record<string, string> = { changed: 'advocates.consent.done.changed', granted: 'advocates.consent.done.granted', revoked: 'advocates.consent.done.revoked', confirmed: 'advocates.consent.done.confirmed' };

export default function ChildAdvocates() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { child, organisations, consents, isYoungPerson, latestExpiry, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const done = doneKeys[params.get('done') ?? ''];
  const childName = personName(child);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${child.id}`}>{t('common.back')}</BackLink>
        {done ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(done)}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['adviceOrgId', 'advocateEmail', 'scope', 'expiresOn']} />
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">{t('advocates.consent.heading')}</h1>
        <p className="govuk-body">{t('advocates.consent.intro')}</p>

        {consents.length === 0 ? <p className="govuk-body">{t('advocates.consent.none')}</p> : null}
        {consents.map((c) => (
          <div className="govuk-summary-card" key={c.id}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">{c.advocateName ? t('advocates.consent.namedAdvocate', { name: c.advocateName, organisation: c.organisation }) : c.organisation}</h2>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: t('advocates.consent.status'), value: <Tag colour={statusColour[c.status]}>{t(consentStatusKeys[c.status])}</Tag> },
                  { key: t('advocates.consent.scope'), value: t(consentScopeKeys[c.scope]) },
                  { key: t('advocates.consent.expiresOn'), value: formatDate(c.expiresOn, locale) },
                  { key: t('advocates.consent.grantedBy'), value: t('advocates.consent.grantedByValue', { name: c.grantedByName, date: formatDateTime(c.grantedAt, locale) }) },
                  {
                    key: t('advocates.consent.history'),
                    value: (
                      <ul className="govuk-list">
                        {c.history.map((h, i) => (
                          <li key={i}>
                            {t(consentEventKeys[h.kind], {
                              name: h.actorName ?? '',
                              date: formatDateTime(h.occurredAt, locale),
                              scope: h.changedTo ? t(consentScopeKeys[h.changedTo.scope]) : '',
                              expiresOn: h.changedTo ? formatDate(h.changedTo.expiresOn, locale) : '',
                            })}
                          </li>
                        ))}
                      </ul>
                    ),
                  },
                ]}
              />
              {c.status === 'awaiting_young_person' && isYoungPerson ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="consentId" value={c.id} />
                  <p className="govuk-body">{t('advocates.consent.confirmIntro', { name: c.grantedByName })}</p>
                  <SubmitButton>{t('advocates.consent.confirm', { organisation: c.advocateName ?? c.organisation })}</SubmitButton>
                </Form>
              ) : null}
              {c.status === 'live' || c.status === 'awaiting_young_person' ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/children/${child.id}/advocates/${c.id}`}>
                    {t('advocates.change.link', { organisation: c.advocateName ?? c.organisation })}
                  </Link>
                </p>
              ) : null}
              {c.status === 'live' || c.status === 'awaiting_young_person' ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="consentId" value={c.id} />
                  <SubmitButton variant="warning">{t('advocates.consent.revoke', { organisation: c.advocateName ?? c.organisation })}</SubmitButton>
                </Form>
              ) : null}
            </div>
          </div>
        ))}

        <h2 className="govuk-heading-m">{t('advocates.consent.grantHeading')}</h2>
        {organisations.length === 0 ? (
          <p className="govuk-body">{t('advocates.consent.noOrganisations')}</p>
        ) : (
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
            <Select
              name="adviceOrgId"
              label={t('advocates.consent.organisation')}
              error={errors.adviceOrgId}
              defaultValue={values.adviceOrgId ?? (organisations.length === 1 ? organisations[0].id : '')}
              emptyLabel={organisations.length === 1 ? undefined : t('advocates.consent.chooseOrganisation')}
              choices={organisations.map((o) => ({ value: o.id, label: o.name }))}
            />
            <TextInput
              name="advocateEmail"
              type="email"
              label={t('advocates.consent.advocateEmail')}
              hint={t('advocates.consent.advocateEmailHint')}
              spellCheck={false}
              autoComplete="off"
              error={errors.advocateEmail}
              defaultValue={values.advocateEmail}
            />
            <Radios
              name="scope"
              legend={t('advocates.consent.scopeLegend', { first: personName(child, 'given') })}
              error={errors.scope}
              defaultValue={values.scope}
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
              values={datePartsFrom(values, 'expiresOn')}
            />
            <SubmitButton>{t('advocates.consent.submit')}</SubmitButton>
          </Form>
        )}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/children/${child.id}`}>
            {t('advocates.consent.backToChild', { name: childName })}
          </Link>
        </p>
      </div>
    </div>
  );
}
