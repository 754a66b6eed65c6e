import type { LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser, requireLaPermission } from '~/auth/access.server';
import { audienceOf, homeOf } from '~/auth/policy';
import type { User } from '../../db/schema';
import type { PageHandle } from '~/root';
import { caseloadOf, familyHomeOf, teamSummaries } from '~/features/case-progress/index.server';
import { FamilyHome } from '~/features/family';
import { advocateWorkspace, type WorkspaceFamily } from '~/features/advocates/index.server';
import { clockStepKeys } from '~/domain/case-clock';
import { ButtonLink, Table, Tag } from '~/ui/govuk/content';
import { todayInLondon } from '~/domain/timescales';
import { formatDate } from '~/i18n/format';
import type { Locale } from '~/i18n/config';
import { stageKeys } from '~/ui/labels';
import { consentScopeKeys } from '~/ui/consent-labels';

export const handle: PageHandle = {
  namespaces: ['family', 'advocates', 'case', 'admin'],
  title: (data, t) => t(homeTitleKeys[(data as HomeData | undefined)?.view ?? 'start']),
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
    case 'caseload':
      return { view: 'caseload' as const, caseload: await caseloadOf(user, todayInLondon()) };
    case 'teams': {
      const manager = await requireLaPermission(request, 'read:teams');
      return { view: 'teams' as const, teams: await teamSummaries(manager.laId) };
    }
    case 'admin':
      return { view: 'admin' as const };
    case 'advice':
      // Professionals work only on the requests for advice they were sent.
      throw redirect('/advice');
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
      return <Teams teams={data.teams} />;
    case 'admin':
      return <AdminHome />;
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
      {figures ? (
        <li>
          <Link className="govuk-link" to="/reports/timeliness">
            {t('home.teams.timeliness')}
          </Link>
        </li>
      ) : null}
    </ul>
  );
}

function Caseload({ caseload }: { caseload: Awaited<ReturnType<typeof caseloadOf>> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <>
      <h1 className="govuk-heading-l">{t('home.caseload.heading')}</h1>
      <StaffShortcuts />
      {caseload.length === 0 ? (
        <p className="govuk-body">{t('home.caseload.none')}</p>
      ) : (
        <Table
          caption={t('home.caseload.caption', { count: caseload.length })}
          head={[t('home.caseload.child'), t('home.caseload.reference'), t('home.caseload.stage'), t('home.caseload.received'), t('home.caseload.timeLimits')]}
          rows={caseload.map((c) => [
            <Fragment key={c.id}>
              <Link className="govuk-link" to={`/cases/${c.id}`}>
                {c.childName}
              </Link>
              {c.interpreterLanguage ? (
                <>
                  <br />
                  <strong className="govuk-tag govuk-tag--yellow">{t('home.caseload.interpreter', { language: c.interpreterLanguage })}</strong>
                </>
              ) : null}
            </Fragment>,
            c.reference,
            t(stageKeys[c.stage]),
            formatDate(c.requestReceived, locale),
            c.missed.length > 0 ? <Tag colour="red">{t('home.caseload.missed', { count: c.missed.length })}</Tag> : <Tag colour="green">{t('home.caseload.onTrack')}</Tag>,
          ])}
        />
      )}
    </>
  );
}

function Teams({ teams }: { teams: Awaited<ReturnType<typeof teamSummaries>> }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('home.teams.heading')}</h1>
      <StaffShortcuts figures />
      <Table
        caption={t('home.teams.caption')}
        head={[t('home.teams.team'), t('home.teams.openCases'), t('home.teams.unallocated'), t('home.teams.caseworkers')]}
        rows={teams.map((team) => [team.teamName, team.openCases, team.unallocated, team.caseworkers])}
      />
    </>
  );
}

function AdminHome() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="govuk-heading-l">{t('home.admin.heading')}</h1>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to="/admin/users">
            {t('home.admin.users')}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/admin/organisations">
            {t('adviceOrgs.homeLink')}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/admin/service-standards">
            {t('home.admin.standards')}
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to="/admin/council">
            {t('councilSettings.homeLink')}
          </Link>
        </li>
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
