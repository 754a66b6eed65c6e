import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { readForm } from '~/forms/form.server';
import { approveDeletion, deletionsOf, dueListPage, parseApprovalForm, type ApprovalOutcome, type LegalHold } from '~/features/retention/index.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary, fieldId } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton, Table, Tag, WarningText } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';
import { HOLD_LABELS, HOLD_REASON_LABELS, RULE_LABELS } from '~/features/retention';

/**
 * What the council's retention schedule says may now be deleted (ADR 0037), listed each night,
 * for a manager to approve item by item or a selection at once. Holds are read as they stand
 * now; a held item cannot be chosen, and the deletion checks again before it deletes.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'retention.title' };

const pageFrom = (url: URL) => Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'manage:retention');
  const [list, deletions] = await Promise.all([dueListPage(manager.laId, pageFrom(new URL(request.url))), deletionsOf(manager.laId)]);
  return json({ ...list, deletions: deletions.map((d) => ({ id: d.id, caseReference: d.caseReference, rule: d.rule, deletedAt: d.deletedAt.toISOString() })) });
}

export async function action({ request }: ActionFunctionArgs) {
  const manager = await requireLaPermission(request, 'manage:retention');
  const values = await readForm(request);
  const parsed = parseApprovalForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcomes: Record<ApprovalOutcome, number> = { deleted: 0, held: 0, not_due: 0, gone: 0 };
  // One transaction per item: one that is held or no longer due never stops the others.
  for (const id of parsed.items) outcomes[await approveDeletion(manager, id, { address: clientAddress(request) })] += 1;
  const page = pageFrom(new URL(request.url));
  return redirect(`/retention?deleted=${outcomes.deleted}&held=${outcomes.held + outcomes.not_due}${page > 1 ? `&page=${page}` : ''}`);
}

function Holds({ holds }: { holds: LegalHold[] }) {
  const { t } = useTranslation();
  if (holds.length === 0) return <>{t('retention.noHold')}</>;
  return (
    <ul className="govuk-list">
      {holds.map((hold, i) => (
        <li key={i}>
          <Tag colour="orange">{hold.reason ? t('retention.holdRecorded', { reason: t(HOLD_REASON_LABELS[hold.reason]) }) : t(HOLD_LABELS[hold.kind])}</Tag>
        </li>
      ))}
    </ul>
  );
}

export default function RetentionList() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { entries, total, page, pages, listedAt, deletions } = useLoaderData<typeof loader>();
  const { errors } = useFormResult();
  const [params] = useSearchParams();
  const recordName = (entry: { caseReference: string | null }) => entry.caseReference ?? t('retention.draftRequest');
  const deleted = params.get('deleted');
  const approvable = entries.filter((e) => e.holds.length === 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {deleted !== null && Object.keys(errors).length === 0 ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('retention.deletedCount', { count: Number(deleted) || 0 })}</p>
            {Number(params.get('held')) > 0 ? <p className="govuk-body">{t('retention.keptCount', { count: Number(params.get('held')) })}</p> : null}
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['item']} />
        <h1 className="govuk-heading-l">{t('retention.heading')}</h1>
        <p className="govuk-body">{t('retention.intro')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/retention/holds">
            {t('retention.holdsLink')}
          </Link>
        </p>
        {listedAt ? <p className="govuk-body-s">{t('retention.listedAt', { when: formatDateTime(listedAt, locale) })}</p> : null}
        {entries.length === 0 ? (
          <p className="govuk-body">{t('retention.none')}</p>
        ) : (
          <Form method="post" action={page > 1 ? `/retention?page=${page}` : '/retention'} noValidate>
            <div className={`govuk-form-group${errors.item ? ' govuk-form-group--error' : ''}`} id={fieldId('item')} tabIndex={-1}>
              {errors.item ? (
                <p className="govuk-error-message">
                  <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(errors.item)}
                </p>
              ) : null}
              <Table
                caption={t('retention.caption', { page, pages, total })}
                head={[t('retention.head.select'), t('retention.head.record'), t('retention.head.rule'), t('retention.head.due'), t('retention.head.holds'), t('retention.head.action')]}
                rows={entries.map((entry) => [
                  entry.holds.length === 0 ? (
                    <div className="govuk-checkboxes govuk-checkboxes--small" key="select">
                      <div className="govuk-checkboxes__item">
                        <input className="govuk-checkboxes__input" id={`item-${entry.id}`} name="item" type="checkbox" value={entry.id} />
                        <label className="govuk-label govuk-checkboxes__label" htmlFor={`item-${entry.id}`}>
                          <span className="govuk-visually-hidden">{t('retention.select', { record: recordName(entry) })}</span>
                        </label>
                      </div>
                    </div>
                  ) : (
                    ''
                  ),
                  entry.caseId ? (
                    <Link key="record" className="govuk-link" to={`/cases/${entry.caseId}`}>
                      {recordName(entry)}
                    </Link>
                  ) : (
                    recordName(entry)
                  ),
                  t(RULE_LABELS[entry.rule]),
                  formatDate(entry.dueOn, locale),
                  <Holds key="holds" holds={entry.holds} />,
                  entry.holds.length === 0 ? (
                    <SubmitButton key="one" variant="warning" name="only" value={entry.id}>
                      {t('retention.deleteOne')}
                      <span className="govuk-visually-hidden"> {recordName(entry)}</span>
                    </SubmitButton>
                  ) : (
                    ''
                  ),
                ])}
              />
            </div>
            <Pagination page={page} pages={pages} hrefFor={(p) => `/retention?page=${p}`} />
            {approvable.length > 0 ? (
              <>
                <WarningText>{t('retention.warning')}</WarningText>
                <SubmitButton variant="warning">{t('retention.deleteSelected')}</SubmitButton>
              </>
            ) : null}
          </Form>
        )}
        <h2 className="govuk-heading-m">{t('retention.deletionsHeading')}</h2>
        {deletions.length === 0 ? (
          <p className="govuk-body">{t('retention.noDeletions')}</p>
        ) : (
          <Table
            caption={t('retention.deletionsCaption')}
            head={[t('retention.head.record'), t('retention.head.rule'), t('retention.head.deletedAt')]}
            rows={deletions.map((d) => [recordName(d), t(RULE_LABELS[d.rule]), formatDateTime(d.deletedAt, locale)])}
          />
        )}
      </div>
    </div>
  );
}
