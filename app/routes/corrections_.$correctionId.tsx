import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRectificationRequest } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { personName } from '~/domain/names';
import { isRectificationOverdue } from '~/domain/rectification';
import { todayInLondon } from '~/domain/timescales';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { correctionContext, correctionHistoryOf, decideCorrection, detailsOf, parseDecisionForm } from '~/features/data-rights/index.server';
import { CorrectionChanges, RECTIFIABLE_FIELD_LABELS, RECTIFICATION_STATUS_LABELS, useDetailValue } from '~/features/data-rights';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, NotificationBanner, SubmitButton, SummaryList, Table, Tag } from '~/ui/govuk/content';
import { Radios, Textarea } from '~/ui/govuk/fields';

/**
 * One correction request, for the staff who decide it (ADR 0038): each detail as held now beside
 * the one asked for, the family's reason, and the decision: approve (the record is corrected in
 * the same transaction) or refuse with a reason the family reads. Below, every earlier
 * correction of the child's record. Every opening is audited by the guard.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'rectification.decide.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await requireRectificationRequest(request, params.correctionId ?? '', 'decide:rectification');
  const [{ child, requesterName }, history] = await Promise.all([correctionContext(record), correctionHistoryOf(record.childId)]);
  return json({
    request: { id: record.id, receivedOn: record.receivedOn, dueOn: record.dueOn, status: record.status, changes: record.changes, reason: record.reason, refusalReason: record.refusalReason, overdue: isRectificationOverdue(record, todayInLondon()) },
    held: detailsOf(child),
    childName: personName(child),
    requesterName,
    history,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, record } = await requireRectificationRequest(request, params.correctionId ?? '', 'decide:rectification');
  const values = await readForm(request);
  const parsed = parseDecisionForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  // Decided twice (a double click, two members of staff): the second finds it decided and changes nothing.
  await decideCorrection(user, record, parsed.data, clientAddress(request));
  return redirect(`/corrections/${record.id}?decided=1`);
}

export default function DecideCorrection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { request, held, childName, requesterName, history } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [search] = useSearchParams();
  const show = useDetailValue();
  const pending = request.status === 'pending';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/corrections">{t('rectification.decide.back')}</BackLink>
        {search.get('decided') && !pending ? (
          <NotificationBanner title={t('rectification.decide.savedTitle')} success>
            <p className="govuk-notification-banner__heading">{t(request.status === 'approved' ? 'rectification.decide.savedApproved' : 'rectification.decide.savedRefused')}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['decision', 'reasons']} />
        <h1 className="govuk-heading-l">{t('rectification.decide.heading', { name: childName })}</h1>
        <SummaryList
          rows={[
            { key: t('rectification.summary.askedBy'), value: requesterName },
            { key: t('rectification.summary.received'), value: formatDate(request.receivedOn, locale) },
            {
              key: t('rectification.summary.due'),
              value: (
                <>
                  {formatDate(request.dueOn, locale)} {request.overdue ? <Tag colour="red">{t('rectification.staff.overdue')}</Tag> : null}
                </>
              ),
            },
            { key: t('rectification.summary.status'), value: t(RECTIFICATION_STATUS_LABELS[request.status]) },
          ]}
        />
        <CorrectionChanges
          caption={t('rectification.decide.changesCaption')}
          changes={request.changes}
          heldHeading={t(pending ? 'rectification.head.heldNow' : request.status === 'approved' ? 'rectification.head.was' : 'rectification.head.heldWhenAsked')}
          askedHeading={t(request.status === 'approved' ? 'rectification.head.now' : 'rectification.head.asked')}
          held={pending ? (change) => held[change.field] : undefined}
        />
        <h2 className="govuk-heading-m">{t('rectification.decide.reasonHeading')}</h2>
        <InsetText>
          <p className="govuk-body app-pre-line">{request.reason}</p>
        </InsetText>
        {request.status === 'refused' ? (
          <>
            <h2 className="govuk-heading-m">{t('rectification.decide.refusedHeading')}</h2>
            <p className="govuk-body app-pre-line">{request.refusalReason}</p>
          </>
        ) : null}
        {pending ? (
          <Form method="post" noValidate key={formKey}>
            <Radios
              name="decision"
              legend={t('rectification.decide.legend')}
              error={errors.decision}
              defaultValue={values.decision}
              choices={[
                { value: 'approve', label: t('rectification.decide.approve'), hint: t('rectification.decide.approveHint') },
                { value: 'refuse', label: t('rectification.decide.refuse') },
              ]}
            />
            <Textarea name="reasons" label={t('rectification.decide.refusalReason')} hint={t('rectification.decide.refusalReasonHint')} error={errors.reasons} defaultValue={values.reasons} />
            <SubmitButton>{t('rectification.decide.submit')}</SubmitButton>
          </Form>
        ) : null}
      </div>
      <div className="govuk-grid-column-full">
        <h2 className="govuk-heading-m">{t('rectification.history.heading', { name: childName })}</h2>
        {history.length === 0 ? (
          <p className="govuk-body">{t('rectification.history.none')}</p>
        ) : (
          <Table
            caption={t('rectification.history.caption')}
            head={[t('rectification.history.head.when'), t('rectification.head.detail'), t('rectification.head.was'), t('rectification.history.head.askedFor'), t('rectification.history.head.reason'), t('rectification.history.head.askedBy'), t('rectification.history.head.decided')]}
            rows={history.flatMap((entry) =>
              entry.changes.map((change) => [
                formatDateTime(entry.decidedAt, locale),
                t(RECTIFIABLE_FIELD_LABELS[change.field]),
                show(change, change.from),
                show(change, change.to),
                entry.status === 'refused' ? t('rectification.history.refusedBecause', { reason: entry.reason, refusal: entry.refusalReason ?? '' }) : entry.reason,
                entry.requesterName,
                t(entry.status === 'approved' ? 'rectification.history.approvedBy' : 'rectification.history.refusedBy', { name: entry.deciderName }),
              ]),
            )}
          />
        )}
      </div>
    </div>
  );
}
