import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { isStaff } from '~/auth/policy';
import { readForm } from '~/forms/form.server';
import { parseMessageForm } from '~/forms/message.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDateTime, formatDateWithWeekday } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { caseSummary } from '~/services/caseload.server';
import { markThreadRead } from '~/services/inbox.server';
import { postMessage, standardsOf, threadClock, threadOf } from '~/services/messages.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton, Tag } from '~/ui/govuk/content';
import { Checkboxes, Textarea } from '~/ui/govuk/fields';
import { roleKeys } from '~/ui/labels';
import { Messages, MessageText } from '~/ui/moj/Messages';

export const handle: PageHandle = { titleKey: 'messages.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'message');
  const [summary, thread, standards] = await Promise.all([caseSummary(caseRecord.id), threadOf(caseRecord.id), standardsOf(caseRecord.laId)]);
  if (isStaff(user)) await markThreadRead(user.id, caseRecord.id);
  return json({
    caseId: caseRecord.id,
    childName: summary ? `${summary.child.firstName} ${summary.child.lastName}` : '',
    viewerSide: isStaff(user) ? ('la' as const) : ('family' as const),
    thread,
    clock: threadClock(thread, standards),
    // A fresh key for each form shown: a second send of the same form stores nothing new.
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'message');
  const values = await readForm(request);
  const parsed = parseMessageForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await postMessage(user, caseRecord.id, caseRecord.laId, parsed.message);
  return redirect(`/cases/${caseRecord.id}/messages`);
}

export default function CaseMessages() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, childName, viewerSide, thread, clock, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const awaiting = clock.state === 'awaiting' ? clock : null;
  const lastFamilyMessage = [...thread].reverse().find((m) => m.side === 'family');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['body']} />
        <span className="govuk-caption-l">{childName}</span>
        <h1 className="govuk-heading-l">{t('messages.heading')}</h1>
        <p className="govuk-body">{t(viewerSide === 'family' ? 'messages.introFamily' : 'messages.introStaff')}</p>
        {thread.length === 0 ? <p className="govuk-body">{t('messages.none')}</p> : null}
        <Messages
          label={t('messages.heading')}
          items={thread.map((m) => ({
            id: m.id,
            sent: m.side === viewerSide,
            text: <MessageText text={m.body} />,
            sender: t('messages.sender', { name: m.senderName, role: t(roleKeys[m.senderRole]) }),
            dateTime: m.sentAt,
            dateText: formatDateTime(m.sentAt, locale),
            after:
              awaiting && m.id === lastFamilyMessage?.id ? (
                <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <strong>{t(viewerSide === 'family' ? 'messages.replyBy' : 'messages.replyDue', { date: formatDateWithWeekday(awaiting.replyBy, locale) })}</strong>{' '}
                  {awaiting.overdue ? <Tag colour="red">{t('messages.overdue')}</Tag> : awaiting.dueToday ? <Tag colour="orange">{t('messages.dueToday')}</Tag> : null}
                </p>
              ) : undefined,
          }))}
        />
        {awaiting && viewerSide === 'la' && !awaiting.acknowledged ? (
          <InsetText>{t('messages.acknowledgeBy', { date: formatDateWithWeekday(awaiting.acknowledgeBy, locale) })}</InsetText>
        ) : null}
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <Textarea name="body" label={t('messages.yourMessage')} hint={t('messages.hint')} error={errors.body} defaultValue={values.body} rows={6} />
          {viewerSide === 'la' ? (
            <Checkboxes
              name="acknowledgementOnly"
              legend={t('messages.kindLegend')}
              checked={values.acknowledgementOnly ? [values.acknowledgementOnly] : []}
              choices={[{ value: 'yes', label: t('messages.acknowledgementOnly') }]}
            />
          ) : null}
          <SubmitButton>{t('messages.send')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
