import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireCaseAccess } from '~/auth/access.server';
import { parseResponseForm, planOf, respondToComment } from '~/features/plan/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { commentResponseKeys, planSectionKeys } from '~/ui/advice-labels';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { Radios, Textarea } from '~/ui/govuk/fields';
import type { CommentResponse } from '../../db/schema';

export const handle: PageHandle = { namespaces: ['case', 'advice', 'plan'], titleKey: 'plan.answer.title' };

/** Staff record what the LA did about one family comment. */
async function authorise(request: Request, caseId: string, commentId: string) {
  const access = await requireCaseAccess(request, caseId, 'record:decision');
  const plan = await planOf(access.caseRecord);
  const comment = plan.comments.find((c) => c.id === commentId);
  if (!comment) throw deniedResponse('not_found');
  return { ...access, comment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord, comment } = await authorise(request, params.caseId ?? '', params.commentId ?? '');
  return json({ caseId: caseRecord.id, comment });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord, comment } = await authorise(request, params.caseId ?? '', params.commentId ?? '');
  const values = await readForm(request);
  const parsed = parseResponseForm({ ...values, commentId: comment.id });
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await respondToComment(user, caseRecord.id, comment.id, { response: parsed.data.response, reasons: parsed.data.reasons });
  return redirect(`/cases/${caseRecord.id}/plan`);
}

export default function AnswerComment() {
  const { t } = useTranslation();
  const { caseId, comment } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/plan`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['response', 'reasons']} />
        <h1 className="govuk-heading-l">{t('plan.answer.heading')}</h1>
        <InsetText>
          <p className="govuk-body govuk-!-font-weight-bold">{t(planSectionKeys[comment.section])}</p>
          <p className="govuk-body">{t('plan.answer.from', { name: comment.authorName })}</p>
          <p className="govuk-body app-pre-line">{comment.body}</p>
        </InsetText>
        <Form method="post" noValidate key={formKey}>
          <Radios
            name="response"
            legend={t('plan.answer.legend')}
            error={errors.response}
            defaultValue={values.response ?? comment.response ?? undefined}
            choices={(Object.keys(commentResponseKeys) as CommentResponse[]).map((r) => ({ value: r, label: t(commentResponseKeys[r]) }))}
          />
          <Textarea name="reasons" label={t('plan.answer.reasonsLabel')} hint={t('plan.answer.reasonsHint')} error={errors.reasons} defaultValue={values.reasons ?? comment.responseReasons ?? ''} rows={5} />
          <SubmitButton>{t('plan.answer.save')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
