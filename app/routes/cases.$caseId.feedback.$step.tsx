import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { easeScores, isFeedbackStep, satisfactionScores } from '~/domain/feedback';
import { CaseCaption } from '~/features/case-progress';
import { askKeys, easeKeys, satisfactionKeys } from '~/features/feedback';
import { answerSurvey, parseFeedbackAnswer, surveyState } from '~/features/feedback/index.server';
import { readForm } from '~/forms/form.server';
import { FEEDBACK_COMMENT_MAX_LENGTH } from '~/forms/text-limits';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount, Radios } from '~/ui/govuk/fields';

/** The family's feedback survey for one step of their case (ADR 0052): how satisfied, how easy, anything else. */
export const handle: PageHandle = { namespaces: ['case', 'feedback'], titleKey: 'feedback.survey.title' };

const FIELDS = ['satisfaction', 'ease', 'comment'];

/** The step named in the address; anything else is a page that does not exist. */
function stepOf(param: string | undefined) {
  if (!isFeedbackStep(param)) throw new Response('Not Found', { status: 404 });
  return param;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'give:feedback');
  const step = stepOf(params.step);
  const state = await surveyState(caseRecord.id, step);
  // A survey never offered (or offered too long ago) is not there to answer.
  if (state === 'not_offered') throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, step, answered: state === 'answered' });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'give:feedback');
  const step = stepOf(params.step);
  const values = await readForm(request);
  const parsed = parseFeedbackAnswer(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await answerSurvey(user, caseRecord, step, parsed.data, { address: clientAddress(request) });
  if (!outcome.ok) throw new Response('Not Found', { status: 404 });
  // Sent twice, or already answered by the other parent: the thanks page either way.
  return redirect(`/cases/${caseRecord.id}/feedback/${step}/thanks`);
}

export default function FeedbackSurvey() {
  const { t } = useTranslation();
  const { caseId, step, answered } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  if (answered) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
          <CaseCaption />
          <h1 className="govuk-heading-l">{t('feedback.answered.heading')}</h1>
          <p className="govuk-body">{t('feedback.answered.body')}</p>
          <p className="govuk-body">
            <Link className="govuk-link" to={`/cases/${caseId}`}>
              {t('feedback.thanks.back')}
            </Link>
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t(askKeys[step])}</h1>
        <p className="govuk-body">{t('feedback.survey.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <Radios
            name="satisfaction"
            legend={t('feedback.survey.satisfaction')}
            error={errors.satisfaction}
            defaultValue={values.satisfaction}
            choices={satisfactionScores.map((s) => ({ value: String(s), label: t(satisfactionKeys[s]) }))}
          />
          <Radios name="ease" legend={t('feedback.survey.ease')} error={errors.ease} defaultValue={values.ease} choices={easeScores.map((s) => ({ value: String(s), label: t(easeKeys[s]) }))} />
          <CharacterCount name="comment" label={t('feedback.survey.comment')} hint={t('feedback.survey.commentHint')} error={errors.comment} defaultValue={values.comment} rows={5} maxLength={FEEDBACK_COMMENT_MAX_LENGTH} />
          <SubmitButton>{t('feedback.survey.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
