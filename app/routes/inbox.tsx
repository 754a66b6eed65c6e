import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { mayInOwnLa, requireLaPermission } from '~/auth/access.server';
import { readForm } from '~/forms/form.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { inboxOf, setAbsent, type InboxScope } from '~/features/messaging/index.server';
import { SubmitButton, Table, Tag } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

export const handle: PageHandle = { namespaces: ['messaging'], titleKey: 'inbox.title' };


const filters = ['all', 'overdue', 'today'] as const;
const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'read:inbox');
  const url = new URL(request.url);
  // A manager has no caseload of their own: their inbox is the whole LA's.
  const holdsCaseload = mayInOwnLa(user, 'hold:caseload');
  const scope: InboxScope = url.searchParams.get('view') === 'team' || !holdsCaseload ? 'team' : 'mine';
  const show = filters.find((f) => f === url.searchParams.get('show')) ?? 'all';
  const entries = await inboxOf(user, scope);
  const shown = entries.filter((e) => show === 'all' || (show === 'overdue' ? e.overdue : e.dueToday));
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
  return json({
    scope,
    show,
    page,
    pages,
    shownCount: shown.length,
    entries: shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
    total: entries.length,
    isCaseworker: holdsCaseload,
    absent: user.absent,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireLaPermission(request, 'read:inbox');
  const values = await readForm(request);
  if (mayInOwnLa(user, 'hold:caseload')) await setAbsent(user.id, values.absent === 'yes');
  return redirect('/inbox');
}

const scopeKeys = { mine: 'inbox.scope.mine', team: 'inbox.scope.team' } as const;
const showKeys = { all: 'inbox.show.all', overdue: 'inbox.show.overdue', today: 'inbox.show.today' } as const;
const waitingKeys = { acknowledgement: 'inbox.waiting.acknowledgement', reply: 'inbox.waiting.reply' } as const;

export default function Inbox() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { scope, show, page, pages, shownCount, entries, total, isCaseworker, absent } = useLoaderData<typeof loader>();
  const query = (next: { view?: InboxScope; show?: (typeof filters)[number]; page?: number }) =>
    `/inbox?view=${next.view ?? scope}${(next.show ?? show) === 'all' ? '' : `&show=${next.show ?? show}`}${next.page && next.page > 1 ? `&page=${next.page}` : ''}`;
  return (
    <>
      <h1 className="govuk-heading-l">{t('inbox.heading')}</h1>
      {isCaseworker ? (
        <nav aria-label={t('inbox.scopeLabel')}>
          <ul className="govuk-list app-inline-list">
            {(['mine', 'team'] as const).map((v) => (
              <li key={v}>
                {v === scope ? (
                  <strong aria-current="page">{t(scopeKeys[v])}</strong>
                ) : (
                  <Link className="govuk-link" to={query({ view: v })}>
                    {t(scopeKeys[v])}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <nav aria-label={t('inbox.showLabel')}>
        <ul className="govuk-list app-inline-list">
          {filters.map((f) => (
            <li key={f}>
              {f === show ? (
                <strong aria-current="page">{t(showKeys[f])}</strong>
              ) : (
                <Link className="govuk-link" to={query({ show: f })}>
                  {t(showKeys[f])}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {entries.length === 0 ? (
        <p className="govuk-body">{t(total === 0 ? 'inbox.empty' : 'inbox.noneMatch')}</p>
      ) : (
        <Table
          caption={t('inbox.caption', { count: shownCount })}
          head={[t('inbox.column.child'), t('inbox.column.caseworker'), t('inbox.column.due'), t('inbox.column.waiting'), t('inbox.column.unread')]}
          rows={entries.map((e) => [
            <Link className="govuk-link" to={`/cases/${e.caseId}/messages`} key={e.caseId}>
              {t('inbox.childAndReference', { child: e.childName, reference: e.reference })}
            </Link>,
            <>
              {e.caseworkerName ?? t('inbox.unallocated')} {e.caseworkerAbsent ? <Tag colour="purple">{t('inbox.away')}</Tag> : null}
            </>,
            <>
              {formatDate(e.dueBy, locale)} {e.overdue ? <Tag colour="red">{t('messages.overdue')}</Tag> : e.dueToday ? <Tag colour="orange">{t('messages.dueToday')}</Tag> : null}
            </>,
            t(waitingKeys[e.waitingFor]),
            e.unread > 0 ? <Tag colour="blue">{t('inbox.unreadCount', { count: e.unread })}</Tag> : t('inbox.allRead'),
          ])}
        />
      )}
      <Pagination page={page} pages={pages} hrefFor={(p) => query({ page: p })} />
      {isCaseworker ? (
        <Form method="post">
          <input type="hidden" name="absent" value={absent ? 'no' : 'yes'} />
          <p className="govuk-body">{t(absent ? 'inbox.absent.on' : 'inbox.absent.off')}</p>
          <SubmitButton variant="secondary">{t(absent ? 'inbox.absent.back' : 'inbox.absent.away')}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
