import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser, requireCaseAccess } from '~/auth/access.server';
import { threadSideOf } from '~/auth/policy';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT, sizeInKb } from '~/domain/file-types';
import { standardsOn } from '~/domain/service-standards';
import { todayInLondon } from '~/domain/timescales';
import { optionalFileField, withMultipartForm } from '~/forms/form.server';
import { hasForbiddenCharacters } from '~/forms/characters.server';
import { breachesOf, heldMessageFor, holdMessage, markThreadRead, MESSAGE_MAX_LENGTH, parseMessageForm, postMessage, releaseHeldMessage, threadClock, threadOf, waitingReplies } from '~/features/messaging/index.server';
import { formFailure, isSameOrigin } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime, formatDateWithWeekday } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { caseExists } from '~/features/case-progress/index.server';
import { prepareUpload, type PreparedUpload } from '~/features/documents/index.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, NotificationBanner, SubmitButton, Tag } from '~/ui/govuk/content';
import { CharacterCount, Checkboxes, FileUpload } from '~/ui/govuk/fields';
import { MESSAGE_MAX_LENGTH as MESSAGE_LIMIT } from '~/forms/text-limits';
import { roleKeys } from '~/ui/labels';
import { Messages, MessageText } from '~/ui/moj/Messages';
import { WrittenIn } from '~/ui/WrittenIn';
import { DocumentLinks } from '~/features/documents';
import { CaseCaption } from '~/features/case-progress';
import { standardsOf } from '~/tenancy/council.server';

export const handle: PageHandle = { namespaces: ['advocates', 'requests', 'case', 'messaging', 'admin'], titleKey: 'messages.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read:thread');
  const [thread, standards, held, missed] = await Promise.all([
    threadOf(caseRecord.id),
    standardsOf(caseRecord.laId),
    heldMessageFor(request, caseRecord.id),
    breachesOf(caseRecord.id),
  ]);
  const viewerSide = threadSideOf(user);
  // Read by the council: the inbox's unread counts; by the family: their home page's.
  await markThreadRead(user.id, caseRecord.id);
  return json({
    caseId: caseRecord.id,
    viewerSide,
    thread,
    clock: threadClock(thread, standards),
    waiting: waitingReplies(thread, standards),
    // What the council promises for a message sent today (a change of standards starts tomorrow).
    promise: standardsOn(standards, todayInLondon()),
    held,
    missed,
    // A fresh key for each form shown: a second send of the same form stores nothing new.
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const caseId = params.caseId ?? '';
  return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
    if (!(await getOptionalUser(request))) return keepForAfterSignIn(request, caseId, form.values.body);
    const { user, caseRecord, consent } = await requireCaseAccess(request, caseId, 'post:message');
    const parsed = parseMessageForm(form.values);
    if (!parsed.ok) return formFailure(parsed.errors, form.values);
    const field = optionalFileField(form, 'attachment');
    if (!field.ok) return formFailure({ attachment: field.error }, form.values);
    const attachment = field.file;
    const attachments: PreparedUpload[] = [];
    if (attachment) {
      // Stored now, recorded with the message: postMessage removes it if the message is not stored.
      const prepared = await prepareUpload({ file: attachment, uploadedBy: user.id, caseId: caseRecord.id, kind: 'message_attachment' });
      if (!prepared.ok) return formFailure({ attachment: prepared.error }, form.values);
      attachments.push(prepared.upload);
    }
    await postMessage(user, caseRecord.id, caseRecord.laId, { ...parsed.message, attachments, onBehalfOf: consent?.grantedBy ?? null });
    const cleared = await releaseHeldMessage(request);
    return redirect(`/cases/${caseRecord.id}/messages`, cleared ? { headers: { 'Set-Cookie': cleared } } : undefined);
  });
}

/**
 * The session ran out while the message was being written: keep it, then ask them to sign in.
 * Only for a post from our own pages (a cross-site post never carries our session cookie, and
 * must not be able to put words in someone's message box).
 */
async function keepForAfterSignIn(request: Request, caseId: string, body: string | undefined) {
  const signIn = `/sign-in?returnTo=${encodeURIComponent(`/cases/${caseId}/messages`)}`;
  const text = body?.trim();
  // Kept only as a message could be sent: never with a control character in it (app/forms/characters.server.ts).
  if (!text || hasForbiddenCharacters('body', text) || !(await isSameOrigin(request)) || !(await caseExists(caseId))) throw redirect(signIn);
  const cookie = await holdMessage(caseId, text.slice(0, MESSAGE_MAX_LENGTH));
  throw redirect(`${signIn}&notice=messageKept`, { headers: { 'Set-Cookie': cookie } });
}

export default function CaseMessages() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, viewerSide, thread, clock, waiting, promise, held, missed, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const awaiting = clock.state === 'awaiting' ? clock : null;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['body', 'attachment']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('messages.heading')}</h1>
        <p className="govuk-body">{t(viewerSide === 'family' ? 'messages.introFamily' : 'messages.introStaff')}</p>
        <p className="govuk-body">
          {t('messages.promise', {
            acknowledge: t('standards.workingDays', { count: promise.acknowledgeWithin }),
            reply: t('standards.workingDays', { count: promise.replyWithin }),
          })}
        </p>
        {thread.length === 0 ? <p className="govuk-body">{t('messages.none')}</p> : null}
        <Messages
          label={t('messages.heading')}
          items={thread.map((m) => ({
            id: m.id,
            sent: m.side === viewerSide,
            text: (
              <>
                <WrittenIn language={m.writtenIn}>
                  <MessageText text={m.body} />
                </WrittenIn>
                <DocumentLinks
                  files={m.attachments.map((a) => ({ id: a.id, name: a.name, sizeKb: sizeInKb(a.sizeBytes) }))}
                  className="govuk-!-margin-top-2 govuk-!-margin-bottom-0"
                />
              </>
            ),
            sender: m.onBehalfOfName
              ? t('advocates.onBehalfOf', { name: m.senderName, family: m.onBehalfOfName })
              : t('messages.sender', { name: m.senderName, role: t(roleKeys[m.senderRole]) }),
            dateTime: m.sentAt,
            dateText: formatDateTime(m.sentAt, locale),
            after: waiting[m.id] ? (
              <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                <strong>{t(viewerSide === 'family' ? 'messages.replyBy' : 'messages.replyDue', { date: formatDateWithWeekday(waiting[m.id].replyBy, locale) })}</strong>{' '}
                {waiting[m.id].overdue ? <Tag colour="red">{t('messages.overdue')}</Tag> : waiting[m.id].dueToday ? <Tag colour="orange">{t('messages.dueToday')}</Tag> : null}
              </p>
            ) : undefined,
          }))}
        />
        {missed.length > 0 ? (
          <>
            <h2 className="govuk-heading-s govuk-!-margin-top-4">{t(viewerSide === 'family' ? 'messages.missed.headingFamily' : 'messages.missed.headingStaff')}</h2>
            <ul className="govuk-list govuk-list--bullet">
              {missed.map((b) => (
                <li key={`${b.standard}-${b.startedOn}`}>
                  {t(b.standard === 'acknowledge' ? 'messages.missed.acknowledge' : 'messages.missed.reply', {
                    received: formatDate(b.startedOn, locale),
                    date: formatDate(b.dueBy, locale),
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {awaiting && viewerSide === 'la' && !awaiting.acknowledged ? (
          <InsetText>{t('messages.acknowledgeBy', { date: formatDateWithWeekday(awaiting.acknowledgeBy, locale) })}</InsetText>
        ) : null}
        {held && !values.body ? (
          <NotificationBanner title={t('common.important')}>
            <p className="govuk-notification-banner__heading">{t('messages.heldTitle')}</p>
            <p className="govuk-body">{t('messages.heldBody')}</p>
          </NotificationBanner>
        ) : null}
        <Form method="post" encType="multipart/form-data" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <CharacterCount name="body" label={t('messages.yourMessage')} hint={t('messages.hint')} error={errors.body} defaultValue={values.body ?? held ?? undefined} rows={6} maxLength={MESSAGE_LIMIT} />
          <FileUpload name="attachment" label={t('messages.attachmentLabel')} hint={t('request.documents.hint')} error={errors.attachment} accept={UPLOAD_ACCEPT} />
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
