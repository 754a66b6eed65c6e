import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { requireCaseAccess } from '~/auth/access.server';
import { decide, type Permission } from '~/auth/policy';
import { personName } from '~/domain/names';
import type { PageHandle } from '~/root';
import { caseSummary } from '~/features/case-progress/index.server';
import { CaseHeader, type CaseLayoutData, type CaseSection } from '~/features/case-progress';

/**
 * The layout of every page of a case (/cases/:caseId/...): the child's name, the reference and
 * stage, and a navigation to the pages the viewer may open. Its pages still check the policy for
 * their own action: Remix runs this loader and theirs in parallel, so none may rely on this one.
 * (Pages that must not show this chrome, such as printable ones, keep the `cases.$caseId_.` form.)
 */
export const handle: PageHandle = {
  namespaces: ['case'],
  // The overview's title; every other page of the case names itself.
  title: (data, t) => {
    const childName = (data as Partial<CaseLayoutData> | undefined)?.childName;
    return childName ? t('case.title', { name: childName }) : t('case.titleFallback');
  },
};

const REVIEW_STAGES: readonly string[] = ['final_plan_issued', 'plan_maintained', 'ceased'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:case');
  const summary = await caseSummary(caseRecord.id);
  if (!summary) throw new Response('Not Found', { status: 404 });
  // Each section is shown to whoever its page's own permission allows.
  const may = (permission: Permission) => decide(user, permission, subject) === 'allow';
  const open: Record<CaseSection, boolean> = {
    '': true,
    request: summary.requestSent && may('read:request'),
    messages: may('read:thread'),
    advice: may('read:advice'),
    views: may('read:views'),
    plan: may('read:plan'),
    // Annual reviews, once a final plan is issued (ADR 0047).
    reviews: REVIEW_STAGES.includes(summary.stage) && may('read:review'),
    // Mediation and Tribunal appeals (ADR 0051): the family's right, so shown whether or not any is recorded.
    appeals: may('read:appeals'),
    meetings: may('read:meetings'),
    interpreters: may('read:interpreters'),
    complaints: may('read:complaints'),
    access: may('read:case-sharing'),
    notes: may('read:case-notes'),
    caseworker: may('reassign:case'),
  };
  const layout: CaseLayoutData = {
    caseId: summary.id,
    childId: summary.child.id,
    childName: personName(summary.child),
    childGivenName: personName(summary.child, 'given'),
    reference: summary.reference,
    stage: summary.stage,
    sections: (Object.keys(open) as CaseSection[]).filter((section) => open[section]),
    // Staff must see it on every page of the case, to book an interpreter for every call and meeting.
    interpreterLanguage: may('record:decision') ? summary.interpreterLanguage : null,
  };
  return json({ ...layout, summary });
}

export default function CaseLayout() {
  const layout = useLoaderData<typeof loader>();
  return (
    <>
      <CaseHeader {...layout} />
      <Outlet />
    </>
  );
}
