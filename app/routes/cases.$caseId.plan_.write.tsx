import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { planSections, type PlanSection } from '~/domain/plan-content';
import { CaseCaption } from '~/features/case-progress';
import { planVersionNameKeys } from '~/features/plan';
import { issuePlanVersion, PLAN_WRITING_STAGES, planVersionsOf, planVersion, versionBeingWritten } from '~/features/plan/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { planSectionKeys } from '~/ui/advice-labels';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton, Tag } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['plan', 'advice', 'case'], titleKey: 'planWrite.title' };

/**
 * Writing the plan (the council's page): the version being written as a task list of sections
 * A to K, each opened on its own page and saved as the caseworker goes; issuing it checks that
 * what a draft or a final plan needs is there, fixes the version and moves the case.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const versions = await planVersionsOf(caseRecord.id);
  const writing = versions.find((v) => !v.issuedOn);
  const content = writing ? (await planVersion(caseRecord.id, writing.number, true))?.content : undefined;
  const written = Object.fromEntries(planSections.map((s) => [s, content ? sectionWritten(content[s]) : false])) as Record<PlanSection, boolean>;
  return json({ caseId: caseRecord.id, writing: writing ?? null, written, canStart: PLAN_WRITING_STAGES.includes(caseRecord.stage) });
}

function sectionWritten(section: { text: string; outcomes?: unknown[]; provision?: unknown[]; needs?: { primary: string }; setting?: { name: string } }) {
  return Boolean(section.text || section.outcomes?.length || section.provision?.length || section.needs?.primary || section.setting?.name);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const values = await readForm(request);
  if (values.intent === 'start') {
    const started = await versionBeingWritten(user, caseRecord);
    if (!started) return formFailure({ form: 'errors.plan.notYet' }, {});
    return redirect(`/cases/${caseRecord.id}/plan/write`);
  }
  if (values.intent === 'issue') {
    const issued = await issuePlanVersion(user, caseRecord);
    if (issued.ok) return redirect(`/cases/${caseRecord.id}/plan/versions/${issued.number}`);
    if ('missing' in issued) {
      // One line per section, linking to it (the first thing missing in each).
      const errors: Record<string, string> = {};
      for (const missing of issued.missing) errors[`section-${missing.section}`] ??= missing.key;
      return formFailure(errors, {});
    }
    return formFailure({ form: issued.error }, {});
  }
  return formFailure({ form: 'errors.generic' }, {});
}

const issueKeys = {
  draft: { heading: 'planWrite.issueHeading.draft', body: 'planWrite.issueBody.draft', button: 'planWrite.issue.draft' },
  final: { heading: 'planWrite.issueHeading.final', body: 'planWrite.issueBody.final', button: 'planWrite.issue.final' },
  amended: { heading: 'planWrite.issueHeading.amended', body: 'planWrite.issueBody.amended', button: 'planWrite.issue.amended' },
} as const;

export default function WritePlan() {
  const { t } = useTranslation();
  const { caseId, writing, written, canStart } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/plan`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} valuesFor={(field) => ({ section: field.replace('section-', '') })} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{writing ? t(planVersionNameKeys[writing.kind], { number: writing.number }) : t('planWrite.title')}</h1>
        {!writing ? (
          canStart ? (
            <Form method="post">
              <p className="govuk-body">{t('planWrite.startIntro')}</p>
              <SubmitButton name="intent" value="start">
                {t('planWrite.start')}
              </SubmitButton>
            </Form>
          ) : (
            <p className="govuk-body">{t('planWrite.notYet')}</p>
          )
        ) : (
          <>
            <p className="govuk-body">{t('planWrite.intro')}</p>
            <ul className="govuk-task-list">
              {planSections.map((section) => (
                <li className="govuk-task-list__item govuk-task-list__item--with-link" key={section} id={`section-${section}`}>
                  <div className="govuk-task-list__name-and-hint">
                    <Link className="govuk-link govuk-task-list__link" to={`/cases/${caseId}/plan/write/${section}`} aria-describedby={`section-${section}-status`}>
                      {t(planSectionKeys[section])}
                    </Link>
                  </div>
                  <div className="govuk-task-list__status" id={`section-${section}-status`}>
                    {written[section] ? t('planWrite.status.written') : <Tag colour="blue">{t('planWrite.status.notWritten')}</Tag>}
                  </div>
                </li>
              ))}
            </ul>
            <h2 className="govuk-heading-m">{t(issueKeys[writing.kind].heading)}</h2>
            <p className="govuk-body">{t(issueKeys[writing.kind].body)}</p>
            <Form method="post">
              <SubmitButton name="intent" value="issue">
                {t(issueKeys[writing.kind].button)}
              </SubmitButton>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
