import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRequestAccess } from '~/auth/access.server';
import { readForm } from '~/forms/form.server';
import { sectionBySlug } from '~/forms/request-sections';
import { sectionValues, validateSection } from '~/forms/request.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { saveSection } from '~/services/requests.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { Checkboxes, Radios, TextInput, Textarea } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  title: (data, t) => {
    const slug = (data as { slug?: string } | undefined)?.slug;
    const section = sectionBySlug(slug);
    return section ? t(section.titleKey) : t('request.taskList.title');
  },
};

async function authorise(request: Request, params: LoaderFunctionArgs['params'], action: 'read' | 'contribute') {
  const section = sectionBySlug(params.section);
  const access = await requireRequestAccess(request, params.requestId ?? '', action);
  if (!section) throw new Response('Not Found', { status: 404 });
  if (access.requestRow.status !== 'draft') throw redirect(`/cases/${access.requestRow.caseId}`);
  return { ...access, section };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requestRow, section, child } = await authorise(request, params, 'read');
  return json({ requestId: requestRow.id, slug: section.slug, saved: requestRow.answers[section.slug] ?? {}, childName: `${child.firstName} ${child.lastName}` });
}

/**
 * Every save keeps what was typed: a valid page is saved and the family returns to the task
 * list; an invalid one is shown again with its errors (and "save and come back later" saves
 * whatever is there without checking it).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { requestRow, section } = await authorise(request, params, 'contribute');
  const values = await readForm(request);
  const answers = sectionValues(section, values);
  if (values.intent === 'save-draft') {
    await saveSection(requestRow.id, section.slug, answers);
    return redirect(`/requests/${requestRow.id}`);
  }
  const result = validateSection(section, answers);
  if (!result.ok) {
    await saveSection(requestRow.id, section.slug, answers);
    return formFailure(result.errors, answers);
  }
  await saveSection(requestRow.id, section.slug, result.answers);
  return redirect(values.returnTo === 'check' ? `/requests/${requestRow.id}/check` : `/requests/${requestRow.id}`);
}

export default function RequestSection() {
  const { t } = useTranslation();
  const { requestId, slug, saved, childName } = useLoaderData<typeof loader>();
  const { errors, values: posted, formKey } = useFormResult();
  const section = sectionBySlug(slug)!;
  const values: Record<string, string> = Object.keys(posted).length > 0 ? posted : saved;
  const [search] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/requests/${requestId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={section.fields.map((f) => f.name)} />
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">{t(section.titleKey)}</h1>
        {section.introKey ? <p className="govuk-body">{t(section.introKey)}</p> : null}
        <Form method="post" noValidate key={formKey}>
          {search.get('returnTo') === 'check' ? <input type="hidden" name="returnTo" value="check" /> : null}
          {section.fields.map((field) => {
            const common = {
              name: field.name,
              error: errors[field.name],
              hint: field.hintKey ? t(field.hintKey) : undefined,
            };
            const label = field.optional ? t('request.optionalLabel', { label: t(field.labelKey) }) : t(field.labelKey);
            switch (field.kind) {
              case 'text':
                return <TextInput key={field.name} {...common} label={label} defaultValue={values[field.name]} />;
              case 'textarea':
                return <Textarea key={field.name} {...common} label={label} defaultValue={values[field.name]} rows={6} />;
              case 'radios':
                return <Radios key={field.name} {...common} legend={label} inline defaultValue={values[field.name]} choices={(field.choices ?? []).map((c) => ({ value: c.value, label: t(c.labelKey) }))} />;
              case 'checkboxes':
                return (
                  <Checkboxes
                    key={field.name}
                    {...common}
                    legend={label}
                    checked={(values[field.name] ?? '').split(',')}
                    choices={(field.choices ?? []).map((c) => ({ value: c.value, label: t(c.labelKey) }))}
                  />
                );
            }
          })}
          <div className="govuk-button-group">
            <SubmitButton name="intent" value="continue">
              {t('request.saveAndContinue')}
            </SubmitButton>
            <SubmitButton variant="secondary" name="intent" value="save-draft">
              {t('request.saveForLater')}
            </SubmitButton>
          </div>
        </Form>
      </div>
    </div>
  );
}
