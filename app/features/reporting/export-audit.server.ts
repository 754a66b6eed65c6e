import { recordAudit } from '~/audit/audit.server';

/**
 * Every download of a council's report is in the audit log (issue 16, item 7): who, which report
 * and in what form, for which council, what it covered, from where. Written before the file is made.
 */
export async function auditReportExport(entry: { userId: string; laId: string; report: 'timeliness' | 'scrutiny'; format: 'csv' | 'pdf'; covers: Record<string, unknown>; address?: string }) {
  await recordAudit({ userId: entry.userId, action: `export:${entry.report}_${entry.format}`, subjectType: 'la', subjectId: entry.laId, outcome: 'allowed', address: entry.address, details: entry.covers });
}
