import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData, useRouteLoaderData, useSearchParams } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide, type Permission } from '~/auth/policy';
import type { ClockEntry } from '~/domain/case-clock';
import { clockStatusKeys, clockStepKeys, exceptionKindKeys } from '~/domain/clock-labels';
import { availableCommands, familyStageSummary } from '~/domain/case-workflow';
import { todayInLondon } from '~/domain/timescales';
import { decisionDiffersFromRequest, draftCommentWindow, processStepKeys, stepStateKeys, type FamilyAction, type FamilyDate, type StepState } from '~/domain/case-steps';
import { caseProgress, caseSummary, overdueAdviceCount, plansOnRecordOf, slugFor, type TimelineEntry } from '~/features/case-progress/index.server';
import { councilContext } from '~/tenancy/council.server';
import { ContactList } from '~/ui/ContactList';
import { WrittenIn } from '~/ui/WrittenIn';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import { documentsOfCase } from '~/features/documents/index.server';
import { InsetText, NotificationBanner, SummaryList, Tag, WarningText, type TagColour } from '~/ui/govuk/content';
import { roleKeys, stageKeys } from '~/ui/labels';
import { CASE_LAYOUT_ROUTE_ID } from '~/features/case-progress';
import { commandKeys, eventKeys, outcomeKeys } from '~/ui/case-labels';
import { Timeline } from '~/ui/moj/Timeline';
import { PrintButton } from '~/ui/PrintButton';
import { sizeInKb } from '~/domain/file-types';
import { DocumentLinks } from '~/features/documents';
import type { PageHandle } from '~/root';
import { FeedbackPanel } from '~/features/feedback';
import { surveysOf } from '~/features/feedback/index.server';
import type { loader as caseLayoutLoader } from './cases.$caseId';

/** The Local Government and Social Care Ombudsman, where a family goes when the council's complaints process is done. */
const OMBUDSMAN = { phone: '0300 061 0614', url: 'https://www.lgo.org.uk', site: 'www.lgo.org.uk' };

export const handle: PageHandle = { namespaces: ['advocates', 'requests', 'case', 'advice', 'plan', 'settings', 'feedback'] };

export async function loader({ request, params }: LoaderFunctionArgs) {
  // The layout checked 'read' too, but in parallel with this loader: this page checks for itself.
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:case');
  const today = todayInLondon();
  const may = (permission: Permission) => decide(user, permission, subject) === 'allow';
  const summary = await caseSummary(caseRecord.id);
  const [progress, files, plans, council] = await Promise.all([
    caseProgress(caseRecord, today, {
      messages: may('post:message'),
      views: may('read:views'),
      advice: may('read:advice'),
      plan: may('read:plan'),
      request: Boolean(summary?.requestSent) && may('read:request'),
      complaints: may('read:complaints'),
    }),
    documentsOfCase(caseRecord.id),
    plansOnRecordOf(caseRecord.id),
    councilContext(caseRecord.laId),
  ]);
  const staff = decide(user, 'record:decision', subject) === 'allow';
  return json({
    caseId: caseRecord.id,
    today,
    progress,
    // The request's documents, for whoever the policy lets download them (not the professionals asked for advice).
    documents: decide(user, 'download:document', { type: 'document', belongsTo: { kind: 'request', case: subject } }) === 'allow' ? files.map((f) => ({ id: f.id, name: f.originalName, sizeKb: sizeInKb(f.sizeBytes) })) : [],
    // Professionals read the case they advise on but are never in the family's thread.
    canShare: decide(user, 'share:case', subject) === 'allow',
    staffView: staff ? { commands: availableCommands(caseRecord.stage, user, plans).map((type) => ({ type, slug: slugFor(type) })) } : null,
    // The council's own help details, links already checked as https (app/domain/council.ts).
    help: { hours: council.contact?.hours ?? null, sendiass: council.sendiass, localOfferUrl: council.localOfferUrl },
    overdueAdvice: staff ? await overdueAdviceCount(caseRecord.id, today) : 0,
    // "Tell us how we did": only to the family themselves (ADR 0052).
    feedback: may('give:feedback') ? await surveysOf(caseRecord.id, today) : null,
  });
}

const statusColour: Record<ClockEntry['status'], TagColour> = { met: 'green', met_late: 'orange', due: 'blue', missed: 'red', exception: 'grey' };

function statusText(entry: ClockEntry, t: TFunction) {
  if (entry.status === 'due') return entry.daysLeft === 0 ? t('clock.dueToday') : t('clock.daysLeft', { count: entry.daysLeft });
  return t(clockStatusKeys[entry.status]);
}

const stepColour: Record<StepState, TagColour> = { done: 'green', current: 'blue', upcoming: 'grey', notHappening: 'grey' };

/** Where each thing a family can do now is done. */
const actionLinks: Record<FamilyAction, { key: string; path: string }> = {
  commentOnDraft: { key: 'steps.now.commentOnDraft', path: '/plan' },
  readDraftPlan: { key: 'steps.now.readDraftPlan', path: '/plan' },
  readFinalPlan: { key: 'steps.now.readFinalPlan', path: '/plan' },
  disagree: { key: 'steps.now.disagree', path: '#if-you-disagree' },
  addViews: { key: 'steps.now.addViews', path: '/views' },
  readAdvice: { key: 'steps.now.readAdvice', path: '/advice' },
  readRequest: { key: 'steps.now.readRequest', path: '/request' },
  sendMessage: { key: 'steps.now.sendMessage', path: '/messages' },
};

const familyDateKeys: Record<FamilyDate['kind'], string> = { draftComments: 'steps.familyDate.draftComments', appeal: 'steps.familyDate.appeal' };

function familyDateStatus(date: FamilyDate, t: TFunction, locale: Locale) {
  if (date.status === 'open') {
    const left = date.daysLeft === 0 ? t('clock.dueToday') : t('clock.daysLeft', { count: date.daysLeft });
    return (
      <>
        <Tag colour="blue">{left}</Tag>
        {date.kind === 'draftComments' && date.sentOn ? <span className="govuk-body-s"> {t('steps.familyStatus.sentSoFar', { date: formatDate(date.sentOn, locale) })}</span> : null}
      </>
    );
  }
  return date.status === 'sent' ? <Tag colour="green">{t('steps.familyStatus.sent', { date: formatDate(date.sentOn, locale) })}</Tag> : <Tag colour="grey">{t('steps.familyStatus.notSent')}</Tag>;
}

/** The dates, names and reasons an event carries, one line each, in the same order for every kind. */
function eventDescription(entry: TimelineEntry, t: TFunction, locale: Locale) {
  if (entry.kind === 'unrecognised') return null;
  const d = entry.details;
  const lines: string[] = [];
  if ('decidedOn' in d) lines.push(t('timeline.decidedOn', { date: formatDate(d.decidedOn, locale) }));
  if ('servedOn' in d) lines.push(t('timeline.servedOn', { date: formatDate(d.servedOn, locale) }));
  if ('issuedOn' in d) lines.push(t('timeline.issuedOn', { date: formatDate(d.issuedOn, locale) }));
  if ('caseworkerName' in d && d.caseworkerName) lines.push(t('timeline.caseworker', { name: d.caseworkerName }));
  if ('reasons' in d && d.reasons) lines.push(t('timeline.reasons', { reasons: d.reasons }));
  if ('commentsLastDay' in d && d.commentsLastDay) lines.push(t('timeline.commentsBy', { date: formatDate(d.commentsLastDay, locale) }));
  if ('appealDeadline' in d && d.appealDeadline) lines.push(t('timeline.appealBy', { date: formatDate(d.appealDeadline, locale) }));
  if ('hearingOn' in d) lines.push(t('timeline.hearingOn', { date: formatDate(d.hearingOn, locale) }));
  if ('compliesBy' in d && !('compliedOn' in d)) lines.push(t('timeline.compliesBy', { date: formatDate(d.compliesBy, locale) }));
  if (entry.kind === 'apology_sent' && entry.details.reason) {
    const { step, reason, newExpectedDate } = entry.details;
    lines.push(t('timeline.apology', { step: t(clockStepKeys[step]), reason, date: formatDate(newExpectedDate, locale) }));
  }
  if (entry.kind === 'exception_recorded' && entry.details.explanation) {
    const { step, kind, explanation } = entry.details;
    lines.push(t('timeline.exception', { step: t(clockStepKeys[step]), kind: t(exceptionKindKeys[kind]), explanation }));
  }
  return lines.length ? <p className="govuk-body app-pre-line">{lines.join('\n')}</p> : null;
}

export default function CasePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, progress, documents, staffView, overdueAdvice, canShare, help, feedback } = useLoaderData<typeof loader>();
  const { steps } = progress;
  const draftWindow = draftCommentWindow(steps.familyDates);
  // The case's summary and the child's name come from the layout (routes/cases.$caseId.tsx), which rendered this page.
  const { summary, childName } = useRouteLoaderData<typeof caseLayoutLoader>(CASE_LAYOUT_ROUTE_ID)!;
  const [params] = useSearchParams();
  const bySetting = summary.requestedBySetting;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {params.get('sent') === 'setting' && bySetting ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('settingRequest.sent.heading', { reference: summary.reference })}</p>
            <p className="govuk-body">{t('settingRequest.sent.body')}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{childName}</h1>

        {staffView && progress.missed.length > 0 ? (
          <div className="app-no-print">
            {progress.missed.map((entry) => (
              <WarningText key={entry.step}>
                {t('case.missed.warning', { step: t(clockStepKeys[entry.step]), date: formatDate(entry.dueBy, locale) })}
              </WarningText>
            ))}
            <p className="govuk-body">
              <Link className="govuk-link" to={`/cases/${caseId}/apology`}>
                {t('case.missed.sendApology')}
              </Link>
            </p>
          </div>
        ) : null}

        {progress.apologies.map((apology) => {
          const d = apology.details;
          return (
            <NotificationBanner key={apology.id} title={t('case.apology.title')}>
              <p className="govuk-notification-banner__heading">{t('case.apology.heading', { step: t(clockStepKeys[d.step]) })}</p>
              <p className="govuk-body app-pre-line">{t('case.apology.reason', { reason: d.reason })}</p>
              <p className="govuk-body">{t('case.apology.newDate', { date: formatDate(d.newExpectedDate, locale) })}</p>
              <p className="govuk-body">{t('case.apology.from', { name: apology.actorName ?? '' })}</p>
            </NotificationBanner>
          );
        })}

        {canShare ? (
          <p className="govuk-body app-no-print">
            <Link className="govuk-link" to={`/children/${summary.child.id}/advocates`}>
              {t('advocates.consent.link')}
            </Link>
          </p>
        ) : null}
        {overdueAdvice > 0 ? <WarningText>{t('advice.list.overdueWarning', { count: overdueAdvice })}</WarningText> : null}
        {feedback ? <FeedbackPanel caseId={caseId} open={feedback.open} anyTimeOpen={feedback.anyTimeOpen} /> : null}
        <h2 className="govuk-heading-m">{t('case.whereWeAre')}</h2>
        <p className="govuk-body">{t(familyStageSummary(summary.stage))}</p>
        {draftWindow ? <p className="govuk-body">{t(draftWindow.key, { date: formatDate(draftWindow.lastDay, locale) })}</p> : null}
        {bySetting ? (
          <InsetText>
            <p className="govuk-body">{t('settingRequest.onCase.madeBy', { setting: bySetting.name })}</p>
            {bySetting.familyAgreedOn ? <p className="govuk-body">{t('settingRequest.onCase.agreedOn', { date: formatDate(bySetting.familyAgreedOn, locale) })}</p> : null}
            {bySetting.familyAgreementNote ? <p className="govuk-body app-pre-line">{t('settingRequest.onCase.how', { note: bySetting.familyAgreementNote })}</p> : null}
          </InsetText>
        ) : null}
        <SummaryList
          rows={[
            { key: t('case.stage'), value: t(stageKeys[summary.stage]) },
            { key: t('case.requestReceived'), value: formatDate(summary.requestReceived, locale) },
            { key: t('case.dateOfBirth'), value: formatDate(summary.child.dateOfBirth, locale) },
            { key: t('case.team'), value: summary.team.name },
          ]}
        />

        <h2 className="govuk-heading-m" id="steps">
          {t('steps.heading')}
        </h2>
        <p className="govuk-body">{t('steps.finalPlanBy', { date: formatDate(steps.finalPlanDueBy, locale) })}</p>
        <ol className="app-steps" aria-labelledby="steps">
          {steps.steps.map((step, index) => (
            <li key={step.step} className={`app-steps__item app-steps__item--${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
              <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
                <span className="govuk-visually-hidden">{t('steps.number', { number: index + 1 })} </span>
                {t(processStepKeys[step.step])}
              </h3>
              <Tag colour={stepColour[step.state]}>{t(stepStateKeys[step.state])}</Tag>
              {step.doneOn ? (
                <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{t('steps.doneOn', { date: formatDate(step.doneOn, locale) })}</p>
              ) : step.dueBy && step.state !== 'notHappening' ? (
                <p className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0">{t('steps.dueBy', { date: formatDate(step.dueBy, locale) })}</p>
              ) : null}
            </li>
          ))}
        </ol>

        {staffView ? null : (
          <section className="app-no-print" aria-labelledby="can-do-now">
            <h2 className="govuk-heading-m" id="can-do-now">
              {t('steps.now.heading')}
            </h2>
            {steps.canDoNow.length === 0 ? (
              <p className="govuk-body">{t('steps.now.none')}</p>
            ) : (
              <ul className="govuk-list govuk-list--bullet govuk-list--spaced">
                {steps.canDoNow.map((action) => {
                  const link = actionLinks[action];
                  return (
                    <li key={action}>
                      {link.path.startsWith('#') ? (
                        <a className="govuk-link" href={link.path}>
                          {t(link.key)}
                        </a>
                      ) : (
                        <Link className="govuk-link" to={`/cases/${caseId}${link.path}`}>
                          {t(link.key)}
                        </Link>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        )}

        {[
          { decision: progress.assessmentDecision, askedKey: 'case.decision.askedAssessment' },
          { decision: progress.planDecision, askedKey: 'case.decision.askedPlan' },
        ].map(({ decision, askedKey }) => {
          if (!decision) return null;
          const d = decision.details;
          return (
            <section key={decision.id}>
              <h2 className="govuk-heading-m">{t(eventKeys[decision.kind])}</h2>
              <div className="app-decision-grid">
                <div>
                  <h3 className="govuk-heading-s">{t('case.decision.youAsked')}</h3>
                  <p className="govuk-body">{t(askedKey)}</p>
                </div>
                <div>
                  <h3 className="govuk-heading-s">{t('case.decision.councilDecided')}</h3>
                  <p className="govuk-body">{t(outcomeKeys[d.outcome ?? ''] ?? 'decision.outcome.agreed')}</p>
                  {d.decidedOn ? <p className="govuk-body">{t('timeline.decidedOn', { date: formatDate(d.decidedOn, locale) })}</p> : null}
                </div>
              </div>
              <h3 className="govuk-heading-s">{t('case.decision.reasons')}</h3>
              <WrittenIn language={d.writtenIn}>
                <p className="govuk-body app-pre-line">{d.reasons}</p>
              </WrittenIn>
              {/* An explanation kept with a decision that agrees (written before this rule) is not the family's to puzzle over. */}
              {d.whyDifferent && decisionDiffersFromRequest(d.outcome) ? (
                <>
                  <h3 className="govuk-heading-s">{t('case.decision.whyDifferent')}</h3>
                  <WrittenIn language={d.writtenIn}>
                    <p className="govuk-body app-pre-line">{d.whyDifferent}</p>
                  </WrittenIn>
                </>
              ) : null}
              {'appealDeadline' in d ? (
                <div className="govuk-inset-text" id="if-you-disagree">
                  <h3 className="govuk-heading-s">{t('case.rights.heading')}</h3>
                  <p className="govuk-body">{t('case.rights.mediation')}</p>
                  <p className="govuk-body">{t('case.rights.appeal', { date: formatDate(d.appealDeadline, locale) })}</p>
                  <p className="govuk-body">{t('case.rights.help')}</p>
                </div>
              ) : null}
            </section>
          );
        })}

        <h2 className="govuk-heading-m">{t('case.dates.heading')}</h2>
        {steps.councilDates.length === 0 ? (
          <p className="govuk-body">{t('case.dates.none')}</p>
        ) : (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">{t('case.dates.heading')}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  {t('case.dates.step')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('case.dates.dueBy')}
                </th>
                <th scope="col" className="govuk-table__header">
                  {t('case.dates.status')}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {steps.councilDates.map((entry) => (
                <tr className="govuk-table__row" key={entry.step}>
                  <th scope="row" className="govuk-table__header">
                    {t(clockStepKeys[entry.step])}
                  </th>
                  <td className="govuk-table__cell">{formatDate(entry.dueBy, locale)}</td>
                  <td className="govuk-table__cell">
                    <Tag colour={statusColour[entry.status]}>{statusText(entry, t)}</Tag>
                    {entry.completedOn ? <span className="govuk-body-s"> {t('case.dates.doneOn', { date: formatDate(entry.completedOn, locale) })}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {progress.exceptions.length > 0 ? (
          <InsetText>
            {progress.exceptions.map((e) => {
              const d = e.details;
              return (
                <p className="govuk-body" key={e.id}>
                  {t('case.exception.explained', {
                    step: t(clockStepKeys[d.step]),
                    kind: t(exceptionKindKeys[d.kind]),
                    explanation: d.explanation,
                  })}
                </p>
              );
            })}
          </InsetText>
        ) : null}

        {steps.familyDates.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t(staffView ? 'steps.familyDates.headingStaff' : 'steps.familyDates.heading')}</h2>
            {staffView ? null : <p className="govuk-body">{t('steps.familyDates.intro')}</p>}
            <SummaryList rows={steps.familyDates.map((date) => ({ key: t(familyDateKeys[date.kind]), value: <>{formatDate(date.lastDay, locale)} {familyDateStatus(date, t, locale)}</> }))} />
          </>
        ) : null}

        {/* Staff have the missed-date warnings and the apology instead. */}
        {staffView ? null : (
          <details className="govuk-details app-no-print" open={steps.late}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t('steps.late.heading')}</span>
            </summary>
            <div className="govuk-details__text">
              {steps.late ? <p className="govuk-body">{t('steps.late.missed')}</p> : null}
              <h3 className="govuk-heading-s">{t('steps.late.complainHeading')}</h3>
              <p className="govuk-body">{t('steps.late.complain', { la: summary.la.name })}</p>
              <ContactList phone={summary.la.contactPhone} email={summary.la.contactEmail} hours={help.hours} />
              {help.sendiass?.name ? (
                <>
                  <h3 className="govuk-heading-s">{t('steps.late.sendiassHeading')}</h3>
                  <p className="govuk-body">{t('steps.late.sendiass', { name: help.sendiass.name })}</p>
                  <ContactList phone={help.sendiass.phone} email={help.sendiass.email}>
                    {help.sendiass.url ? (
                      <li>
                        <a className="govuk-link" href={help.sendiass.url}>
                          {t('steps.late.sendiassWebsite', { name: help.sendiass.name })}
                        </a>
                      </li>
                    ) : null}
                  </ContactList>
                </>
              ) : null}
              <h3 className="govuk-heading-s">{t('steps.late.mediationHeading')}</h3>
              <p className="govuk-body">{t('steps.late.mediation')}</p>
              <h3 className="govuk-heading-s">{t('steps.late.tribunalHeading')}</h3>
              <p className="govuk-body">
                {t('steps.late.tribunal')}{' '}
                <a className="govuk-link" href="https://www.gov.uk/courts-tribunals/first-tier-tribunal-special-educational-needs-and-disability">
                  {t('steps.late.tribunalLink')}
                </a>
              </p>
              <h3 className="govuk-heading-s">{t('steps.late.ombudsmanHeading')}</h3>
              <p className="govuk-body">{t('steps.late.ombudsman')}</p>
              <ContactList phone={OMBUDSMAN.phone}>
                <li>
                  <a className="govuk-link" href={OMBUDSMAN.url}>
                    {OMBUDSMAN.site}
                  </a>
                </li>
              </ContactList>
              {help.localOfferUrl ? (
                <p className="govuk-body">
                  <a className="govuk-link" href={help.localOfferUrl}>
                    {t('steps.late.localOffer')}
                  </a>
                </p>
              ) : null}
            </div>
          </details>
        )}

        {documents.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('case.documents.heading')}</h2>
            <DocumentLinks files={documents} />
          </>
        ) : null}

        <h2 className="govuk-heading-m">{t('case.contact.heading')}</h2>
        {summary.caseworker ? (
          <>
            <p className="govuk-body">{t('case.contact.caseworker', { name: summary.caseworker.name })}</p>
            <ContactList phone={summary.caseworker.phone} email={summary.caseworker.email} />
          </>
        ) : (
          <>
            <p className="govuk-body">{t('case.contact.unallocated', { la: summary.la.name })}</p>
            <ContactList phone={summary.la.contactPhone} email={summary.la.contactEmail} />
          </>
        )}

        {staffView ? (
          <section className="app-no-print">
            <h2 className="govuk-heading-m">{t('case.actions.heading')}</h2>
            {staffView.commands.length === 0 ? <p className="govuk-body">{t('case.actions.none')}</p> : null}
            <ul className="govuk-list">
              {staffView.commands.map((c) => (
                <li key={c.type}>
                  <Link className="govuk-link" to={`/cases/${caseId}/record/${c.slug}`}>
                    {t(commandKeys[c.type])}
                  </Link>
                </li>
              ))}
              <li>
                <Link className="govuk-link" to={`/cases/${caseId}/exception`}>
                  {t('case.actions.exception')}
                </Link>
              </li>
            </ul>
          </section>
        ) : null}

        <h2 className="govuk-heading-m">{t('case.timeline.heading')}</h2>
        <Timeline
          items={progress.timeline.map((entry) => {
            // An advocate's request is shown as made on the family's behalf.
            const onBehalfOf = entry.kind === 'request_received' ? entry.details.onBehalfOfName : undefined;
            return {
              id: entry.id,
              // A row that does not fit its kind keeps its kind's title; only its details are left out.
              title: t(eventKeys[entry.kind === 'unrecognised' ? entry.storedKind : entry.kind] ?? 'timeline.event.other'),
              byline: entry.actorName
                ? onBehalfOf !== undefined
                  ? t('advocates.onBehalfOf', { name: entry.actorName, family: onBehalfOf })
                  : t('timeline.by', { name: entry.actorName, role: entry.actorRole ? t(roleKeys[entry.actorRole]) : '' })
                : undefined,
              dateTime: entry.occurredAt,
              dateText: formatDateTime(entry.occurredAt, locale),
              description: eventDescription(entry, t, locale),
            };
          })}
        />
        <PrintButton label={t('case.print')} />
      </div>
    </div>
  );
}
