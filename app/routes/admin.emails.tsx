import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { EMAIL_FAILURES_SHOWN, emailFailuresOf } from '~/features/administration/index.server';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { BackLink, InsetText, Ltr, Table, Tag } from '~/ui/govuk/content';
import { roleKeys } from '~/ui/labels';

export const handle: PageHandle = { namespaces: ['admin'], titleKey: 'emailFailures.title' };

/**
 * Emails not getting through (ADR 0044): the council's emails that failed and are being retried,
 * or were given up after 72 hours, for the LA admin to follow up with the SMTP provider or the
 * person. Read-only.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'read:email-failures');
  return json({ ...(await emailFailuresOf(user.laId)), shown: EMAIL_FAILURES_SHOWN });
}

export default function EmailFailures() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { total, givenUp, failures, shown } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/">{t('common.back')}</BackLink>
      <h1 className="govuk-heading-l">{t('emailFailures.heading')}</h1>
      <p className="govuk-body">{t('emailFailures.intro')}</p>
      {total === 0 ? (
        <InsetText>{t('emailFailures.none')}</InsetText>
      ) : (
        <>
          <p className="govuk-body">{t('emailFailures.summary', { count: total, givenUp })}</p>
          <Table
            caption={total > shown ? t('emailFailures.captionSome', { shown, total }) : t('emailFailures.caption')}
            head={[t('emailFailures.queued'), t('emailFailures.recipient'), t('emailFailures.attempts'), t('emailFailures.status')]}
            rows={failures.map((failure) => [
              formatDateTime(failure.queuedAt, locale),
              failure.address ? <Ltr key="to">{failure.address}</Ltr> : failure.recipientRole ? t(roleKeys[failure.recipientRole]) : t('emailFailures.noAccount'),
              failure.attempts,
              failure.gaveUpAt ? (
                <span key="status">
                  <Tag colour="red">{t('emailFailures.givenUp')}</Tag> {formatDateTime(failure.gaveUpAt, locale)}
                </span>
              ) : (
                <span key="status">
                  <Tag colour="yellow">{t('emailFailures.retrying')}</Tag> {failure.nextAttemptAt ? t('emailFailures.nextAttempt', { when: formatDateTime(failure.nextAttemptAt, locale) }) : null}
                </span>
              ),
            ])}
          />
        </>
      )}
    </>
  );
}
