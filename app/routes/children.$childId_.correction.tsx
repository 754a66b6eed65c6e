import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireChildAccess } from '~/auth/access.server';
import { personName } from '~/domain/names';
import { rectificationDueOn } from '~/domain/rectification';
import { todayInLondon } from '~/domain/timescales';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { askForCorrection, detailsOf, parseCorrectionForm } from '~/features/data-rights/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Textarea, TextInput } from '~/ui/govuk/fields';

/**
 * A family member asks the council to correct a child's details (UK GDPR Article 16; ADR 0038):
 * the details as they should be, and why. Asked by the family member who decides for the child;
 * the council answers within one calendar month.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'rectification.ask.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, child } = await requireChildAccess(request, params.childId ?? '', 'request:rectification');
  return json({
    // The young person asks about their own details: the page speaks to them as "you".
    own: child.youngPersonUserId === user.id,
    child: { id: child.id, firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth, school: child.school },
    dueOn: rectificationDueOn(todayInLondon()),
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, child } = await requireChildAccess(request, params.childId ?? '', 'request:rectification');
  const values = await readForm(request);
  const parsed = parseCorrectionForm(values, detailsOf(child));
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const asked = await askForCorrection(user, child, parsed.data);
  return redirect(`/account/corrections/${asked.id}?asked=1`);
}

export default function AskForCorrection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { own, child, dueOn, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  // After a failed submit, what was typed; before, the details held, to be changed where wrong.
  const typed = Object.keys(values).length > 0;
  const name = { name: personName(child, 'given') };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/children/${child.id}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['details', 'firstName', 'lastName', 'dateOfBirth', 'school', 'reason']} />
        <h1 className="govuk-heading-l">{own ? t('rectification.ask.headingOwn') : t('rectification.ask.heading', name)}</h1>
        <p className="govuk-body">{t(own ? 'rectification.ask.introOwn' : 'rectification.ask.intro', { ...name, date: formatDate(dueOn, locale) })}</p>
        <InsetText>
          <p className="govuk-body">
            {t('rectification.ask.ownDetails')}{' '}
            <Link className="govuk-link" to="/account">
              {t('rectification.ask.ownDetailsLink')}
            </Link>
          </p>
        </InsetText>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <div className={`govuk-form-group${errors.details ? ' govuk-form-group--error' : ''}`}>
            <fieldset className="govuk-fieldset" id="details" aria-describedby={errors.details ? 'details-error' : 'details-hint'}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">{own ? t('rectification.ask.detailsLegendOwn') : t('rectification.ask.detailsLegend', name)}</h2>
              </legend>
              <div className="govuk-hint" id="details-hint">
                {t('rectification.ask.detailsHint')}
              </div>
              {errors.details ? (
                <p className="govuk-error-message" id="details-error">
                  <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(errors.details)}
                </p>
              ) : null}
              <TextInput name="firstName" label={t('rectification.field.firstName')} autoComplete="off" spellCheck={false} error={errors.firstName} defaultValue={typed ? values.firstName : child.firstName} />
              <TextInput name="lastName" label={t('rectification.field.lastName')} autoComplete="off" spellCheck={false} error={errors.lastName} defaultValue={typed ? values.lastName : child.lastName} />
              <DateInput
                name="dateOfBirth"
                legend={t('rectification.field.dateOfBirth')}
                hint={t('rectification.ask.dateOfBirthHint')}
                error={errors.dateOfBirth}
                values={typed ? datePartsFrom(values, 'dateOfBirth') : datePartsFromIso(child.dateOfBirth)}
              />
              <TextInput name="school" label={t('rectification.field.school')} hint={t('rectification.ask.schoolHint')} autoComplete="off" error={errors.school} defaultValue={typed ? values.school : (child.school ?? '')} />
            </fieldset>
          </div>
          <Textarea name="reason" label={t('rectification.ask.reason')} hint={t('rectification.ask.reasonHint')} error={errors.reason} defaultValue={values.reason} />
          <SubmitButton>{t('rectification.ask.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
