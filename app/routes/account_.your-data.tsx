import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { decide, PORTAL } from '~/auth/policy';
import { personName } from '~/domain/names';
import { requireChildAccess, requireUser } from '~/auth/access.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { askForData, childrenToAskAbout, correctionsBy, parseAskForm, subjectAccessRequestsBy } from '~/features/data-rights/index.server';
import { RECTIFICATION_STATUS_LABELS } from '~/features/data-rights';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, Table } from '~/ui/govuk/content';
import { Radios } from '~/ui/govuk/fields';

/**
 * A person's own data (ADR 0034): their account data to download at any time, and a subject
 * access request to the council holding their child's record, with its progress and, once
 * released, the copy.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'dataRights.yourData.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const kids = await childrenToAskAbout(user.id);
  return json({
    mayDownloadAccount: decide(user, 'download:own-data', PORTAL) === 'allow',
    // Only children whose council the person may ask (the policy decides: family of the child).
    children: kids.map((c) => ({ id: c.id, name: personName(c) })),
    requests: await subjectAccessRequestsBy(user.id),
    corrections: await correctionsBy(user.id),
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const values = await readForm(request);
  const parsed = parseAskForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  // Audited: the request reaches the child's record at the council.
  const { user, child } = await requireChildAccess(request, parsed.data.childId, 'request:subject-access');
  await askForData(user, child, parsed.data.formKey);
  return redirect('/account/your-data?asked=1');
}

export default function YourData() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { mayDownloadAccount, children, requests, corrections, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [search] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">{t('common.back')}</BackLink>
        {search.get('asked') && !errors.childId ? (
          <NotificationBanner title={t('dataRights.yourData.askedTitle')} success>
            {t('dataRights.yourData.asked')}
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['childId']} />
        <h1 className="govuk-heading-l">{t('dataRights.yourData.title')}</h1>
        <p className="govuk-body">{t('dataRights.yourData.intro')}</p>
        {mayDownloadAccount ? (
          <>
            <h2 className="govuk-heading-m">{t('dataRights.yourData.accountHeading')}</h2>
            <p className="govuk-body">{t('dataRights.yourData.accountBody')}</p>
            <p className="govuk-body">
              <a className="govuk-link" href="/account/your-data/account" download>
                {t('dataRights.yourData.accountLink')}
              </a>
            </p>
          </>
        ) : null}
        <h2 className="govuk-heading-m">{t('dataRights.yourData.askHeading')}</h2>
        <p className="govuk-body">{t('dataRights.yourData.askBody')}</p>
        {children.length === 0 ? (
          <p className="govuk-body">{t('dataRights.yourData.noChildren')}</p>
        ) : (
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
            <Radios
              name="childId"
              legend={t('dataRights.yourData.child')}
              hint={t('dataRights.yourData.childHint')}
              error={errors.childId}
              defaultValue={values.childId ?? (children.length === 1 ? children[0].id : undefined)}
              choices={children.map((c) => ({ value: c.id, label: c.name }))}
            />
            <SubmitButton>{t('dataRights.yourData.submit')}</SubmitButton>
          </Form>
        )}
        {requests.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('dataRights.yourData.requestsHeading')}</h2>
            <Table
              caption={t('dataRights.yourData.caption')}
              head={[t('dataRights.yourData.head.council'), t('dataRights.yourData.head.received'), t('dataRights.yourData.head.due'), t('dataRights.yourData.head.status')]}
              rows={requests.map((r) => [
                r.council,
                formatDate(r.receivedOn, locale),
                formatDate(r.dueOn, locale),
                r.status === 'released' ? (
                  <Link className="govuk-link" to={`/account/your-data/${r.id}`} reloadDocument>
                    {t('dataRights.yourData.download')}
                  </Link>
                ) : (
                  t('dataRights.yourData.status.received')
                ),
              ])}
            />
          </>
        ) : null}
        <h2 className="govuk-heading-m" id="corrections">
          {t('rectification.yourData.heading')}
        </h2>
        <p className="govuk-body">{t('rectification.yourData.body')}</p>
        {children.length > 0 ? (
          <ul className="govuk-list">
            {children.map((c) => (
              <li key={c.id}>
                <Link className="govuk-link" to={`/children/${c.id}`}>
                  {t('rectification.yourData.childLink', { name: c.name })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {corrections.length > 0 ? (
          <Table
            caption={t('rectification.yourData.caption')}
            head={[t('rectification.yourData.head.child'), t('rectification.yourData.head.received'), t('rectification.yourData.head.due'), t('rectification.yourData.head.status')]}
            rows={corrections.map((c) => [
              <Link key="child" className="govuk-link" to={`/account/corrections/${c.id}`}>
                {c.childName}
              </Link>,
              formatDate(c.receivedOn, locale),
              formatDate(c.dueOn, locale),
              t(RECTIFICATION_STATUS_LABELS[c.status]),
            ])}
          />
        ) : null}
      </div>
    </div>
  );
}
