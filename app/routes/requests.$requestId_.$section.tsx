import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requireRequestAccess } from '~/auth/access.server';
import type { FieldErrors } from '~/forms/errors';
import { readForm } from '~/forms/form.server';
import { loadEnhancedSectionForm, sectionBySlug, SectionFields, type SectionSpec } from '~/features/requests';
import { saveSection, sectionValues, unsavableAnswers, validateSection } from '~/features/requests/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink } from '~/ui/govuk/content';
import { personName } from '~/domain/names';

export const handle: PageHandle = {
  namespaces: ['requests'],
  title: (data, t) => {
    const slug = (data as { slug?: string } | undefined)?.slug;
    const section = sectionBySlug(slug);
    return section ? t(section.titleKey) : t('request.taskList.title');
  },
};

async function authorise(request: Request, params: LoaderFunctionArgs['params'], permission: 'read:request' | 'edit:request') {
  const section = sectionBySlug(params.section);
  const access = await requireRequestAccess(request, params.requestId ?? '', permission);
  if (!section) throw new Response('Not Found', { status: 404 });
  if (access.requestRow.status !== 'draft') throw redirect(`/cases/${access.requestRow.caseId}`);
  return { ...access, section };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requestRow, section, child } = await authorise(request, params, 'read:request');
  return json({ requestId: requestRow.id, slug: section.slug, saved: requestRow.answers[section.slug] ?? {}, childName: personName(child) });
}

/**
 * Every save keeps what was typed: a valid page is saved and the family returns to the task
 * list; an invalid one is shown again with its errors (and "save and come back later" saves
 * whatever is there without checking it).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { requestRow, section } = await authorise(request, params, 'edit:request');
  const values = await readForm(request);
  const answers = sectionValues(section, values);
  // Saved even when invalid (nothing typed is lost), but never with a control character in it.
  const unsavable = unsavableAnswers(answers);
  if (Object.keys(unsavable).length > 0) return formFailure(unsavable, answers);
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
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/requests/${requestId}`}>{t('common.back')}</BackLink>
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">{t(section.titleKey)}</h1>
        {section.introKey ? <p className="govuk-body">{t(section.introKey)}</p> : null}
        <SectionForm key={formKey} section={section} values={values} serverErrors={errors} />
      </div>
    </div>
  );
}

type Enhanced = Awaited<ReturnType<typeof loadEnhancedSectionForm>>['default'];

/**
 * The plain form first (all that runs without JavaScript); once the page is interactive the
 * browser-side validation (react-hook-form and the section's schema) loads as its own chunk and
 * takes over, starting from whatever is in the fields. Keyed by the server's answer, so each
 * answer starts afresh.
 */
function SectionForm({ section, values, serverErrors }: { section: SectionSpec; values: Record<string, string>; serverErrors: FieldErrors }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [enhanced, setEnhanced] = useState<{ Form: Enhanced; values: Record<string, string> } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void loadEnhancedSectionForm().then((module) => {
      if (cancelled) return;
      const typed = formRef.current ? formValuesOf(formRef.current) : values;
      setEnhanced({ Form: module.default, values: typed });
    });
    return () => {
      cancelled = true;
    };
  }, [section, values]);
  if (enhanced) return <enhanced.Form section={section} values={enhanced.values} serverErrors={serverErrors} />;
  return (
    <>
      <ErrorSummary errors={serverErrors} fieldOrder={section.fields.map((f) => f.name)} />
      <Form method="post" noValidate ref={formRef}>
        <SectionFields section={section} values={values} errors={serverErrors} />
      </Form>
    </>
  );
}

/** What the fields hold now, checkboxes joined with commas as the server reads them. */
function formValuesOf(form: HTMLFormElement) {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === 'string') values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}
