import { useTranslation } from 'react-i18next';
import { fieldId } from '~/ui/govuk/ErrorSummary';

export type CaseworkerChoice = { id: string; name: string; teamName: string | null; openCases: number };

/**
 * The choice of caseworker when allocating: grouped by area team, each with their open caseload,
 * so the work goes to whoever can take it. A select (not radios) because the intake page repeats
 * it for every waiting case.
 */
export function CaseworkerSelect({ id, label, caseworkers, defaultValue, error }: { id: string; label: string; caseworkers: readonly CaseworkerChoice[]; defaultValue: string; error?: string }) {
  const { t } = useTranslation();
  const teams = [...new Set(caseworkers.map((c) => c.teamName ?? ''))];
  const controlId = fieldId(id);
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label govuk-label--s" htmlFor={controlId}>
        {label}
      </label>
      <div id={`${controlId}-hint`} className="govuk-hint">
        {t('allocation.hint')}
      </div>
      {error ? (
        <p id={`${controlId}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t('common.errorPrefix')}</span> {t(error)}
        </p>
      ) : null}
      <select className={`govuk-select${error ? ' govuk-select--error' : ''}`} id={controlId} name="caseworkerId" defaultValue={defaultValue} aria-describedby={[`${controlId}-hint`, error ? `${controlId}-error` : ''].filter(Boolean).join(' ')}>
        <option value="">{t('allocation.choose')}</option>
        {teams.map((team) => (
          <optgroup key={team} label={team || t('teamsView.loads.noTeam')}>
            {caseworkers
              .filter((c) => (c.teamName ?? '') === team)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {t('allocation.option', { name: c.name, count: c.openCases })}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
