import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireChildAccess } from '~/auth/access.server';
import { todayInLondon } from '~/domain/timescales';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { casesAndDraftOf, whoDecides } from '~/services/children.server';
import { startOrResumeRequest } from '~/services/requests.server';
import { formFailure, originOf } from '~/http.server';
import { emailField } from '~/forms/account.server';
import { fieldErrorsFrom } from '~/forms/errors';
import { readForm } from '~/forms/form.server';
import { inviteYoungPerson } from '~/services/accounts.server';
import { TextInput } from '~/ui/govuk/fields';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { InsetText, NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { stageKeys } from '~/ui/labels';

export const handle: PageHandle = {
  title: (data, t) => {
    const child = (data as { child?: { firstName: string; lastName: string } } | undefined)?.child;
    return child ? t('child.page.title', { first: child.firstName, last: child.lastName }) : t('child.page.titleFallback');
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, child } = await requireChildAccess(request, params.childId ?? '', 'read');
  const { cases: childCases, hasDraft } = await casesAndDraftOf(child.id);
  const decides = whoDecides(child, todayInLondon());
  return json({
    child: { id: child.id, firstName: child.firstName, lastName: child.lastName, dateOfBirth: child.dateOfBirth, school: child.school },
    cases: childCases,
    hasDraft,
    decides,
    viewerIsParentOfYoungPerson: user.role === 'parent' && decides.decider === 'young_person',
    youngPersonHasAccount: Boolean(child.youngPersonUserId),
    invited: new URL(request.url).searchParams.get('invited') === '1',
  });
}

/** Starting (or going back to) a request is a POST: it may create the draft. So is inviting a young person. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, child } = await requireChildAccess(request, params.childId ?? '', 'contribute');
  const values = await readForm(request);
  if (values.intent === 'invite-young-person') {
    const email = emailField.safeParse(values.email ?? '');
    // A bare field's problems come back under 'form'.
    if (!email.success) return formFailure({ email: fieldErrorsFrom(email.error).form ?? 'errors.email.required' }, values);
    const invited = await inviteYoungPerson(user, child, email.data, originOf(request));
    if (!invited.ok) return formFailure({ email: invited.error }, values);
    return redirect(`/children/${child.id}?invited=1`);
  }
  const started = await startOrResumeRequest(user, child);
  if (!started.ok) return formFailure({ form: started.error }, {});
  return redirect(`/requests/${started.request.id}`);
}

export default function ChildPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { child, cases: childCases, hasDraft, decides, viewerIsParentOfYoungPerson, youngPersonHasAccount, invited } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const name = { first: child.firstName, last: child.lastName };
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {invited ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('child.invite.sent', name)}</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{t('child.page.heading', name)}</h1>
        <SummaryList
          rows={[
            { key: t('child.field.dateOfBirth'), value: formatDate(child.dateOfBirth, locale) },
            { key: t('child.field.school'), value: child.school ?? t('child.page.noSchool') },
          ]}
        />
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
              hint={t('child.invite.emailHint')}
              spellCheck={false}
              error={errors.email}
              defaultValue={values.email}
            />
            <SubmitButton>{t('child.invite.submit', name)}</SubmitButton>
          </Form>
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
        {viewerIsParentOfYoungPerson ? null : (
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
