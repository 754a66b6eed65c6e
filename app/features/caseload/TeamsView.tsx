import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Table } from '~/ui/govuk/content';
import { caseloadHref, DEFAULT_QUERY, type CaseloadQuery } from '~/ui/list-query';

export type TeamRow = { teamId: string; teamName: string; openCases: number; unallocated: number; caseworkers: number };
export type CaseworkerRow = { id: string; name: string; teamName: string | null; openCases: number; replyOverdue: number; datesMissed: number };

/** The council-wide list of open cases, where every figure on the manager's pages leads. */
export const COUNCIL_CASES_PATH = '/caseload';

/** A link to the council's list filtered as `filter`: a figure and the cases behind it. */
export function councilCasesHref(filter: Partial<CaseloadQuery>) {
  return caseloadHref(COUNCIL_CASES_PATH, DEFAULT_QUERY, filter);
}

function Figure({ value, filter, label }: { value: number; filter: Partial<CaseloadQuery>; label: string }) {
  return value === 0 ? (
    <>{value}</>
  ) : (
    <Link className="govuk-link" to={councilCasesHref(filter)}>
      {value}
      <span className="govuk-visually-hidden"> {label}</span>
    </Link>
  );
}

/** The manager's home figures: each team's open and unallocated cases, and each caseworker's load. */
export function TeamsView({ teams, caseworkers }: { teams: readonly TeamRow[]; caseworkers: readonly CaseworkerRow[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Table
        caption={t('home.teams.caption')}
        head={[t('home.teams.team'), t('home.teams.openCases'), t('home.teams.unallocated'), t('home.teams.caseworkers')]}
        rows={teams.map((team) => [
          team.teamName,
          <Figure key="open" value={team.openCases} filter={{ team: team.teamId }} label={t('teamsView.openIn', { team: team.teamName })} />,
          <Figure key="unallocated" value={team.unallocated} filter={{ team: team.teamId, caseworker: 'unallocated' }} label={t('teamsView.unallocatedIn', { team: team.teamName })} />,
          team.caseworkers,
        ])}
      />
      <Table
        caption={t('teamsView.loads.caption')}
        head={[t('teamsView.loads.caseworker'), t('home.teams.team'), t('home.teams.openCases'), t('teamsView.loads.replyOverdue'), t('teamsView.loads.datesMissed')]}
        rows={caseworkers.map((c) => [
          c.name,
          c.teamName ?? t('teamsView.loads.noTeam'),
          <Figure key="open" value={c.openCases} filter={{ caseworker: c.id }} label={t('teamsView.loads.openOf', { name: c.name })} />,
          <Figure key="reply" value={c.replyOverdue} filter={{ caseworker: c.id, only: ['reply-overdue'] }} label={t('teamsView.loads.replyOverdueOf', { name: c.name })} />,
          <Figure key="missed" value={c.datesMissed} filter={{ caseworker: c.id, only: ['date-missed'] }} label={t('teamsView.loads.datesMissedOf', { name: c.name })} />,
        ])}
      />
    </>
  );
}
