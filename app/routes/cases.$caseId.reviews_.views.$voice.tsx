import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireCaseAccess } from '~/auth/access.server';
import { audienceOf } from '~/auth/policy';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from '~/domain/file-types';
import { currentReview, parseReviewViewsForm, saveReviewViews, viewsOfReview } from '~/features/reviews/index.server';
import { storeUpload } from '~/features/documents/index.server';
import { optionalFileField, withMultipartForm } from '~/forms/form.server';
import { VIEWS_ANSWER_MAX_LENGTH } from '~/forms/text-limits';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount, FileUpload } from '~/ui/govuk/fields';
import { viewQuestions } from '~/ui/advice-labels';
import type { ViewVoice } from '../../db/schema';
import { DocumentLinks } from '~/features/documents';
import { CaseCaption, useCaseLayout } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['reviews', 'case', 'advice', 'plan', 'requests'], titleKey: 'reviews.views.title' };

/**
 * The family's views for the review, "All about me" (Section A) as for the assessment, pictures
 * welcome: the parent's own, and the child's or young person's (a young person writes their own;
 * a parent may write down a young child's words). Open until the council decides.
 */
async function authorise(request: Request, caseId: string, voiceParam: string | undefined) {
  const voice: ViewVoice | null = voiceParam === 'parent' || voiceParam === 'child' ? voiceParam : null;
  if (!voice) {
    await requireCaseAccess(request, caseId, 'read:review');
    throw deniedResponse('not_found');
  }
  const access = await requireCaseAccess(request, caseId, voice === 'child' ? 'write:child-views' : 'write:parent-views');
  return { ...access, voice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, voice } = await authorise(request, params.caseId ?? '', params.voice);
  const review = await currentReview(caseRecord.id);
  if (!review || review.completedOn) throw new Response('Not Found', { status: 404 });
  const views = await viewsOfReview(review.id);
  const mine = views.find((v) => v.voice === voice && (voice === 'child' || v.writerId === user.id)) ?? null;
  return json({ caseId: caseRecord.id, voice, ownWords: voice === 'parent' || audienceOf(user) === 'young_person', open: review.facts.decision === null, saved: mine });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord, voice } = await authorise(request, params.caseId ?? '', params.voice);
  return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
    const { values } = form;
    if (form.broken) return formFailure({ form: 'errors.generic' }, {});
    const parsed = parseReviewViewsForm({ ...values, voice });
    if (!parsed.ok) return formFailure(parsed.errors, values);
    const field = optionalFileField(form, 'file');
    if (!field.ok) return formFailure({ file: field.error }, values);
    const { voice: _voice, ...text } = parsed.data;
    const outcome = await saveReviewViews(user, caseRecord.id, voice, text);
    if (!outcome.ok) return formFailure({ form: outcome.error }, values);
    if (field.file) {
      const stored = await storeUpload({ file: field.file, uploadedBy: user.id, caseId: caseRecord.id, familyViewsId: outcome.id, kind: 'views_picture' });
      if (!stored.ok) return formFailure({ file: stored.error }, values);
    }
    return redirect(`/cases/${caseRecord.id}/reviews`);
  });
}

export default function ReviewViews() {
  const { t } = useTranslation();
  const { caseId, voice, ownWords, open, saved } = useLoaderData<typeof loader>();
  const { childGivenName } = useCaseLayout();
  const { errors, values, formKey } = useFormResult();
  const heading = voice === 'parent' ? t('reviews.views.parentFormHeading') : ownWords ? t('reviews.views.ownFormHeading') : t('reviews.views.childFormHeading', { name: childGivenName });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'likeAndAdmire', 'importantNow', 'importantFuture', 'howToSupport', 'hopes', 'file']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{heading}</h1>
        {!open ? (
          <InsetText>{t('reviews.views.closed')}</InsetText>
        ) : (
          <>
            <p className="govuk-body">{t('reviews.views.intro', { name: childGivenName })}</p>
            <Form method="post" encType="multipart/form-data" noValidate key={formKey}>
              {viewQuestions.map(([field, key]) => (
                <CharacterCount key={field} name={field} label={t(key, { name: childGivenName })} error={errors[field]} defaultValue={values[field] ?? saved?.[field] ?? ''} rows={4} maxLength={VIEWS_ANSWER_MAX_LENGTH} />
              ))}
              <h2 className="govuk-heading-m">{t('reviews.views.picturesHeading')}</h2>
              <DocumentLinks files={saved?.pictures ?? []} />
              <FileUpload name="file" label={t('reviews.views.pictureLabel')} hint={t('reviews.views.pictureHint')} error={errors.file} accept={UPLOAD_ACCEPT} />
              <SubmitButton>{t('reviews.views.save')}</SubmitButton>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
