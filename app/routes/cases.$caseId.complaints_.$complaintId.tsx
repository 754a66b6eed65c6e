import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { clientAddress } from '~/client-address.server';
import { awaitsCouncil, isLate, mayEscalate } from '~/domain/complaints';
import { todayInLondon } from '~/domain/timescales';
import { acknowledgeComplaint, closeComplaint, complaintOfCase } from '~/features/complaints/index.server';
import { CaseCaption } from '~/features/case-progress';
import { readForm } from '~/forms/form.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, ButtonLink, InsetText, Ltr, NotificationBanner, Panel, SubmitButton, SummaryList, Tag } from '~/ui/govuk/content';
import { complaintChannelKeys, complaintOutcomeKeys, complaintStageKeys, complaintStatusColours, complaintStatusKeys } from '~/ui/complaint-labels';

export const handle: PageHandle = { namespaces: ['case', 'complaints'], titleKey: 'complaints.view.title' };

/** One complaint: what was said, the council's acknowledgement and letters, and what may happen next. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:complaints');
  const complaint = await complaintOfCase(caseRecord.id, params.complaintId);
  const today = todayInLondon();
  const state = { status: complaint.status, stage: complaint.stage === 2 ? (2 as const) : (1 as const), stage1RespondedOn: complaint.stage1RespondedOn };
  const mayRespond = decide(user, 'respond:complaint', subject) === 'allow';
  const dueBy = complaint.stage === 2 ? complaint.stage2DueBy : complaint.stage1DueBy;
  return json({
    caseId: caseRecord.id,
    complaint: { ...complaint, stage: state.stage },
    waiting: awaitsCouncil(complaint.status),
    late: awaitsCouncil(complaint.status) && dueBy !== null && isLate(dueBy, null, today),
    dueBy,
    mayRespond,
    mayAcknowledge: mayRespond && (complaint.status === 'received' || complaint.status === 'escalated'),
    mayClose: mayRespond && complaint.status === 'responded' && complaint.stage === 1,
    mayEscalate: decide(user, 'make:complaint', subject) === 'allow' && mayEscalate(state, today),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'respond:complaint');
  const complaint = await complaintOfCase(caseRecord.id, params.complaintId);
  const values = await readForm(request);
  const options = { address: clientAddress(request) };
  const stage = complaint.stage === 2 ? 2 : 1;
  const outcome = values.intent === 'close' ? await closeComplaint(user, caseRecord, complaint.id, options) : await acknowledgeComplaint(user, caseRecord, complaint.id, stage, options);
  if (!outcome.ok) return json({ errors: { intent: outcome.error }, values }, { status: 400 });
  return redirect(`/cases/${caseRecord.id}/complaints/${complaint.id}?${values.intent === 'close' ? 'closed' : 'acknowledged'}=1`);
}

export default function ComplaintPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, complaint: c, waiting, late, dueBy, mayRespond, mayAcknowledge, mayClose, mayEscalate: canEscalate } = useLoaderData<typeof loader>();
  const failed = useActionData<{ errors: Record<string, string> }>();
  const [search] = useSearchParams();
  const date = (iso: string | null) => (iso ? formatDate(iso, locale) : '');
  const banner = (['acknowledged', 'responded', 'escalated', 'closed', 'recorded'] as const).find((k) => search.get(k));
  const bannerKeys = { acknowledged: 'complaints.view.acknowledgedBanner', responded: 'complaints.view.respondedBanner', escalated: 'complaints.view.escalatedBanner', closed: 'complaints.view.closedBanner', recorded: 'complaints.view.recordedBanner' } as const;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/complaints`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={failed?.errors ?? {}} fieldOrder={['intent']} />
        {search.get('made') ? (
          <Panel title={t('complaints.view.madeTitle')}>
            {t('complaints.view.madeReference')}
            <br />
            <strong>
              <Ltr>{c.reference}</Ltr>
            </strong>
          </Panel>
        ) : null}
        {banner ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(bannerKeys[banner])}</p>
          </NotificationBanner>
        ) : null}
        <CaseCaption />
        {/* The confirmation panel is the page's one h1 straight after the complaint is sent. */}
        {search.get('made') ? <h2 className="govuk-heading-l">{t('complaints.view.heading', { reference: c.reference })}</h2> : <h1 className="govuk-heading-l">{t('complaints.view.heading', { reference: c.reference })}</h1>}
        <p className="govuk-body">
          <Tag colour={complaintStatusColours[c.status]}>{t(complaintStatusKeys[c.status])}</Tag> {late ? <Tag colour="red">{t('complaints.late')}</Tag> : null}
        </p>
        {waiting && dueBy ? <InsetText>{t('complaints.view.hearBy', { date: date(dueBy), stage: t(complaintStageKeys[c.stage]) })}</InsetText> : null}
        <h2 className="govuk-heading-m">{t('complaints.view.complaintHeading')}</h2>
        <SummaryList
          rows={[
            { key: t('complaints.view.madeBy'), value: c.madeByName ?? '' },
            { key: t('complaints.view.channel'), value: t(complaintChannelKeys[c.channel]) },
            { key: t('complaints.receivedOn'), value: date(c.receivedOn) },
            { key: t('complaints.new.about'), value: <span className="app-pre-line">{c.about}</span> },
            { key: t('complaints.new.putRight'), value: <span className="app-pre-line">{c.putRight}</span> },
            ...(c.acknowledgedOn ? [{ key: t('complaints.view.acknowledgedOn'), value: date(c.acknowledgedOn) }] : []),
          ]}
        />
        {c.stage1RespondedOn && c.stage1Outcome ? (
          <>
            <h2 className="govuk-heading-m">{t('complaints.view.stage1Response')}</h2>
            <SummaryList
              rows={[
                { key: t('complaints.view.respondedOn'), value: t('complaints.view.respondedOnBy', { date: date(c.stage1RespondedOn), name: c.stage1ResponderName ?? '' }) },
                { key: t('complaints.respond.outcome'), value: t(complaintOutcomeKeys[c.stage1Outcome]) },
              ]}
            />
            <div className="govuk-inset-text app-pre-line">{c.stage1Letter}</div>
          </>
        ) : null}
        {canEscalate && c.escalateBy ? (
          <>
            <p className="govuk-body">{t('complaints.view.escalateHint', { date: date(c.escalateBy) })}</p>
            <ButtonLink to={`/cases/${caseId}/complaints/${c.id}/escalate`}>{t('complaints.view.escalateLink')}</ButtonLink>
          </>
        ) : null}
        {c.escalatedOn ? (
          <>
            <h2 className="govuk-heading-m">{t('complaints.view.escalation')}</h2>
            <SummaryList
              rows={[
                { key: t('complaints.view.escalatedOn'), value: date(c.escalatedOn) },
                { key: t('complaints.escalate.reason'), value: <span className="app-pre-line">{c.escalationReason}</span> },
                ...(c.stage2AcknowledgedOn ? [{ key: t('complaints.view.acknowledgedOn'), value: date(c.stage2AcknowledgedOn) }] : []),
              ]}
            />
          </>
        ) : null}
        {c.stage2RespondedOn && c.stage2Outcome ? (
          <>
            <h2 className="govuk-heading-m">{t('complaints.view.stage2Response')}</h2>
            <SummaryList
              rows={[
                { key: t('complaints.view.respondedOn'), value: t('complaints.view.respondedOnBy', { date: date(c.stage2RespondedOn), name: c.stage2ResponderName ?? '' }) },
                { key: t('complaints.respond.outcome'), value: t(complaintOutcomeKeys[c.stage2Outcome]) },
              ]}
            />
            <div className="govuk-inset-text app-pre-line">{c.stage2Letter}</div>
            <h2 className="govuk-heading-m">{t('complaints.ombudsman.heading')}</h2>
            <p className="govuk-body">{t('complaints.ombudsman.intro')}</p>
            <p className="govuk-body">{t('complaints.ombudsman.firstCouncil')}</p>
            <p className="govuk-body">{t('complaints.ombudsman.timeLimit')}</p>
            <p className="govuk-body">
              {t('complaints.ombudsman.website')}{' '}
              <a className="govuk-link" href="https://www.lgo.org.uk" rel="noreferrer">
                <Ltr>www.lgo.org.uk</Ltr>
              </a>
              <br />
              {t('complaints.ombudsman.phone')}{' '}
              <a className="govuk-link" href="tel:03000610614">
                <Ltr>0300 061 0614</Ltr>
              </a>
            </p>
          </>
        ) : null}
        {mayRespond && waiting ? (
          <div className="govuk-button-group">
            <ButtonLink to={`/cases/${caseId}/complaints/${c.id}/respond`}>{t('complaints.view.respondLink', { stage: t(complaintStageKeys[c.stage]) })}</ButtonLink>
          </div>
        ) : null}
        {mayAcknowledge ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="acknowledge" />
            <SubmitButton variant="secondary">{t('complaints.view.acknowledge')}</SubmitButton>
          </Form>
        ) : null}
        {mayClose ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="close" />
            <p className="govuk-body">{t('complaints.view.closeHint', { date: date(c.escalateBy) })}</p>
            <SubmitButton variant="secondary">{t('complaints.view.close')}</SubmitButton>
          </Form>
        ) : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/complaints`}>
            {t('complaints.view.allLink')}
          </Link>
        </p>
      </div>
    </div>
  );
}
