import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { addPlacement, parsePlacement, parseReturnDetails, returnDetailsOf, saveReturnDetails } from '~/features/sen2/index.server';
import { ceaseReasonKeys, ethnicityKeys, personalBudgetKeys, placementKeys, senTypeKeys, sexKeys, upnUnknownKeys } from '~/features/sen2';
import { CaseCaption } from '~/features/case-progress';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton, Table } from '~/ui/govuk/content';
import { DateInput, Radios, Select, TextInput } from '~/ui/govuk/fields';

/**
 * The case's details for the council's SEN2 return (ADR 0053): what the casework does not
 * record (identifiers, ranked needs, personal budget, cease reason) and where the child is
 * placed. The council's staff only; the validation page at /reports/sen2/validation links here.
 */
export const handle: PageHandle = { namespaces: ['case', 'sen2'], titleKey: 'sen2.details.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The guard writes the audit entry: these are the child's identifiers.
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:sen2-details');
  return json({ caseId: caseRecord.id, ...(await returnDetailsOf(caseRecord)), formKey: crypto.randomUUID() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:sen2-details');
  const values = await readForm(request);
  if (values.intent === 'placement') {
    const parsed = parsePlacement(values);
    if (!parsed.ok) return formFailure(parsed.errors, values);
    const added = await addPlacement(user, caseRecord, parsed.placement);
    if (!added.ok) return formFailure({ [added.field]: added.error }, values);
    return redirect(`/cases/${caseRecord.id}/sen2?placement=1`);
  }
  const parsed = parseReturnDetails(values);
  if (!parsed.ok) return formFailure(parsed.errors, { ...values, intent: 'details' });
  await saveReturnDetails(user, caseRecord, parsed.data);
  return redirect(`/cases/${caseRecord.id}/sen2?saved=1`);
}

const DETAIL_FIELDS = ['upn', 'upnUnknown', 'uln', 'sex', 'ethnicity', 'postcode', 'primaryNeed', 'secondaryNeed', 'personalBudget', 'ceaseReason'];
const PLACEMENT_FIELDS = ['settingId', 'settingCode', 'entryDate', 'leavingDate'];

export default function ReturnDetailsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { details, placements, settings, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [search] = useSearchParams();
  // What was typed survives a failed submit of its own form; the other form shows what is stored.
  const detailsFailed = values.intent === 'details';
  const placementFailed = values.intent === 'placement';
  const detail = (field: keyof typeof details) => (detailsFailed ? (values[field] ?? '') : (details[field] ?? ''));
  const choices = (keys: Record<string, string>) => Object.entries(keys).map(([value, key]) => ({ value, label: t(key) }));
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {search.get('saved') && !hasErrors ? (
          <NotificationBanner title={t('sen2.details.savedTitle')} success>
            {t('sen2.details.saved')}
          </NotificationBanner>
        ) : null}
        {search.get('placement') && !hasErrors ? (
          <NotificationBanner title={t('sen2.details.savedTitle')} success>
            {t('sen2.placement.added')}
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={[...DETAIL_FIELDS, ...PLACEMENT_FIELDS]} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('sen2.details.heading')}</h1>
        <p className="govuk-body">{t('sen2.details.intro')}</p>
        <Form method="post" noValidate key={`details-${formKey}`}>
          <input type="hidden" name="intent" value="details" />
          <h2 className="govuk-heading-m">{t('sen2.details.personHeading')}</h2>
          <TextInput name="upn" label={t('sen2.details.upn')} hint={t('sen2.details.upnHint')} error={errors.upn} defaultValue={detail('upn')} widthClass="govuk-input--width-20" spellCheck={false} />
          <Select name="upnUnknown" label={t('sen2.details.upnUnknown')} hint={t('sen2.details.upnUnknownHint')} error={errors.upnUnknown} choices={choices(upnUnknownKeys)} defaultValue={detail('upnUnknown')} emptyLabel={t('sen2.details.notRecorded')} />
          <TextInput name="uln" label={t('sen2.details.uln')} hint={t('sen2.details.ulnHint')} error={errors.uln} defaultValue={detail('uln')} widthClass="govuk-input--width-10" inputMode="numeric" spellCheck={false} />
          <Radios name="sex" legend={t('sen2.details.sex')} error={errors.sex} choices={choices(sexKeys)} defaultValue={detail('sex')} inline />
          <Select name="ethnicity" label={t('sen2.details.ethnicity')} error={errors.ethnicity} choices={choices(ethnicityKeys)} defaultValue={detail('ethnicity')} emptyLabel={t('sen2.details.notRecorded')} />
          <TextInput name="postcode" label={t('sen2.details.postcode')} error={errors.postcode} defaultValue={detail('postcode')} widthClass="govuk-input--width-10" autoComplete="off" />
          <h2 className="govuk-heading-m">{t('sen2.details.planHeading')}</h2>
          <Select name="primaryNeed" label={t('sen2.details.primaryNeed')} hint={t('sen2.details.primaryNeedHint')} error={errors.primaryNeed} choices={choices(senTypeKeys)} defaultValue={detail('primaryNeed')} emptyLabel={t('sen2.details.notRecorded')} />
          <Select name="secondaryNeed" label={t('sen2.details.secondaryNeed')} error={errors.secondaryNeed} choices={choices(senTypeKeys)} defaultValue={detail('secondaryNeed')} emptyLabel={t('sen2.details.none')} />
          <Select name="personalBudget" label={t('sen2.details.personalBudget')} error={errors.personalBudget} choices={choices(personalBudgetKeys)} defaultValue={detail('personalBudget')} emptyLabel={t('sen2.details.notRecorded')} />
          <Select name="ceaseReason" label={t('sen2.details.ceaseReason')} hint={t('sen2.details.ceaseReasonHint')} error={errors.ceaseReason} choices={choices(ceaseReasonKeys)} defaultValue={detail('ceaseReason')} emptyLabel={t('sen2.details.notCeased')} />
          <SubmitButton>{t('sen2.details.submit')}</SubmitButton>
        </Form>
        <h2 className="govuk-heading-m">{t('sen2.placement.heading')}</h2>
        {placements.length === 0 ? (
          <p className="govuk-body">{t('sen2.placement.none')}</p>
        ) : (
          <Table
            caption={t('sen2.placement.caption')}
            head={[t('sen2.placement.where'), t('sen2.placement.kind'), t('sen2.placement.entryDate'), t('sen2.placement.leavingDate')]}
            rows={placements.map((p) => [p.settingName ?? t('sen2.placement.noSetting'), p.settingCode ? t(placementKeys[p.settingCode] ?? 'sen2.placement.unknownKind') : t('sen2.placement.noKind'), formatDate(p.entryDate, locale), p.leavingDate ? formatDate(p.leavingDate, locale) : t('sen2.placement.stillThere')])}
          />
        )}
        <Form method="post" noValidate key={`placement-${formKey}`}>
          <input type="hidden" name="intent" value="placement" />
          <input type="hidden" name="formKey" value={(placementFailed ? values.formKey : undefined) ?? freshKey} />
          <h3 className="govuk-heading-s">{t('sen2.placement.addHeading')}</h3>
          {/* The return identifies a placement by the setting's URN or UKPRN, or failing those by its SENsetting type (guide 2025 v1.4). */}
          <Select name="settingId" label={t('sen2.placement.setting')} hint={t('sen2.placement.settingHint')} error={errors.settingId} choices={settings.map((s) => ({ value: s.id, label: s.name }))} defaultValue={placementFailed ? values.settingId : ''} emptyLabel={t('sen2.placement.noSetting')} />
          <Select name="settingCode" label={t('sen2.placement.kind')} hint={t('sen2.placement.kindHint')} error={errors.settingCode} choices={choices(placementKeys)} defaultValue={placementFailed ? values.settingCode : ''} emptyLabel={t('sen2.placement.noKind')} />
          <DateInput name="entryDate" legend={t('sen2.placement.entryDate')} error={errors.entryDate} values={{ day: placementFailed ? (values['entryDate-day'] ?? '') : '', month: placementFailed ? (values['entryDate-month'] ?? '') : '', year: placementFailed ? (values['entryDate-year'] ?? '') : '' }} />
          <DateInput name="leavingDate" legend={t('sen2.placement.leavingDate')} hint={t('sen2.placement.leavingHint')} error={errors.leavingDate} values={{ day: placementFailed ? (values['leavingDate-day'] ?? '') : '', month: placementFailed ? (values['leavingDate-month'] ?? '') : '', year: placementFailed ? (values['leavingDate-year'] ?? '') : '' }} />
          <SubmitButton variant="secondary">{t('sen2.placement.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
