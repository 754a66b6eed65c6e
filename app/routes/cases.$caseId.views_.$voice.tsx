import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireCaseAccess } from '~/auth/access.server';
import { audienceOf } from '~/auth/policy';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from '~/domain/file-types';
import { parseViewsForm, saveViews, viewsAreOpen, viewsOfCase } from '~/features/case-progress/index.server';
import { optionalFileField, withMultipartForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { storeUpload } from '~/features/documents/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount, FileUpload } from '~/ui/govuk/fields';
import { VIEWS_ANSWER_MAX_LENGTH } from '~/forms/text-limits';
import { viewQuestions } from '~/ui/advice-labels';
import type { ViewVoice } from '../../db/schema';
import { DocumentLinks } from '~/features/documents';
import { useCaseLayout } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['requests', 'case', 'advice', 'plan'], titleKey: 'views.edit.title' };

/** Only the family writes views, each their own (a parent may also write down a young child's words). */
async function authorise(request: Request, caseId: string, voiceParam: string | undefined) {
  const voice: ViewVoice | null = voiceParam === 'parent' || voiceParam === 'child' ? voiceParam : null;
  // A young person with their own account speaks for themselves: a parent writes only their own views.
  if (!voice) {
    await requireCaseAccess(request, caseId, 'read:views');
    throw deniedResponse('not_found');
  }
  const access = await requireCaseAccess(request, caseId, voice === 'child' ? 'write:child-views' : 'write:parent-views');
  return { ...access, voice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, voice } = await authorise(request, params.caseId ?? '', params.voice);
  const [views, open] = await Promise.all([viewsOfCase(caseRecord.id), viewsAreOpen(caseRecord)]);
  const mine = views.find((v) => v.voice === voice && (voice === 'child' || v.writerId === user.id)) ?? null;
  return json({
    caseId: caseRecord.id,
    voice,
    ownWords: voice === 'parent' || audienceOf(user) === 'young_person',
    open,
    saved: mine,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord, voice } = await authorise(request, params.caseId ?? '', params.voice);
  // One form: the answers and, optionally, a picture. A refused picture keeps everything typed.
  return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
    const { values } = form;
    if (form.broken) return formFailure({ form: 'errors.generic' }, {});
    if (!(await viewsAreOpen(caseRecord))) return formFailure({ form: 'errors.views.closed' }, values);
    const parsed = parseViewsForm({ ...values, voice });
    if (!parsed.ok) return formFailure(parsed.errors, values);
    const field = optionalFileField(form, 'file');
    if (!field.ok) return formFailure({ file: field.error }, values);
    const { file } = field;
    const { voice: _voice, ...text } = parsed.data;
    const outcome = await saveViews(user, caseRecord, voice, text);
    if (!outcome.ok) return formFailure({ form: outcome.error }, values);
    if (file) {
      const stored = await storeUpload({ file, uploadedBy: user.id, caseId: caseRecord.id, familyViewsId: outcome.id, kind: 'views_picture' });
      if (!stored.ok) return formFailure({ file: stored.error }, values);
    }
    return redirect(`/cases/${caseRecord.id}/views`);
  });
}

export default function EditViews() {
  const { t } = useTranslation();
  const { caseId, voice, ownWords, open, saved } = useLoaderData<typeof loader>();
  const { childGivenName: childFirstName } = useCaseLayout();
  const { errors, values, formKey } = useFormResult();
  const heading = voice === 'parent' ? t('views.edit.parentHeading') : ownWords ? t('views.edit.ownHeading') : t('views.edit.childHeading', { name: childFirstName });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/views`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'likeAndAdmire', 'importantNow', 'importantFuture', 'howToSupport', 'hopes', 'file']} />
        <h1 className="govuk-heading-l">{heading}</h1>
        {!open ? (
          <InsetText>{t('views.closed')}</InsetText>
        ) : (
          <>
            <p className="govuk-body">{t(voice === 'parent' ? 'views.edit.parentIntro' : ownWords ? 'views.edit.ownIntro' : 'views.edit.childIntro', { name: childFirstName })}</p>
            <Form method="post" encType="multipart/form-data" noValidate key={formKey}>
              {viewQuestions.map(([field, key]) => (
                <CharacterCount key={field} name={field} label={t(key, { name: childFirstName })} error={errors[field]} defaultValue={values[field] ?? saved?.[field] ?? ''} rows={4} maxLength={VIEWS_ANSWER_MAX_LENGTH} />
              ))}
              <h2 className="govuk-heading-m">{t('views.edit.picturesHeading')}</h2>
              <DocumentLinks files={saved?.pictures ?? []} />
              <FileUpload name="file" label={t('views.edit.pictureLabel')} hint={t('views.edit.pictureHint')} error={errors.file} accept={UPLOAD_ACCEPT} />
              <SubmitButton>{t('views.edit.save')}</SubmitButton>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
