import { ADVICE_ACCESS_GRACE_DAYS } from '~/domain/advice';
import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { todayInLondon } from '~/domain/timescales';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { whoCanSee } from '~/features/case-progress/index.server';
import { BackLink, Table } from '~/ui/govuk/content';
import { consentScopeKeys } from '~/ui/consent-labels';
import { CaseCaption, useCaseLayout } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['advocates', 'case', 'rights'], titleKey: 'caseAccess.title' };

/** Anyone who can read the case may see who else can: the family first of all. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:case-sharing');
  const access = await whoCanSee(caseRecord, todayInLondon());
  return json({
    caseId: caseRecord.id,
    access,
    canShare: decide(user, 'share:case', subject) === 'allow',
    canSeeLog: decide(user, 'read:access-log', subject) === 'allow',
  });
}

const familyAccessKeys = { full: 'caseAccess.family.full', read: 'caseAccess.family.read', none: 'caseAccess.family.none' } as const;

export default function WhoCanSee() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, access, canShare, canSeeLog } = useLoaderData<typeof loader>();
  const { childId } = useCaseLayout();
  const until = (date: string | null) => (date ? t('caseAccess.until', { date: formatDate(date, locale) }) : t('caseAccess.noEnd'));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('caseAccess.heading')}</h1>
        <p className="govuk-body">{t('caseAccess.intro')}</p>

        <Table
          caption={t('caseAccess.family.caption')}
          head={[t('caseAccess.who'), t('caseAccess.what'), t('caseAccess.ends')]}
          rows={access.family.map((f) => [
            t(f.kind === 'parent' ? 'caseAccess.family.parent' : 'caseAccess.family.youngPerson', { name: f.name }),
            t(familyAccessKeys[f.access]),
            until(f.until),
          ])}
        />

        <Table
          caption={t('caseAccess.council.caption')}
          head={[t('caseAccess.who'), t('caseAccess.what'), t('caseAccess.ends')]}
          rows={[
            [access.caseworker ? t('caseAccess.council.caseworker', { name: access.caseworker.name }) : t('caseAccess.council.noCaseworker'), t('caseAccess.council.caseworkerWhat'), t('caseAccess.council.whileOpen')],
            [t('caseAccess.council.team', { team: access.team.name, names: access.team.members.join(', ') }), t('caseAccess.council.teamWhat'), t('caseAccess.council.whileOpen')],
            [t('caseAccess.council.managers', { names: access.managers.join(', ') }), t('caseAccess.council.managersWhat'), t('caseAccess.council.whileOpen')],
          ]}
        />

        <h2 className="govuk-heading-m">{t('caseAccess.advocates.heading')}</h2>
        {access.advocates.length === 0 ? (
          <p className="govuk-body">{t('caseAccess.advocates.none')}</p>
        ) : (
          <Table
            caption={t('caseAccess.advocates.caption')}
            head={[t('caseAccess.who'), t('caseAccess.what'), t('caseAccess.ends')]}
            rows={access.advocates.map((a) => [
              a.advocateName ? t('advocates.consent.namedAdvocate', { name: a.advocateName, organisation: a.organisation }) : t('caseAccess.advocates.wholeOrganisation', { organisation: a.organisation }),
              t(consentScopeKeys[a.scope]),
              until(a.expiresOn),
            ])}
          />
        )}
        {canShare ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/children/${childId}/advocates`}>
              {t('advocates.consent.link')}
            </Link>
          </p>
        ) : null}

        <h2 className="govuk-heading-m">{t('caseAccess.professionals.heading')}</h2>
        {access.professionals.length === 0 ? (
          <p className="govuk-body">{t('caseAccess.professionals.none')}</p>
        ) : (
          <Table
            caption={t('caseAccess.professionals.caption')}
            head={[t('caseAccess.who'), t('caseAccess.what'), t('caseAccess.ends')]}
            rows={access.professionals.map((p) => [p.name, t('caseAccess.professionals.what'), p.until ? until(p.until) : t('caseAccess.professionals.whileOpen', { days: ADVICE_ACCESS_GRACE_DAYS })])}
          />
        )}
        <p className="govuk-body">{t('caseAccess.audit')}</p>
        {canSeeLog ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={`/cases/${caseId}/access/log`}>
              {t('accessLog.link')}
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
