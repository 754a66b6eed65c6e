import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { CaseCaption } from '~/features/case-progress';
import { PlanChanges, planVersionNameKeys } from '~/features/plan';
import { comparePlanVersions, planVersionsOf } from '~/features/plan/index.server';
import type { FieldErrors } from '~/forms/errors';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { Select } from '~/ui/govuk/fields';

export const handle: PageHandle = {
  namespaces: ['case', 'plan', 'advice'],
  // A GET form's errors come in the loader's data, not an action's: the "Error: " prefix is added here.
  title: (data, t) => {
    const failed = Object.keys((data as { errors?: FieldErrors } | undefined)?.errors ?? {}).length > 0;
    const page = t('planVersions.compare.title');
    return failed ? t('layout.errorTitle', { title: page }) : page;
  },
};

/** A version number as written in the address: digits only, within what the column holds. */
const versionNumber = (raw: string) => (/^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null);

/**
 * Compare two issued versions of the EHC plan, section by section. The form is a GET form, so it
 * works without JavaScript and a comparison has an address. The first visit (no `from` or `to`
 * in the address) compares the two latest issued versions, older first. A comparison asked for
 * with a missing, unknown or unissued version, or the same version twice, answers 400 with the
 * field errors and what was chosen: the page shows the form with an error summary, never an
 * error page.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read:plan');
  const issued = (await planVersionsOf(caseRecord.id)).filter((v) => v.issuedOn).map((v) => ({ number: v.number, kind: v.kind, issuedOn: v.issuedOn ?? '' }));
  const base = { caseId: caseRecord.id, versions: issued };
  if (issued.length < 2) return json({ ...base, from: '', to: '', errors: {} as FieldErrors, comparison: null });

  const query = new URL(request.url).searchParams;
  const asked = query.has('from') || query.has('to');
  const from = asked ? (query.get('from') ?? '').trim() : String(issued[issued.length - 2].number);
  const to = asked ? (query.get('to') ?? '').trim() : String(issued[issued.length - 1].number);

  const isIssued = (n: number | null) => n !== null && issued.some((v) => v.number === n);
  const errors: FieldErrors = {};
  const fromNumber = versionNumber(from);
  const toNumber = versionNumber(to);
  if (!from) errors.from = 'planVersions.errors.fromRequired';
  else if (!isIssued(fromNumber)) errors.from = 'planVersions.errors.fromUnknown';
  if (!to) errors.to = 'planVersions.errors.toRequired';
  else if (!isIssued(toNumber)) errors.to = 'planVersions.errors.toUnknown';
  if (!errors.from && !errors.to && fromNumber === toNumber) errors.to = 'planVersions.errors.same';
  if (Object.keys(errors).length > 0 || fromNumber === null || toNumber === null) return json({ ...base, from, to, errors, comparison: null }, { status: 400 });

  const compared = await comparePlanVersions(caseRecord.id, fromNumber, toNumber);
  if (!compared) return json({ ...base, from, to, errors: { from: 'planVersions.errors.fromUnknown' } as FieldErrors, comparison: null }, { status: 400 });
  const summary = (v: typeof compared.from) => ({ number: v.number, kind: v.kind });
  return json({ ...base, from, to, errors: {} as FieldErrors, comparison: { from: summary(compared.from), to: summary(compared.to), changes: compared.changes } });
}

export default function ComparePlanVersionsPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, versions, from, to, errors, comparison } = useLoaderData<typeof loader>();
  const choices = versions.map((v) => ({
    value: String(v.number),
    label: t('planVersions.compare.option', { name: t(planVersionNameKeys[v.kind], { number: v.number }), date: formatDate(v.issuedOn, locale) }),
  }));
  const name = (v: { kind: keyof typeof planVersionNameKeys; number: number }) => t(planVersionNameKeys[v.kind], { number: v.number });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="app-no-print">
          <BackLink to={`/cases/${caseId}/plan`}>{t('planVersions.backToPlan')}</BackLink>
        </div>
        <ErrorSummary errors={errors} fieldOrder={['from', 'to']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('planVersions.compare.title')}</h1>
        {versions.length < 2 ? (
          <p className="govuk-body">{t(versions.length === 0 ? 'planVersions.compare.noneIssued' : 'planVersions.compare.onlyOne')}</p>
        ) : (
          <>
            <Form method="get" noValidate className="app-no-print" key={`${from}-${to}`}>
              <Select name="from" label={t('planVersions.compare.from')} choices={choices} defaultValue={from} error={errors.from} emptyLabel={t('planVersions.compare.choose')} />
              <Select name="to" label={t('planVersions.compare.to')} choices={choices} defaultValue={to} error={errors.to} emptyLabel={t('planVersions.compare.choose')} />
              <SubmitButton>{t('planVersions.compare.submit')}</SubmitButton>
            </Form>
            {comparison ? (
              <>
                <p className="govuk-body-l">{t('planVersions.compare.showing', { from: name(comparison.from), to: name(comparison.to) })}</p>
                <PlanChanges changes={comparison.changes} />
              </>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
