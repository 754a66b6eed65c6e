import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { mayInOwnLa, requireCaseAccess, requireLaPermission } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { daysBetween, todayInLondon } from '~/domain/timescales';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { allocateCaseworker, allocationOf, intakeQueue } from '~/features/requests/index.server';
import { caseworkerLoads } from '~/features/caseload/index.server';
import { CaseworkerSelect } from '~/features/caseload';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { Ltr, NotificationBanner, SubmitButton, Tag } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['family', 'requests', 'case', 'casework'], titleKey: 'intake.title' };


export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'read:inbox');
  const allocated = new URL(request.url).searchParams.get('allocated');
  const [queue, caseworkers, confirmation] = await Promise.all([intakeQueue(user), caseworkerLoads(user.laId), allocated ? allocationOf(user.laId, allocated) : null]);
  const today = todayInLondon();
  return json({
    queue: queue.map((entry) => ({ ...entry, daysLeft: daysBetween(today, entry.decisionDue) })),
    caseworkers,
    me: mayInOwnLa(user, 'hold:caseload') ? user.id : null,
    confirmation: confirmation?.caseworkerName ? confirmation : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const { user, subject } = await requireCaseAccess(request, values.caseId ?? '', 'record:decision');
  const result = await allocateCaseworker(user, values.caseId!, values.caseworkerId ?? '', { mayReassign: decide(user, 'reassign:case', subject) === 'allow' });
  if (!result.ok) return formFailure({ [`caseworkerId-${values.caseId}`]: result.error }, values);
  return redirect(`/intake?allocated=${values.caseId}`);
}

const viaKeys: Record<string, string> = {
  online: 'intake.via.online',
  phone: 'intake.via.phone',
  letter: 'intake.via.letter',
  email: 'intake.via.email',
  school: 'intake.via.school',
};

export default function Intake() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { queue, caseworkers, me, confirmation } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  return (
    <>
      {confirmation && Object.keys(errors).length === 0 ? (
        <NotificationBanner title={t('allocation.doneTitle')} success>
          <p className="govuk-notification-banner__heading">{t('allocation.done', { child: confirmation.childName, reference: confirmation.reference, caseworker: confirmation.caseworkerName })}</p>
          <p className="govuk-body">
            <Link className="govuk-notification-banner__link" to={`/cases/${confirmation.id}`}>
              {t('allocation.viewCase', { child: confirmation.childName })}
            </Link>
          </p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{t('intake.heading')}</h1>
      <p className="govuk-body">
        <Link className="govuk-link" to="/intake/record">
          {t('intake.recordLink')}
        </Link>
      </p>
      {queue.length === 0 ? <p className="govuk-body">{t('intake.empty')}</p> : null}
      {queue.map((entry) => (
        <div className="govuk-summary-card" key={entry.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">
              <Link className="govuk-link" to={`/cases/${entry.id}`}>
                {entry.childName}
              </Link>
            </h2>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t('home.caseload.reference')}</dt>
                <dd className="govuk-summary-list__value">
                  <Ltr>{entry.reference}</Ltr>
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t('intake.received')}</dt>
                <dd className="govuk-summary-list__value">
                  {t('intake.receivedVia', { date: formatDate(entry.requestReceived, locale), via: t(viaKeys[entry.receivedVia]) })}
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t('intake.decisionDue')}</dt>
                <dd className="govuk-summary-list__value">
                  {formatDate(entry.decisionDue, locale)}{' '}
                  {entry.daysLeft < 0 ? <Tag colour="red">{t('clock.status.missed')}</Tag> : <Tag colour={entry.daysLeft <= 7 ? 'orange' : 'blue'}>{t('clock.daysLeft', { count: entry.daysLeft })}</Tag>}
                </dd>
              </div>
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">{t('intake.team')}</dt>
                <dd className="govuk-summary-list__value">{entry.teamName}</dd>
              </div>
              {entry.interpreterLanguage ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t('intake.interpreter')}</dt>
                  <dd className="govuk-summary-list__value">{entry.interpreterLanguage}</dd>
                </div>
              ) : null}
            </dl>
            <Form method="post">
              <input type="hidden" name="caseId" value={entry.id} />
              <CaseworkerSelect
                id={`caseworkerId-${entry.id}`}
                label={t('intake.allocateTo', { child: entry.childName })}
                error={errors[`caseworkerId-${entry.id}`]}
                defaultValue={me ?? ''}
                caseworkers={caseworkers}
              />
              <SubmitButton variant="secondary">{t('intake.allocate')}</SubmitButton>
            </Form>
          </div>
        </div>
      ))}
    </>
  );
}
