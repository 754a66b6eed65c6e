import type { TFunction } from 'i18next';
import { scrutinyFigures, type FigureId, type Outcome } from '~/domain/scrutiny/figures';
import type { Period } from '~/domain/timeliness';
import type { Locale } from '~/i18n/config';
import { formatPercent } from '~/i18n/format';
import { complaintListUrl } from '../complaints';

/** Addresses and words shared by the report's page, its exports and the list of cases behind a figure. */
export const SCRUTINY_PATH = '/reports/scrutiny';

type Scope = { period: Period; teamId: string | null };

const query = (params: Record<string, string | null | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
};

export const scrutinyHref = (scope: Scope, path = SCRUTINY_PATH) => `${path}?${query({ from: scope.period.from, to: scope.period.to, team: scope.teamId })}`;

export const scrutinyCasesHref = (scope: Scope & { figure: string; outcome: Outcome | null; page?: number }) =>
  `${SCRUTINY_PATH}/cases?${query({ figure: scope.figure, from: scope.period.from, to: scope.period.to, team: scope.teamId, outcome: scope.outcome, page: scope.page && scope.page > 1 ? String(scope.page) : null })}`;

/** "66.7%" for a rate, "12" for a count, "No data" when there was nothing to count. */
export function figureValueText(figure: { unit: 'percent' | 'count' }, value: number | null, t: TFunction, locale: Locale): string {
  if (value === null) return t('scrutiny.noData');
  return figure.unit === 'percent' ? formatPercent(value, locale) : String(value);
}

export const quarterLabel = (q: { year: number; quarter: number }, t: TFunction) => t('scrutiny.quarter', { quarter: q.quarter, year: q.year });

/** The words of the link from a figure to the cases that pull it down, by the outcome it shows. */
export const concernLinkKeys = {
  onTime: 'scrutiny.see.onTime',
  late: 'scrutiny.see.late',
  exception: 'scrutiny.see.exception',
  refused: 'scrutiny.see.refused',
  agreed: 'scrutiny.see.agreed',
  sent: 'scrutiny.see.sent',
  satisfied: 'scrutiny.see.satisfied',
  notSatisfied: 'scrutiny.see.notSatisfied',
} as const satisfies Record<Outcome, `scrutiny.see.${Outcome}`>;

/** What is wrong with the period in the address, on the field it belongs to. */
export const periodProblemKeys = {
  fromInvalid: 'errors.scrutiny.period.fromInvalid',
  toInvalid: 'errors.scrutiny.period.toInvalid',
  toBeforeFrom: 'errors.scrutiny.period.toBeforeFrom',
  tooLong: 'errors.scrutiny.period.tooLong',
} as const;

/** The thresholds form's boxes: `<figure>Green` and `<figure>Amber`, in the order of the figures (the browser needs them too). */
export const thresholdField = (id: string, band: 'green' | 'amber') => `${id}${band === 'green' ? 'Green' : 'Amber'}`;
export const thresholdFieldOrder: readonly string[] = scrutinyFigures.flatMap((f) => [thresholdField(f.id, 'green'), thresholdField(f.id, 'amber')]);

/** The council's complaints list (app/features/complaints, ADR 0050) at a stage, those past their due date, for a team. */
export const complaintsListHref = (stage: 1 | 2, teamId: string | null) => complaintListUrl({ show: 'late', stage, teamId });

/** The words of a figure's link to its records' own list elsewhere. */
export const listLinkKeys = {
  complaintsStage1: 'scrutiny.seeComplaints',
  complaintsStage2: 'scrutiny.seeComplaints',
  tribunalOrders: 'scrutiny.seeAppeals',
  familiesSatisfied: 'scrutiny.seeFeedback',
} as const satisfies Partial<Record<FigureId, string>>;
