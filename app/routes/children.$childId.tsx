import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireChildAccess } from '~/auth/access.server';
import { audienceOf, decide, type Permission } from '~/auth/policy';
import { todayInLondon } from '~/domain/timescales';
import { closedStages } from '~/domain/vocabulary';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { capacityRecordsOf, casesAndDraftOf, recordLackOfCapacity, setParentAccess, whoDecides, withdrawLackOfCapacity } from '~/features/family/index.server';
import { startOrResumeRequest } from '~/features/requests/index.server';
import { formFailure } from '~/http.server';
import { emailField, findUserById, inviteYoungPerson } from '~/features/identity/index.server';
import { fieldErrorsFrom } from '~/forms/errors';
import { capacitySchema, capacityWithdrawalSchema, parentAccessSchema } from '~/features/advocates/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { Checkboxes, Radios, Textarea, TextInput } from '~/ui/govuk/fields';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { InsetText, NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { stageKeys } from '~/ui/labels';
import { personName } from '~/domain/names';

export const handle: PageHandle = {
  namespaces: ['identity', 'family', 'advocates', 'requests', 'rights'],
  title: (data, t) => {
    const child = (data as { child?: { firstName: string; lastName: string } } | undefined)?.child;
    return child ? personName(child) : t('child.page.titleFallback');
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, child, subject, control } = await requireChildAccess(request, params.childId ?? '', 'read:child');
  const may = (permission: Permission) => decide(user, permission, subject) === 'allow';
  // A parent the young person has not shared with sees only that: nothing of the case.
  const hidden = !may('read:child-cases');
  const { cases: childCases, hasDraft } = hidden ? { cases: [], hasDraft: false } : await casesAndDraftOf(child.id);
  const decides = whoDecides(child, todayInLondon());
  const capacity = control.basis === 'lacks_capacity' ? await capacityRecordsOf(child.id) : [];
  return json({
    canShare: may('share:child'),
    mayWithdrawCapacity: capacity.length > 0 && may('record:capacity'),
    canContribute: may('start:request'),
    mayAskForCorrection: may('request:rectification'),
    isTheYoungPerson: may('set:parent-access'),
    parentAccessAgreed: Boolean(child.parentAccessAgreedAt),
    control: { basis: control.basis, parentAccess: control.parentAccess },
    capacityRecords: capacity.map((r) => ({ id: r.id, explanation: r.explanation, recordedAt: r.recordedAt.toISOString() })),
    child: { id: child.id, firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth, school: child.school },
    cases: childCases,
    hasDraft,
    // A child has one request at a time: while a case is open, the page points to it instead of offering a new one.
    openCaseId: childCases.find((c) => !closedStages.includes(c.stage))?.id ?? null,
    decides,
    viewerIsParentOfYoungPerson: audienceOf(user) === 'parent' && control.controller === 'young_person',
    youngPersonHasAccount: Boolean(child.youngPersonUserId),
    invited: new URL(request.url).searchParams.get('invited') === '1',
  });
}

const YOUNG_PERSON_INTENTS: readonly (string | undefined)[] = ['invite-young-person', 'parent-access', 'lacks-capacity', 'withdraw-capacity'];

/** Starting (or going back to) a request is a POST: it may create the draft. So is inviting a young person. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, child, subject, consent, control } = await requireChildAccess(request, params.childId ?? '', 'start:request');
  const values = await readForm(request);
  // The young person's own account and choices exist only once the child is a young person: the
  // page offers none of them before then, and a post made anyway is refused, whatever it names.
  if (YOUNG_PERSON_INTENTS.includes(values.intent) && control.basis === 'child') throw deniedResponse('forbidden');
  if (values.intent === 'invite-young-person') {
    // Inviting the young person is the family's decision, never an advocate's.
    if (decide(user, 'share:child', subject) !== 'allow') throw deniedResponse('forbidden');
    const email = emailField.safeParse(values.email ?? '');
    // A bare field's problems come back under 'form'.
    if (!email.success) return formFailure({ email: fieldErrorsFrom(email.error).form ?? 'errors.email.required' }, values);
    const invited = await inviteYoungPerson(user, child, email.data);
    if (!invited.ok) return formFailure({ email: invited.error }, values);
    return redirect(`/children/${child.id}?invited=1`);
  }
  if (values.intent === 'parent-access') {
    if (decide(user, 'set:parent-access', subject) !== 'allow') throw deniedResponse('forbidden');
    const form = validateForm(parentAccessSchema, values);
    if (!form.ok) return formFailure(form.errors, values);
    await setParentAccess(user, child, form.data.parentAccess === 'yes');
    return redirect(`/children/${child.id}?saved=parentAccess`);
  }
  if (values.intent === 'lacks-capacity') {
    if (decide(user, 'record:capacity', subject) !== 'allow') throw deniedResponse('forbidden');
    const form = validateForm(capacitySchema, values);
    if (!form.ok) return formFailure(form.errors, values);
    const recorded = await recordLackOfCapacity(user, child, form.data.explanation);
    if (!recorded.ok) return formFailure({ explanation: recorded.error }, values);
    return redirect(`/children/${child.id}?saved=capacity`);
  }
  if (values.intent === 'withdraw-capacity') {
    if (decide(user, 'record:capacity', subject) !== 'allow') throw deniedResponse('forbidden');
    const form = validateForm(capacityWithdrawalSchema, values);
    if (!form.ok) return formFailure(form.errors, values);
    await withdrawLackOfCapacity(user, child, form.data.reason);
    return redirect(`/children/${child.id}?saved=capacityWithdrawn`);
  }
  const started = await startOrResumeRequest(user, child, new Date(), consent ? await findUserById(consent.grantedBy) : null);
  if (!started.ok) return formFailure({ form: started.error }, {});
  return redirect(`/requests/${started.request.id}`);
}

const savedKeys = {
  parentAccess: 'youngPerson.parentAccess.saved',
  capacity: 'youngPerson.capacity.saved',
  capacityWithdrawn: 'youngPerson.capacity.withdraw.saved',
} as const;

export default function ChildPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const {
    child,
    cases: childCases,
    hasDraft,
    openCaseId,
    decides,
    viewerIsParentOfYoungPerson,
    youngPersonHasAccount,
    invited,
    canShare,
    canContribute,
    isTheYoungPerson,
    parentAccessAgreed,
    control,
    capacityRecords,
    mayWithdrawCapacity,
    mayAskForCorrection,
  } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const saved = params.get('saved');
  const name = { first: personName(child, 'given') };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {invited ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('child.invite.sent', name)}</p>
          </NotificationBanner>
        ) : null}
        {saved && Object.hasOwn(savedKeys, saved) ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(savedKeys[saved as keyof typeof savedKeys], name)}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['form', 'email', 'parentAccess', 'explanation', 'confirm', 'reason']} />
        <h1 className="govuk-heading-l">{personName(child)}</h1>
        <SummaryList
          rows={[
            { key: t('child.field.dateOfBirth'), value: formatDate(child.dateOfBirth, locale) },
            { key: t('child.field.school'), value: child.school ?? t('child.page.noSchool') },
          ]}
        />
        {mayAskForCorrection ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/children/${child.id}/correction`}>
              {isTheYoungPerson ? t('rectification.childPage.linkOwn') : t('rectification.childPage.link', { name: name.first })}
            </Link>
          </p>
        ) : null}
        {decides.decider === 'young_person' ? (
          <InsetText>
            <p className="govuk-body">{t('child.page.youngPerson', { ...name, date: formatDate(decides.youngPersonFrom, locale) })}</p>
            {viewerIsParentOfYoungPerson && !youngPersonHasAccount ? <p className="govuk-body">{t('child.page.youngPersonInvite', name)}</p> : null}
            {youngPersonHasAccount ? <p className="govuk-body">{t('child.invite.linked', name)}</p> : null}
          </InsetText>
        ) : null}
        {decides.decider === 'young_person' && viewerIsParentOfYoungPerson && !youngPersonHasAccount ? (
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="intent" value="invite-young-person" />
            <TextInput
              name="email"
              type="email"
              label={t('child.invite.email', name)}
              hint={t('child.invite.emailHint', name)}
              spellCheck={false}
              error={errors.email}
              defaultValue={values.email}
            />
            <SubmitButton>{t('child.invite.submit', name)}</SubmitButton>
          </Form>
        ) : null}
        {control.basis === 'lacks_capacity' ? (
          <InsetText>
            <p className="govuk-body">{t('youngPerson.capacity.onRecord', name)}</p>
            {capacityRecords.map((r) => (
              <p className="govuk-body app-pre-line" key={r.id}>
                {t('youngPerson.capacity.recordLine', { date: formatDateTime(r.recordedAt, locale), explanation: r.explanation })}
              </p>
            ))}
          </InsetText>
        ) : null}
        {mayWithdrawCapacity ? (
          <details className="govuk-details" open={Boolean(errors.reason)}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t('youngPerson.capacity.withdraw.summary')}</span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body">{t('youngPerson.capacity.withdraw.intro', name)}</p>
              <Form method="post" noValidate key={`capacity-withdraw-${formKey}`}>
                <input type="hidden" name="intent" value="withdraw-capacity" />
                <Textarea name="reason" label={t('youngPerson.capacity.withdraw.reason')} hint={t('youngPerson.capacity.withdraw.reasonHint', name)} error={errors.reason} defaultValue={values.reason} />
                <SubmitButton variant="secondary">{t('youngPerson.capacity.withdraw.submit')}</SubmitButton>
              </Form>
            </div>
          </details>
        ) : null}
        {control.basis === 'awaiting_young_person' && viewerIsParentOfYoungPerson ? (
          <details className="govuk-details" open={Boolean(errors.explanation || errors.confirm)}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{t('youngPerson.capacity.summary', name)}</span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body">{t('youngPerson.capacity.intro', name)}</p>
              <Form method="post" noValidate key={`capacity-${formKey}`}>
                <input type="hidden" name="intent" value="lacks-capacity" />
                <Textarea name="explanation" label={t('youngPerson.capacity.explanation', name)} hint={t('youngPerson.capacity.explanationHint')} error={errors.explanation} defaultValue={values.explanation} />
                <Checkboxes
                  name="confirm"
                  legend={t('youngPerson.capacity.confirmLegend')}
                  error={errors.confirm}
                  checked={values.confirm ? [values.confirm] : []}
                  choices={[{ value: 'yes', label: t('youngPerson.capacity.confirm', name) }]}
                />
                <SubmitButton variant="secondary">{t('youngPerson.capacity.submit')}</SubmitButton>
              </Form>
            </div>
          </details>
        ) : null}
        {viewerIsParentOfYoungPerson && control.parentAccess === 'none' ? <InsetText>{t('youngPerson.parentAccess.notShared', name)}</InsetText> : null}
        {isTheYoungPerson && decides.decider === 'young_person' ? (
          <Form method="post" noValidate key={`access-${formKey}`}>
            <input type="hidden" name="intent" value="parent-access" />
            <Radios
              name="parentAccess"
              legend={t('youngPerson.parentAccess.legend')}
              hint={t('youngPerson.parentAccess.hint')}
              error={errors.parentAccess}
              defaultValue={values.parentAccess ?? (parentAccessAgreed ? 'yes' : 'no')}
              choices={[
                { value: 'yes', label: t('youngPerson.parentAccess.yes') },
                { value: 'no', label: t('youngPerson.parentAccess.no') },
              ]}
            />
            <SubmitButton>{t('youngPerson.parentAccess.submit')}</SubmitButton>
          </Form>
        ) : null}
        {canShare ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/children/${child.id}/advocates`}>
              {t('advocates.consent.link')}
            </Link>
          </p>
        ) : null}
        {decides.decider === 'young_person' ? null : (
          <p className="govuk-body">{t('child.page.parentDecides', { ...name, date: formatDate(decides.youngPersonFrom, locale) })}</p>
        )}
        {childCases.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('child.page.cases')}</h2>
            <ul className="govuk-list">
              {childCases.map((c) => (
                <li key={c.id}>
                  <Link className="govuk-link" to={`/cases/${c.id}`}>
                    {t('home.family.caseLink', { reference: c.reference })}
                  </Link>{' '}
                  <span className="govuk-hint">{t(stageKeys[c.stage])}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {errors.form ? (
          <p className="govuk-error-message" id="form">
            <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(errors.form)}
          </p>
        ) : null}
        {openCaseId && !hasDraft ? (
          <InsetText>
            <p className="govuk-body">{t('child.page.openCase', name)}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to={`/cases/${openCaseId}`}>
                {t('child.page.openCaseLink')}
              </Link>
            </p>
          </InsetText>
        ) : viewerIsParentOfYoungPerson || !canContribute ? null : (
          <>
            <h2 className="govuk-heading-m">{t('child.page.requestHeading')}</h2>
            <p className="govuk-body">{t('child.page.requestIntro')}</p>
            <Form method="post">
              <SubmitButton>{t(hasDraft ? 'child.page.continueRequest' : 'child.page.startRequest')}</SubmitButton>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
