import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSettingPermission } from '~/auth/access.server';
import { makeSchoolRequest, parseSchoolRequestForm } from '~/features/settings/index.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { Checkboxes, DateInput, Textarea, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['settings', 'family'],
  titleKey: 'settingRequest.title',
};

const fieldOrder = ['firstName', 'lastName', 'dateOfBirth', 'parentName', 'parentEmail', 'agreedOn', 'agreementConfirmed', 'agreementNote', 'difficulties', 'supportSoFar'];

export async function loader({ request }: LoaderFunctionArgs) {
  const { setting } = await requireSettingPermission(request, 'request:assessment-as-setting');
  return json({ settingName: setting.name });
}

/**
 * A setting asks for an EHC needs assessment with the family's agreement (issue 14): the case is
 * made at once, received today; the family is emailed. Sent twice, one case.
 */
export async function action({ request }: ActionFunctionArgs) {
  const { user, setting } = await requireSettingPermission(request, 'request:assessment-as-setting');
  const values = await readForm(request);
  const parsed = parseSchoolRequestForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await makeSchoolRequest(user, setting, parsed.request);
  if (!outcome.ok) return formFailure({ [outcome.field]: outcome.error }, values);
  return redirect(`/cases/${outcome.caseId}?sent=setting`);
}

export default function SchoolRequest() {
  const { t } = useTranslation();
  const { settingName } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/setting">{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={fieldOrder} />
        <span className="govuk-caption-l">{settingName}</span>
        <h1 className="govuk-heading-l">{t('settingRequest.heading')}</h1>
        <p className="govuk-body">{t('settingRequest.intro')}</p>
        <InsetText>{t('settingRequest.familyTold')}</InsetText>
        <Form method="post" noValidate key={formKey}>
          <h2 className="govuk-heading-m">{t('settingRequest.childHeading')}</h2>
          <TextInput name="firstName" label={t('settingRequest.field.firstName')} spellCheck={false} autoComplete="off" error={errors.firstName} defaultValue={values.firstName} />
          <TextInput name="lastName" label={t('settingRequest.field.lastName')} spellCheck={false} autoComplete="off" error={errors.lastName} defaultValue={values.lastName} />
          <DateInput
            name="dateOfBirth"
            legend={t('settingRequest.field.dateOfBirth')}
            hint={t('settingRequest.hint.dateOfBirth')}
            error={errors.dateOfBirth}
            values={datePartsFrom(values, 'dateOfBirth')}
          />
          <h2 className="govuk-heading-m">{t('settingRequest.parentHeading')}</h2>
          <TextInput name="parentName" label={t('settingRequest.field.parentName')} spellCheck={false} autoComplete="off" error={errors.parentName} defaultValue={values.parentName} />
          <TextInput
            name="parentEmail"
            type="email"
            label={t('settingRequest.field.parentEmail')}
            hint={t('settingRequest.hint.parentEmail')}
            spellCheck={false}
            autoComplete="off"
            error={errors.parentEmail}
            defaultValue={values.parentEmail}
          />
          <h2 className="govuk-heading-m">{t('settingRequest.agreementHeading')}</h2>
          <DateInput name="agreedOn" legend={t('settingRequest.field.agreedOn')} hint={t('settingRequest.hint.agreedOn')} error={errors.agreedOn} values={datePartsFrom(values, 'agreedOn')} />
          <Checkboxes
            name="agreementConfirmed"
            legend={t('settingRequest.field.agreementConfirmedLegend')}
            error={errors.agreementConfirmed}
            checked={values.agreementConfirmed === 'yes' ? ['yes'] : []}
            choices={[
              {
                value: 'yes',
                label: t('settingRequest.field.agreementConfirmed'),
              },
            ]}
          />
          <Textarea
            name="agreementNote"
            label={t('settingRequest.field.agreementNote')}
            hint={t('settingRequest.hint.agreementNote')}
            rows={3}
            error={errors.agreementNote}
            defaultValue={values.agreementNote}
          />
          <h2 className="govuk-heading-m">{t('settingRequest.reasonsHeading')}</h2>
          <Textarea name="difficulties" label={t('settingRequest.field.difficulties')} hint={t('settingRequest.hint.difficulties')} error={errors.difficulties} defaultValue={values.difficulties} />
          <Textarea name="supportSoFar" label={t('settingRequest.field.supportSoFar')} hint={t('settingRequest.hint.supportSoFar')} error={errors.supportSoFar} defaultValue={values.supportSoFar} />
          <SubmitButton>{t('settingRequest.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
