import { useTranslation } from 'react-i18next';
import { appealableDecisions, appealablePlanSections } from '~/domain/appeals';
import type { FieldErrors } from '~/forms/errors';
import { Checkboxes, Radios } from '~/ui/govuk/fields';
import { decisionKeys, planSectionKeys } from './appeal-labels';

/** Which council decision the family disagrees with; for the plan's contents, which sections (revealed under that choice). */
export function DecisionFields({ errors, values }: { errors: FieldErrors; values: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const sections = (values.planSections ?? '').split(',').filter(Boolean);
  return (
    <Radios
      name="decision"
      legend={t('appeals.form.decision')}
      error={errors.decision}
      defaultValue={values.decision}
      choices={appealableDecisions.map((d) => ({
        value: d,
        label: t(decisionKeys[d]),
        conditional:
          d === 'plan_contents' ? (
            <Checkboxes
              name="planSections"
              legend={t('appeals.form.sections')}
              error={errors.planSections}
              checked={sections}
              choices={appealablePlanSections.map((s) => ({ value: s, label: t(planSectionKeys[s]) }))}
            />
          ) : undefined,
      }))}
    />
  );
}
