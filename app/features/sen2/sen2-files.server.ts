import type { User } from '../../../db/schema';
import { recordAudit } from '~/audit/audit.server';
import { moduleCounts } from '~/domain/sen2/build';
import { sen2Csv, sen2Xml } from '~/domain/sen2/serialise';
import type { Sen2Failure } from '~/domain/sen2/validation';
import type { IsoDate } from '~/domain/timescales';
import { sen2Export } from './sen2-facts.server';

export type Sen2Format = 'csv' | 'xml';

/** What a manager does with the return, as the audit log records it: every export, and every look at its children. */
async function auditReturn(manager: Pick<User, 'id'> & { laId: string }, censusDate: IsoDate, what: Sen2Format | 'summary' | 'validation', details: Record<string, unknown>, address?: string) {
  await recordAudit({ userId: manager.id, action: 'read:sen2-return', subjectType: 'la', subjectId: manager.laId, outcome: 'allowed', address, details: { censusDate, what, ...details } });
}

/** The return as a file to download, audited (who, which census date, which format, how many children). */
export async function sen2File(manager: Pick<User, 'id'> & { laId: string }, censusDate: IsoDate, format: Sen2Format, address?: string, now = new Date()) {
  const { sen2, council } = await sen2Export(manager.laId, censusDate);
  const source = { laNumber: council.laNumber, laName: council.name, madeAt: now.toISOString().slice(0, 19), softwareCode: 'EHCP-PORTAL' };
  const body = format === 'csv' ? sen2Csv(sen2, source) : sen2Xml(sen2, source);
  await auditReturn(manager, censusDate, format, { persons: sen2.persons.length }, address);
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/xml; charset=utf-8',
    filename: `sen2-${council.laNumber ?? 'la'}-${censusDate}.${format}`,
  };
}

/** The page's summary: records per module and how many would fail. */
export async function sen2Summary(manager: Pick<User, 'id'> & { laId: string }, censusDate: IsoDate, address?: string) {
  const { sen2, failures, council } = await sen2Export(manager.laId, censusDate);
  await auditReturn(manager, censusDate, 'summary', {}, address);
  return { counts: moduleCounts(sen2), failures: failures.length, period: sen2.period, laNumber: council.laNumber };
}

export const FAILURES_PER_PAGE = 50;

/** One page of the records that would fail the DfE's checks, in the order the checks find them. */
export async function sen2ValidationPage(manager: Pick<User, 'id'> & { laId: string }, censusDate: IsoDate, page: number, address?: string): Promise<{ failures: Sen2Failure[]; total: number; page: number; pages: number }> {
  const { failures } = await sen2Export(manager.laId, censusDate);
  const pages = Math.max(1, Math.ceil(failures.length / FAILURES_PER_PAGE));
  const current = Math.min(Math.max(1, page), pages);
  const shown = failures.slice((current - 1) * FAILURES_PER_PAGE, current * FAILURES_PER_PAGE);
  await auditReturn(manager, censusDate, 'validation', { page: current, caseIds: [...new Set(shown.map((f) => f.caseId).filter(Boolean))] }, address);
  return { failures: shown, total: failures.length, page: current, pages };
}
