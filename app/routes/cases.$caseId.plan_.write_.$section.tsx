import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { planSections, sectionShapes, senNeedTypes, settingKinds, settingsWithoutUrn, type PlanSection } from '~/domain/plan-content';
import { CaseCaption } from '~/features/case-progress';
import { needFieldKeys, outcomeFieldKeys, provisionFieldKeys, senNeedKeys, settingCodeKeys, settingFieldKeys, settingKindKeys } from '~/features/plan';
import { planVersion, planVersionsOf, savePlanSection, sectionFormValues, sectionFromForm } from '~/features/plan/index.server';
import type { FormValues } from '~/forms/form.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { planSectionKeys } from '~/ui/advice-labels';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { Checkboxes, Radios, Select, Textarea, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['plan', 'advice', 'case', 'requests'],
  title: (data, t) => {
    const section = (data as { section?: PlanSection } | undefined)?.section;
    return section ? t(planSectionKeys[section]) : t('planWrite.title');
  },
};

function sectionOf(param: string | undefined): PlanSection {
  const section = planSections.find((s) => s === param);
  if (!section) throw new Response('Not Found', { status: 404 });
  return section;
}

/** One section of the version being written, as a form; saved as the caseworker goes. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const section = sectionOf(params.section);
  const writing = (await planVersionsOf(caseRecord.id)).find((v) => !v.issuedOn);
  if (!writing) throw redirect(`/cases/${caseRecord.id}/plan/write`);
  const version = await planVersion(caseRecord.id, writing.number, true);
  return json({ caseId: caseRecord.id, section, saved: sectionFormValues(section, version!.content[section]) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const section = sectionOf(params.section);
  const values = await readForm(request);
  const form = sectionFromForm(section, values);
  if (!form.ok) return formFailure(form.errors, values);
  const saved = await savePlanSection(user, caseRecord.id, section, form.content);
  // Shown again from what was read, so each error's row number matches the row on the page.
  if (!saved.ok) return formFailure(saved.errors, sectionFormValues(section, form.content));
  return redirect(values.intent === 'more' ? `/cases/${caseRecord.id}/plan/write/${section}#new-item` : `/cases/${caseRecord.id}/plan/write`);
}

export default function WritePlanSection() {
  const { t } = useTranslation();
  const { caseId, section, saved } = useLoaderData<typeof loader>();
  const { errors, values: returned, formKey } = useFormResult();
  const values: FormValues = Object.keys(returned).length > 0 ? returned : saved;
  const shape = sectionShapes[section];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/plan/write`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} />
        <CaseCaption />
        <Form method="post" noValidate key={formKey}>
          <Textarea name="text" label={t(planSectionKeys[section])} hint={t(sectionHintKeys[section])} error={errors.text} defaultValue={values.text} rows={8} isPageHeading />
          {shape === 'needs' ? <NeedsFields values={values} errors={errors} /> : null}
          {shape === 'outcomes' ? <ListFields list="outcomes" fields={['outcome', 'byWhen', 'steps']} values={values} errors={errors} /> : null}
          {shape === 'provision' ? <ListFields list="provision" fields={['what', 'who', 'howOften', 'forHowLong']} values={values} errors={errors} /> : null}
          {shape === 'setting' ? <SettingFields values={values} errors={errors} /> : null}
          {shape === 'budget' ? (
            <Radios
              name="personalBudget"
              legend={t('planWrite.budget.legend')}
              error={errors.personalBudget}
              defaultValue={values.personalBudget ?? 'no'}
              inline
              choices={[
                { value: 'yes', label: t('planWrite.yes') },
                { value: 'no', label: t('planWrite.no') },
              ]}
            />
          ) : null}
          <div className="govuk-button-group">
            <SubmitButton name="intent" value="save">
              {t('planWrite.save')}
            </SubmitButton>
            {shape === 'outcomes' || shape === 'provision' ? (
              <SubmitButton name="intent" value="more" variant="secondary">
                {t(listKeys[shape].addAnother)}
              </SubmitButton>
            ) : null}
          </div>
        </Form>
      </div>
    </div>
  );
}

type FieldsProps = { values: FormValues; errors: Record<string, string> };

/** What each section asks the caseworker to write (SEND Code of Practice 9.62). */
const sectionHintKeys: Record<PlanSection, string> = {
  A: 'planWrite.hint.A',
  B: 'planWrite.hint.B',
  C: 'planWrite.hint.C',
  D: 'planWrite.hint.D',
  E: 'planWrite.hint.E',
  F: 'planWrite.hint.F',
  G: 'planWrite.hint.G',
  H1: 'planWrite.hint.H1',
  H2: 'planWrite.hint.H2',
  I: 'planWrite.hint.I',
  J: 'planWrite.hint.J',
  K: 'planWrite.hint.K',
};

const listKeys = {
  outcomes: { heading: 'planWrite.outcomes.heading', new: 'planWrite.outcomes.new', item: 'planVersions.outcome.heading', remove: 'planWrite.outcomes.remove', addAnother: 'planWrite.outcomes.addAnother' },
  provision: { heading: 'planWrite.provision.heading', new: 'planWrite.provision.new', item: 'planVersions.provision.heading', remove: 'planWrite.provision.remove', addAnother: 'planWrite.provision.addAnother' },
} as const;

function NeedsFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation();
  const choices = senNeedTypes.map((code) => ({ value: code, label: t(senNeedKeys[code]) }));
  return (
    <>
      <Select name="needs.primary" label={t(needFieldKeys.primary)} hint={t('planWrite.needs.primaryHint')} error={errors['needs.primary']} defaultValue={values['needs.primary']} choices={choices} emptyLabel={t('planWrite.choose')} />
      <Select name="needs.secondary" label={t(needFieldKeys.secondary)} error={errors['needs.secondary']} defaultValue={values['needs.secondary']} choices={choices} emptyLabel={t('planWrite.none')} />
    </>
  );
}

function SettingFields({ values, errors }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="govuk-fieldset">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{t('planWrite.setting.legend')}</legend>
      <TextInput name="setting.name" label={t(settingFieldKeys.name)} error={errors['setting.name']} defaultValue={values['setting.name']} />
      <Select
        name="setting.kind"
        label={t(settingFieldKeys.kind)}
        error={errors['setting.kind']}
        defaultValue={values['setting.kind']}
        choices={settingKinds.map((kind) => ({ value: kind, label: t(settingKindKeys[kind]) }))}
        emptyLabel={t('planWrite.choose')}
      />
      <TextInput name="setting.urn" label={t(settingFieldKeys.urn)} hint={t('planWrite.setting.urnHint')} error={errors['setting.urn']} defaultValue={values['setting.urn']} inputMode="numeric" widthClass="govuk-input--width-10" />
      <TextInput name="setting.ukprn" label={t(settingFieldKeys.ukprn)} hint={t('planWrite.setting.ukprnHint')} error={errors['setting.ukprn']} defaultValue={values['setting.ukprn']} inputMode="numeric" widthClass="govuk-input--width-10" />
      <Select
        name="setting.withoutUrn"
        label={t(settingFieldKeys.withoutUrn)}
        hint={t('planWrite.setting.withoutUrnHint')}
        error={errors['setting.withoutUrn']}
        defaultValue={values['setting.withoutUrn']}
        choices={settingsWithoutUrn.map((code) => ({ value: code, label: t(settingCodeKeys[code]) }))}
        emptyLabel={t('planWrite.none')}
      />
    </fieldset>
  );
}

/** The rows already written, then one empty row to add another (left empty, it is ignored). */
function ListFields({ list, fields, values, errors }: FieldsProps & { list: 'outcomes' | 'provision'; fields: readonly string[] }) {
  const { t } = useTranslation();
  let count = 0;
  while (fields.some((field) => values[`${list}[${count}].${field}`] !== undefined)) count++;
  const multiLine = new Set(['outcome', 'steps', 'what']);
  const keys = listKeys[list];
  const label = (field: string) => t((list === 'outcomes' ? outcomeFieldKeys : provisionFieldKeys)[field as never]);
  return (
    <>
      <h2 className="govuk-heading-m">{t(keys.heading)}</h2>
      {Array.from({ length: count + 1 }, (_, index) => {
        const isNew = index === count;
        const name = (field: string) => `${list}[${index}].${field}`;
        return (
          <fieldset className="govuk-fieldset app-plan-item" key={index} id={isNew ? 'new-item' : undefined}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              {isNew ? t(keys.new) : t(keys.item, { number: index + 1 })}
            </legend>
            {isNew ? null : <input type="hidden" name={name('id')} value={values[name('id')] ?? ''} />}
            {fields.map((field) =>
              multiLine.has(field) ? (
                <Textarea key={field} name={name(field)} label={label(field)} error={errors[name(field)]} defaultValue={values[name(field)]} rows={3} />
              ) : (
                <TextInput key={field} name={name(field)} label={label(field)} error={errors[name(field)]} defaultValue={values[name(field)]} />
              ),
            )}
            {isNew ? null : <Checkboxes name={name('remove')} legend={<span className="govuk-visually-hidden">{t(keys.item, { number: index + 1 })}</span>} choices={[{ value: 'yes', label: t(keys.remove) }]} checked={[]} />}
          </fieldset>
        );
      })}
    </>
  );
}
