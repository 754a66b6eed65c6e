import { Link, useLocation, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { CaseStage } from '../../../db/schema';
import { stageKeys } from '~/ui/labels';

/** The pages of a case, in the order the navigation shows them; '' is the overview. */
export const CASE_SECTIONS = ['', 'request', 'messages', 'advice', 'views', 'plan', 'reviews', 'appeals', 'meetings', 'interpreters', 'complaints', 'access', 'notes', 'caseworker'] as const;
export type CaseSection = (typeof CASE_SECTIONS)[number];

/** What the case layout (routes/cases.$caseId.tsx) gives every page of a case. */
export type CaseLayoutData = {
  caseId: string;
  childId: string;
  /** The child's full name, and the name they are called by (app/domain/names.ts). */
  childName: string;
  childGivenName: string;
  reference: string;
  stage: CaseStage;
  /** Only the pages the viewer may open, as the policy decides. */
  sections: CaseSection[];
  /** For the council's staff: the language the family asked an interpreter for, if they did. */
  interpreterLanguage: string | null;
};

export const CASE_LAYOUT_ROUTE_ID = 'routes/cases.$caseId';

/** The case layout's data, for a page of the case (its caption, its title). */
export function useCaseLayout(): CaseLayoutData {
  const data = useRouteLoaderData<CaseLayoutData>(CASE_LAYOUT_ROUTE_ID);
  // The layout's loader ran before any of its pages renders, or the page is an error.
  if (!data) throw new Error('useCaseLayout outside the case layout');
  return data;
}

/** The child's name above a case page's heading. */
export function CaseCaption() {
  const { childName } = useCaseLayout();
  return <span className="govuk-caption-l">{childName}</span>;
}

const sectionKeys: Record<CaseSection, string> = {
  '': 'caseNav.overview',
  request: 'caseSections.request',
  messages: 'case.messagesLink',
  advice: 'caseSections.advice',
  views: 'caseSections.views',
  plan: 'caseSections.plan',
  reviews: 'caseSections.reviews',
  appeals: 'caseSections.appeals',
  meetings: 'caseSections.meetings',
  interpreters: 'caseSections.interpreters',
  complaints: 'caseSections.complaints',
  access: 'caseAccess.link',
  notes: 'staffCaseNav.notes',
  caseworker: 'staffCaseNav.caseworker',
};

/**
 * The case's reference and stage, and a navigation between its pages (the GOV.UK service
 * navigation pattern, inside the page). Server-rendered links, so it works without JavaScript.
 */
export function CaseHeader({ caseId, reference, stage, sections, interpreterLanguage }: CaseLayoutData) {
  const { t } = useTranslation();
  const pathname = useLocation().pathname.replace(/\/$/, '');
  return (
    <>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {t('case.reference', { reference })} <span aria-hidden="true">·</span> {t('caseNav.stage', { stage: t(stageKeys[stage]) })}
        {interpreterLanguage ? (
          <>
            {' '}
            <strong className="govuk-tag govuk-tag--yellow">{t('caseNav.interpreter', { language: interpreterLanguage })}</strong>
          </>
        ) : null}
      </p>
      <nav className="govuk-service-navigation govuk-!-margin-bottom-6 app-no-print" aria-label={t('caseNav.label')}>
        <ul className="govuk-service-navigation__list">
          {sections.map((section) => {
            const to = section ? `/cases/${caseId}/${section}` : `/cases/${caseId}`;
            // A section is current on its own page ('page') and on the pages below it ('true').
            const current = pathname === to ? 'page' : section && pathname.startsWith(`${to}/`) ? 'true' : undefined;
            return (
              <li key={section} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                <Link className="govuk-service-navigation__link" to={to} aria-current={current}>
                  {current ? <strong className="govuk-service-navigation__active-fallback">{t(sectionKeys[section])}</strong> : t(sectionKeys[section])}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
