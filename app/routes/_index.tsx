import type { LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser, requireLaPermission } from '~/auth/access.server';
import { audienceOf, homeOf } from '~/auth/policy';
import type { User } from '../../db/schema';
import type { PageHandle } from '~/root';
import { familyHomeOf } from '~/features/case-progress/index.server';
import { FamilyHome } from '~/features/family';
import { caseloadScreen, caseworkerLoads, teamSummaries } from '~/features/caseload/index.server';
import { CaseloadView, TeamsView, COUNCIL_CASES_PATH } from '~/features/caseload';
import { advocateWorkspace, type WorkspaceFamily } from '~/features/advocates/index.server';
import { lateComplaintCount } from '~/features/complaints/index.server';
import { clockStepKeys } from '~/domain/clock-labels';
import { ButtonLink, Table, Tag } from '~/ui/govuk/content';
import { todayInLondon } from '~/domain/timescales';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { stageKeys } from '~/ui/labels';
import { consentScopeKeys } from '~/ui/consent-labels';

export const handle: PageHandle = {
  namespaces: ['family', 'advocates', 'case', 'admin', 'casework'],
  title: (data, t) => {
    const home = data as HomeData | undefined;
    const title = t(homeTitleKeys[home?.view ?? 'start']);
    // A search the list could not run is an error on the page, as a failed form is.
    return home?.view === 'caseload' && home.caseload.searchError ? t('layout.errorTitle', { title }) : title;
  },
};

const homeTitleKeys = {
  start: 'home.start.title',
  family: 'home.family.title',
  caseload: 'home.caseload.title',
  teams: 'home.teams.title',
  admin: 'home.admin.title',
  advocate: 'advocates.workspace.title',
  other: 'home.other.title',
} as const;

/** One address, a different home for each person (the policy's `homeOf`): what each needs first. */
async function homeFor(request: Request, user: User | null) {
  if (!user) return { view: 'start' as const };
  switch (homeOf(user)) {
    case 'family':
      return { view: 'family' as const, children: await familyHomeOf(user, todayInLondon()), forSelf: audienceOf(user) === 'young_person' };
    case 'caseload': {
      const caseworker = await requireLaPermission(request, 'hold:caseload');
      return { view: 'caseload' as const, caseload: await caseloadScreen({ laId: caseworker.laId, caseworkerId: caseworker.id }, new URL(request.url)) };
    }
    case 'teams': {
      const manager = await requireLaPermission(request, 'read:teams');
      const [teams, caseworkers, lateComplaints] = await Promise.all([teamSummaries(manager.laId), caseworkerLoads(manager.laId), lateComplaintCount(manager.laId)]);
      return { view: 'teams' as const, teams, caseworkers, lateComplaints };
    }
    case 'admin':
      return { view: 'admin' as const, pages: adminPages };
    case 'advice':
      // Professionals work only on the requests for advice they were sent.
      throw redirect('/advice');
    case 'setting':
      // A school's or setting's staff: their setting's page, its own route (no client JS here).
      throw redirect('/setting');
    case 'advocate':
      // Which consent and whose: for the audit log, not for the page.
      return { view: 'advocate' as const, families: (await advocateWorkspace(user, todayInLondon())).map(({ consentId: _c, grantedBy: _g, ...family }) => family) };
    case null:
      return { view: 'other' as const, role: user.role };
  }
}

type HomeData = Awaited<ReturnType<typeof homeFor>>;

export async function loader({ request }: LoaderFunctionArgs) {
  return json(await homeFor(request, await getOptionalUser(request)));
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  switch (data.view) {
    case 'start':
      return <StartPage />;
    case 'family':
      return <FamilyHome childList={data.children} forSelf={data.forSelf} />;
    case 'caseload':
      return <Caseload caseload={data.caseload} />;
    case 'teams':
      return <Teams teams={data.teams} caseworkers={data.caseworkers} lateComplaints={data.lateComplaints} />;
    case 'admin':
      return <AdminHome pages={data.pages} />;
    case 'advocate':
      return <AdvocateWorkspace families={data.families} />;
    case 'other':
      return <OtherHome />;
  }
}

function StartPage() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-xl">{t('home.start.heading')}</h1>
        <p className="govuk-body-l">{t('home.start.lead')}</p>
        <p className="govuk-body">{t('home.start.canDo')}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t('home.start.list.request')}</li>
          <li>{t('home.start.list.progress')}</li>
          <li>{t('home.start.list.messages')}</li>
          <li>{t('home.start.list.advice')}</li>
        </ul>
        <ButtonLink to="/sign-in" start>
          {t('home.start.signIn')}
        </ButtonLink>
        <h2 className="govuk-heading-m">{t('home.start.newHeading')}</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/register">
            {t('home.start.register')}
          </Link>
        </p>
        <h2 className="govuk-heading-m">{t('home.start.helpHeading')}</h2>
        <p className="govuk-body">{t('home.start.help')}</p>
      </div>
    </div>
  );
}

/** Where casework starts each day, for caseworkers and managers alike. */
function StaffShortcuts({ figures = false }: { figures?: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="govuk-list">
      <li>
        <Link className="govuk-link" to="/inbox">
          {t('home.caseload.inbox')}
        </Link>
      </li>
      <li>
        <Link className="govuk-link" to="/intake">
          {t('home.caseload.intake')}
        </Link>
      </li>
      <li>
        <Link className="govuk-link" to="/reviews">
          {t('home.caseload.reviews')}
        </Link>
      </li>
      <li>
        <Link className="govuk-link" to="/appeals">
          {t('home.caseload.tribunalOrders')}
        </Link>
      </li>
      {figures ? (
        <li>
          <Link className="govuk-link" to={COUNCIL_CASES_PATH}>
            {t('teamsView.allCases')}
          </Link>
        </li>
      ) : null}
      {figures ? (
        <li>
          <Link className="govuk-link" to="/reports/timeliness">
            {t('home.teams.timeliness')}
          </Link>
        </li>
      ) : null}
      {figures ? (
        <li>
          <Link className="govuk-link" to="/reports/sen2">
            {t('home.teams.sen2')}
          </Link>
        </li>
      ) : null}
      {figures ? (
        <li>
          <Link className="govuk-link" to="/reports/scrutiny">
            {t('home.teams.scrutiny')}
          </Link>
        </li>
      ) : null}
      {figures ? (
        <li>
          <Link className="govuk-link" to="/reports/feedback">
            {t('home.teams.feedback')}
          </Link>
        </li>
      ) : null}
      <li>
        <Link className="govuk-link" to="/corrections">
          {t('home.caseload.corrections')}
        </Link>
      </li>
      {figures ? (
        <li>
          <Link className="govuk-link" to="/subject-access">
            {t('home.teams.subjectAccess')}
          </Link>
        </li>
      ) : null}
      {figures ? (
        <li>
          <Link className="govuk-link" to="/retention">
            {t('home.teams.retention')}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

function Caseload({ caseload }: { caseload: Extract<HomeData, { view: 'caseload' }>['caseload'] }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('home.caseload.heading')}</h1>
      <StaffShortcuts />
      <CaseloadView data={caseload} path="/" />
    </>
  );
}

function Teams({ teams, caseworkers, lateComplaints }: Pick<Extract<HomeData, { view: 'teams' }>, 'teams' | 'caseworkers' | 'lateComplaints'>) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('home.teams.heading')}</h1>
      <StaffShortcuts figures />
      {/* Late complaint responses are flagged to managers (ADR 0050). */}
      <p className="govuk-body">
        <Link className="govuk-link" to={lateComplaints > 0 ? '/complaints?show=late' : '/complaints'}>
          {t('home.teams.complaints', { number: lateComplaints })}
        </Link>
      </p>
      <TeamsView teams={teams} caseworkers={caseworkers} />
    </>
  );
}

/** The LA admin's pages, in the order the home lists them (sent as data: the home's client bundle stays small). */
const adminPages = [
  ['/admin/users', 'home.admin.users'],
  ['/admin/organisations', 'adviceOrgs.homeLink'],
  ['/admin/settings', 'admin.settingsLink'],
  ['/admin/service-standards', 'home.admin.standards'],
  ['/admin/council', 'councilSettings.homeLink'],
  ['/admin/retention', 'councilSettings.retentionLink'],
  ['/admin/interpreters', 'interpreterList.homeLink'],
  ['/admin/complaints', 'home.admin.complaintTimes'],
  ['/admin/translations', 'translationReview.homeLink'],
  ['/admin/emails', 'emailFailures.homeLink'],
] as const;

function AdminHome({ pages }: { pages: readonly (readonly [string, string])[] }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('home.admin.heading')}</h1>
      <ul className="govuk-list">
        {pages.map(([to, key]) => (
          <li key={to}>
            <Link className="govuk-link" to={to}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function OtherHome() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('home.other.heading')}</h1>
      <p className="govuk-body">{t('home.other.none')}</p>
    </>
  );
}

/** The advocate's home: the families who have given consent, and what each case needs next. */
function AdvocateWorkspace({ families }: { families: readonly Omit<WorkspaceFamily, 'consentId' | 'grantedBy'>[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <>
      <h1 className="govuk-heading-l">{t('advocates.workspace.heading')}</h1>
      <p className="govuk-body">{t('advocates.workspace.intro')}</p>
      {families.length === 0 ? (
        <p className="govuk-body">{t('advocates.workspace.none')}</p>
      ) : (
        <Table
          caption={t('advocates.workspace.caption', { count: families.length })}
          head={[t('advocates.workspace.child'), t('advocates.workspace.stage'), t('advocates.workspace.nextDate'), t('advocates.workspace.messages'), t('advocates.workspace.consent')]}
          rows={families.map((f) => [
            <>
              <Link className="govuk-link" to={f.case ? `/cases/${f.case.id}` : `/children/${f.childId}`}>
                {f.childName}
              </Link>
              <br />
              <span className="govuk-hint">{t('advocates.workspace.family', { name: f.familyName })}</span>
              {f.draftRequestId ? (
                <>
                  <br />
                  <Link className="govuk-link" to={`/requests/${f.draftRequestId}`}>
                    {t('advocates.workspace.draft', { name: f.childName })}
                  </Link>
                </>
              ) : null}
            </>,
            f.case ? t(stageKeys[f.case.stage]) : t('advocates.workspace.noCase'),
            f.case?.nextDate ? t('advocates.workspace.nextDateValue', { step: t(clockStepKeys[f.case.nextDate.step]), date: formatDate(f.case.nextDate.dueBy, locale) }) : t('advocates.workspace.noDate'),
            f.case?.awaitingReplyBy ? (
              <Tag colour="orange">{t('advocates.workspace.awaitingReply', { date: formatDate(f.case.awaitingReplyBy, locale) })}</Tag>
            ) : (
              t('advocates.workspace.noneWaiting')
            ),
            t('advocates.workspace.consentValue', { scope: t(consentScopeKeys[f.scope]), date: formatDate(f.expiresOn, locale) }),
          ])}
        />
      )}
    </>
  );
}
