import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { planSectionKeys } from '~/ui/advice-labels';
import type { PlanOutcome, PlanProvision, SettingKind, SettingWithoutUrn } from '~/domain/plan-content';
import type { ItemChange, SectionDiff, TextChange } from '~/domain/plan-diff';
import { SummaryList, type SummaryRow } from '~/ui/govuk/content';
import { outcomeRows, provisionRows, SummaryCard } from './PlanDocument';
import { needFieldKeys, outcomeFieldKeys, provisionFieldKeys, senNeedKeys, settingCodeKeys, settingFieldKeys, settingKindKeys } from './plan-labels';

/**
 * What changed between two versions of the plan, section by section (app/domain/plan-diff.ts),
 * readable without colour: added words in <ins> and removed words in <del>, each preceded by a
 * visually hidden "added:" / "removed:" for screen readers (browsers underline <ins> and strike
 * through <del> by default); added, removed and changed items headed in words; single values as
 * "Primary need: X, was Y".
 */

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function PlanChanges({ changes }: { changes: readonly SectionDiff[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="govuk-body">{t('planVersions.changes.none')}</p>;
  return (
    <>
      {changes.map((diff) => (
        <section key={diff.section} aria-labelledby={`plan-change-${diff.section}`}>
          <h2 className="govuk-heading-m" id={`plan-change-${diff.section}`}>
            {t(planSectionKeys[diff.section])}
          </h2>
          <SectionChanges diff={diff} />
        </section>
      ))}
    </>
  );
}

function SectionChanges({ diff }: { diff: SectionDiff }) {
  const { t } = useTranslation();
  const values: ReactNode[] = [];
  for (const change of diff.needs ?? []) {
    values.push(valueChange(t, needFieldKeys[change.field], change.before ? t(senNeedKeys[change.before]) : '', change.after ? t(senNeedKeys[change.after]) : ''));
  }
  for (const change of diff.setting ?? []) {
    const name = (code: string) => (code ? t(settingCodeKeys[code as SettingWithoutUrn]) : '');
    const kindName = (kind: string) => (kind ? t(settingKindKeys[kind as SettingKind]) : '');
    values.push(
      change.field === 'withoutUrn'
        ? valueChange(t, settingFieldKeys.withoutUrn, name(change.before), name(change.after))
        : change.field === 'kind'
          ? valueChange(t, settingFieldKeys.kind, kindName(change.before), kindName(change.after))
          : valueChange(t, settingFieldKeys[change.field], change.before, change.after),
    );
  }
  if (diff.personalBudget) {
    const yesNo = (value: boolean) => t(value ? 'planVersions.budget.yes' : 'planVersions.budget.no');
    values.push(valueChange(t, 'planVersions.budget.label', yesNo(diff.personalBudget.before), yesNo(diff.personalBudget.after)));
  }
  return (
    <>
      {values.length > 0 ? (
        <ul className="govuk-list">
          {values.map((value, i) => (
            <li key={i}>{value}</li>
          ))}
        </ul>
      ) : null}
      {diff.text ? <TextChanges runs={diff.text} /> : null}
      {diff.outcomes?.map((change) => <OutcomeChange key={change.id} change={change} />)}
      {diff.provision?.map((change) => <ProvisionChange key={change.id} change={change} />)}
    </>
  );
}

/** "Primary need: Autistic spectrum disorder, was Speech, language and communication needs". */
function valueChange(t: Translate, fieldKey: string, before: string, after: string): string {
  const none = t('planVersions.changes.noValue');
  return t('planVersions.changes.value', { field: t(fieldKey), after: after.trim() || none, before: before.trim() || none });
}

/** Word runs: unchanged as text, added in <ins>, removed in <del>, each named for screen readers. */
export function TextChanges({ runs, className = 'govuk-body' }: { runs: readonly TextChange[]; className?: string }) {
  const { t } = useTranslation();
  return (
    <p className={`${className} app-pre-line`}>
      {runs.map((run, i) =>
        run.kind === 'same' ? (
          <span key={i}>{run.text}</span>
        ) : run.kind === 'added' ? (
          <ins key={i}>
            <span className="govuk-visually-hidden">{t('planVersions.changes.added')} </span>
            {run.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="govuk-visually-hidden">{t('planVersions.changes.removed')} </span>
            {run.text}
          </del>
        ),
      )}
    </p>
  );
}

const outcomeHeadings = {
  added: 'planVersions.changes.outcomeAdded',
  removed: 'planVersions.changes.outcomeRemoved',
  changed: 'planVersions.changes.outcomeChanged',
} as const;

const provisionHeadings = {
  added: 'planVersions.changes.provisionAdded',
  removed: 'planVersions.changes.provisionRemoved',
  changed: 'planVersions.changes.provisionChanged',
} as const;

function OutcomeChange({ change }: { change: ItemChange<PlanOutcome> }) {
  const { t } = useTranslation();
  const title = t(outcomeHeadings[change.change]);
  if (change.change !== 'changed') return <SummaryCard title={title} rows={outcomeRows(change.item, t)} />;
  return <ChangedItem title={title} name={change.after.outcome || change.before.outcome} fields={change.fields.map((f) => ({ ...f, labelKey: outcomeFieldKeys[f.field] }))} />;
}

function ProvisionChange({ change }: { change: ItemChange<PlanProvision> }) {
  const { t } = useTranslation();
  const title = t(provisionHeadings[change.change]);
  if (change.change !== 'changed') return <SummaryCard title={title} rows={provisionRows(change.item, t)} />;
  return <ChangedItem title={title} name={change.after.what || change.before.what} fields={change.fields.map((f) => ({ ...f, labelKey: provisionFieldKeys[f.field] }))} />;
}

/** A changed item: which one, then each changed field's before and after. */
function ChangedItem({ title, name, fields }: { title: string; name: string; fields: { labelKey: string; before: string; after: string }[] }) {
  const { t } = useTranslation();
  const shown = (text: string) => (text.trim() ? <span className="app-pre-line">{text}</span> : t('planVersions.changes.noValue'));
  const rows: SummaryRow[] = fields.map((field) => ({
    key: t(field.labelKey),
    value: (
      <>
        <p className="govuk-body">
          <strong>{t('planVersions.changes.before')}</strong> {shown(field.before)}
        </p>
        <p className="govuk-body">
          <strong>{t('planVersions.changes.after')}</strong> {shown(field.after)}
        </p>
      </>
    ),
  }));
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">
          {title}
          {name.trim() ? <span className="govuk-!-font-weight-regular">: {name}</span> : null}
        </h3>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} />
      </div>
    </div>
  );
}
