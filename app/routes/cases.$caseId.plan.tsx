import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from '~/domain/file-types';
import { addComment, parseCommentForm, parsePreferencesForm, PLAN_WRITING_STAGES, planOf, planVersionsOf, savePreferences } from '~/features/plan/index.server';
import { planVersionNameKeys } from '~/features/plan';
import { fileField, readForm, withMultipartForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime, formatDateWithWeekday } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { storeUpload } from '~/features/documents/index.server';
import { commentResponseKeys, planSectionKeys } from '~/ui/advice-labels';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, NotificationBanner, SubmitButton, SummaryList, Tag } from '~/ui/govuk/content';
import { CharacterCount, Checkboxes, FileUpload, Select, TextInput } from '~/ui/govuk/fields';
import { PLAN_COMMENT_MAX_LENGTH } from '~/forms/text-limits';
import type { PlanSection } from '../../db/schema';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['case', 'advice', 'plan'], titleKey: 'plan.title' };

/** Stages at which the caseworker may add the plan document (from agreeing to issue a plan onwards). */
const UPLOAD_STAGES = ['plan_agreed', 'draft_plan_issued', 'final_plan_issued', 'plan_maintained'];

/** Before the draft is sent, a plan added is the draft; once it is out, the final plan (which must be on the case before it is recorded as issued). */
const uploadKindAt = (stage: string) => (stage === 'plan_agreed' ? ('draft_plan' as const) : ('final_plan' as const));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:plan');
  const [plan, versions] = await Promise.all([planOf(caseRecord), planVersionsOf(caseRecord.id)]);
  const staff = decide(user, 'record:decision', subject) === 'allow';
  // The family's comments and preferences are their own words: read by those who read the family's views, never by the child's setting.
  const familyWords = decide(user, 'read:views', subject) === 'allow';
  return json({
    caseId: caseRecord.id,
    plan: {
      ...plan,
      // The family sees what the LA did about each comment once the final plan is issued.
      comments: !familyWords ? [] : staff || plan.finalIssued ? plan.comments : plan.comments.map((c) => ({ ...c, response: null, responseReasons: null })),
      preferences: familyWords ? plan.preferences : [],
    },
    staff,
    // The family and advisers see issued versions only; the council also the one being written.
    versions: versions.filter((v) => v.issuedOn),
    writing: staff ? (versions.find((v) => !v.issuedOn) ?? null) : null,
    canWrite: staff && PLAN_WRITING_STAGES.includes(caseRecord.stage),
    canUpload: staff && UPLOAD_STAGES.includes(caseRecord.stage),
    uploadKind: uploadKindAt(caseRecord.stage),
    canComment: decide(user, 'comment:plan', subject) === 'allow' && plan.commentWindowOpen,
    myPreferences: plan.preferences.find((p) => p.authorId === user.id) ?? null,
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const contentType = request.headers.get('Content-Type') ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
    if (!UPLOAD_STAGES.includes(caseRecord.stage)) return formFailure({ file: 'errors.plan.uploadStage' }, {});
    return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
      const field = fileField(form, 'file');
      if (!field.ok) return formFailure({ file: field.error }, {});
      const { file } = field;
      const kind = uploadKindAt(caseRecord.stage);
      const stored = await storeUpload({ file, uploadedBy: user.id, caseId: caseRecord.id, kind });
      if (!stored.ok) return formFailure({ file: stored.error }, {});
      return redirect(`/cases/${caseRecord.id}/plan`);
    });
  }
  // Comments and preferences are the family's own; staff answer comments on their own page.
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'comment:plan');
  const values = await readForm(request);
  if (values.intent === 'preferences') {
    const parsed = parsePreferencesForm(values);
    if (!parsed.ok) return formFailure(parsed.errors, values);
    const outcome = await savePreferences(user, caseRecord, parsed.data);
    if (!outcome.ok) return formFailure({ form: outcome.error }, values);
    return redirect(`/cases/${caseRecord.id}/plan`);
  }
  const parsed = parseCommentForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await addComment(user, caseRecord, parsed.data);
  if (!outcome.ok) return formFailure({ form: outcome.error }, values);
  return redirect(`/cases/${caseRecord.id}/plan`);
}

const responseColours = { accepted: 'green', changed: 'blue', declined: 'orange' } as const;

export default function PlanPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, plan, staff, versions, writing, canWrite, canUpload, uploadKind, canComment, myPreferences, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="app-no-print">
          <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        </div>
        <ErrorSummary errors={errors} fieldOrder={['form', 'section', 'body', 'preferredSetting', 'file']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t(plan.finalIssued ? 'plan.headingFinal' : 'plan.heading')}</h1>
        {!plan.draftIssued ? <p className="govuk-body">{t('plan.notYet')}</p> : null}
        {plan.draftIssued && plan.lastDay && !plan.finalIssued ? (
          plan.commentWindowOpen ? (
            <NotificationBanner title={t('plan.deadlineTitle')}>
              <p className="govuk-notification-banner__heading">{t('plan.lastDay', { date: formatDateWithWeekday(plan.lastDay, locale) })}</p>
              <p className="govuk-body">{t('plan.lastDayBody')}</p>
            </NotificationBanner>
          ) : (
            <InsetText>{t('plan.windowClosed', { date: formatDate(plan.lastDay, locale) })}</InsetText>
          )
        ) : null}

        {versions.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('planWrite.versionsHeading')}</h2>
            <ul className="govuk-list">
              {versions.map((v) => (
                <li key={v.id}>
                  <Link className="govuk-link" to={`/cases/${caseId}/plan/versions/${v.number}`}>
                    {t(planVersionNameKeys[v.kind], { number: v.number })}
                  </Link>{' '}
                  {v.issuedOn ? t('planWrite.issuedOn', { date: formatDate(v.issuedOn, locale) }) : null}
                </li>
              ))}
            </ul>
            {versions.length > 1 ? (
              <p className="govuk-body">
                <Link className="govuk-link" to={`/cases/${caseId}/plan/compare`}>
                  {t('planVersions.compareLink')}
                </Link>
              </p>
            ) : null}
          </>
        ) : null}
        {canWrite ? (
          <p className="govuk-body app-no-print">
            <Link className="govuk-link" to={`/cases/${caseId}/plan/write`}>
              {writing ? t('planWrite.continue', { number: writing.number }) : t('planWrite.title')}
            </Link>
          </p>
        ) : null}

        {plan.documents.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('plan.documents')}</h2>
            <ul className="govuk-list">
              {plan.documents.map((d) => (
                <li key={d.id}>
                  <a className="govuk-link" href={`/documents/${d.id}`}>
                    {t(d.kind === 'final_plan' ? 'plan.finalFile' : 'plan.draftFile', { name: d.name, size: d.sizeKb })}
                  </a>{' '}
                  <span className="govuk-body-s">{t('plan.uploadedAt', { date: formatDateTime(d.uploadedAt, locale) })}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {canUpload ? (
          <Form method="post" encType="multipart/form-data" key={`upload-${formKey}`} className="app-no-print">
            <FileUpload name="file" label={t(uploadKind === 'final_plan' ? 'plan.uploadFinal' : 'plan.uploadDraft')} hint={t('plan.uploadHint')} error={errors.file} accept={UPLOAD_ACCEPT} />
            <SubmitButton variant="secondary">{t('plan.upload')}</SubmitButton>
          </Form>
        ) : null}

        {plan.comments.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t(plan.finalIssued ? 'plan.commentsFinal' : 'plan.comments')}</h2>
            {plan.comments.map((c) => (
              <div key={c.id} className="govuk-summary-card">
                <div className="govuk-summary-card__title-wrapper">
                  <h3 className="govuk-summary-card__title">{t(planSectionKeys[c.section])}</h3>
                  {staff ? (
                    <ul className="govuk-summary-card__actions app-no-print">
                      <li className="govuk-summary-card__action">
                        <Link className="govuk-link" to={`/cases/${caseId}/plan/comments/${c.id}`}>
                          {t('plan.respond')}
                          <span className="govuk-visually-hidden"> {t(planSectionKeys[c.section])}</span>
                        </Link>
                      </li>
                    </ul>
                  ) : null}
                </div>
                <div className="govuk-summary-card__content">
                  <p className="govuk-body-s">{t('plan.commentBy', { name: c.authorName, date: formatDateTime(c.createdAt, locale) })}</p>
                  <p className="govuk-body app-pre-line">{c.body}</p>
                  {c.response ? (
                    <>
                      <h4 className="govuk-heading-s">{t('plan.whatWeDid')}</h4>
                      <p className="govuk-body">
                        <Tag colour={responseColours[c.response]}>{t(commentResponseKeys[c.response])}</Tag>
                      </p>
                      {c.responseReasons ? <p className="govuk-body app-pre-line">{c.responseReasons}</p> : null}
                    </>
                  ) : staff ? (
                    <p className="govuk-body">
                      <Tag colour="grey">{t('plan.notAnswered')}</Tag>
                    </p>
                  ) : null}
                </div>
              </div>
            ))}
          </>
        ) : null}

        {plan.preferences.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('plan.preferencesHeading')}</h2>
            <SummaryList
              rows={plan.preferences.flatMap((p) => [
                { key: t('plan.preferredSettingOf', { name: p.authorName }), value: p.preferredSetting || t('plan.noneGiven') },
                { key: t('plan.meetingOf', { name: p.authorName }), value: t(p.meetingRequested ? 'plan.meetingYes' : 'plan.meetingNo') },
              ])}
            />
          </>
        ) : null}

        {canComment ? (
          <section className="app-no-print">
            <h2 className="govuk-heading-m">{t('plan.commentHeading')}</h2>
            <Form method="post" noValidate key={`comment-${formKey}`}>
              <input type="hidden" name="intent" value="comment" />
              <input type="hidden" name="formKey" value={values.intent === 'comment' && values.formKey ? values.formKey : freshKey} />
              <Select
                name="section"
                label={t('plan.sectionLabel')}
                error={errors.section}
                defaultValue={values.intent === 'comment' ? values.section : undefined}
                emptyLabel={t('plan.sectionEmpty')}
                choices={(Object.keys(planSectionKeys) as PlanSection[]).map((s) => ({ value: s, label: t(planSectionKeys[s]) }))}
              />
              <CharacterCount name="body" label={t('plan.bodyLabel')} hint={t('plan.bodyHint')} error={errors.body} defaultValue={values.intent === 'comment' ? values.body : undefined} rows={5} maxLength={PLAN_COMMENT_MAX_LENGTH} />
              <SubmitButton>{t('plan.addComment')}</SubmitButton>
            </Form>
            <h2 className="govuk-heading-m">{t('plan.preferencesFormHeading')}</h2>
            <Form method="post" noValidate key={`prefs-${formKey}`}>
              <input type="hidden" name="intent" value="preferences" />
              <TextInput
                name="preferredSetting"
                label={t('plan.preferredSettingLabel')}
                hint={t('plan.preferredSettingHint')}
                error={errors.preferredSetting}
                defaultValue={values.intent === 'preferences' ? values.preferredSetting : (myPreferences?.preferredSetting ?? '')}
              />
              <Checkboxes
                name="meetingRequested"
                legend={t('plan.meetingLegend')}
                checked={(values.intent === 'preferences' ? values.meetingRequested === 'yes' : myPreferences?.meetingRequested) ? ['yes'] : []}
                choices={[{ value: 'yes', label: t('plan.meetingLabel') }]}
              />
              <SubmitButton variant="secondary">{t('plan.savePreferences')}</SubmitButton>
            </Form>
          </section>
        ) : null}
      </div>
    </div>
  );
}
