import type { TFunction } from 'i18next';
import { formatDateTime } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import type { Locale } from '~/i18n/config';
import { SENT_EMAIL_RETENTION_DAYS } from '~/mail/outbox.server';
import { documentFiles, type DataExport } from './export.server';
import { zipArchive } from './zip.server';
import { REVIEW_REASON_LABELS_CLIENT as REVIEW_REASON_LABELS } from './review-labels';

/**
 * The download: `index.html` (readable, for people), `data.json` (every record, for machines)
 * and the documents themselves. The HTML is plain and self-contained (no scripts, no remote
 * files), so it opens offline in any browser and reads well with a screen reader.
 */

/** Labels for the tables, by SQL name: literal keys, so the translation checks see each one. */
const TABLE_LABELS: Record<string, string> = {
  users: 'dataRights.export.tables.users',
  sessions: 'dataRights.export.tables.sessions',
  email_tokens: 'dataRights.export.tables.email_tokens',
  mfa_recovery_codes: 'dataRights.export.tables.mfa_recovery_codes',
  children: 'dataRights.export.tables.children',
  child_parents: 'dataRights.export.tables.child_parents',
  cases: 'dataRights.export.tables.cases',
  case_events: 'dataRights.export.tables.case_events',
  case_notes: 'dataRights.export.tables.case_notes',
  audit_log: 'dataRights.export.tables.audit_log',
  assessment_requests: 'dataRights.export.tables.assessment_requests',
  documents: 'dataRights.export.tables.documents',
  messages: 'dataRights.export.tables.messages',
  service_standard_breaches: 'dataRights.export.tables.service_standard_breaches',
  thread_reads: 'dataRights.export.tables.thread_reads',
  message_attachments: 'dataRights.export.tables.message_attachments',
  held_messages: 'dataRights.export.tables.held_messages',
  outbox_emails: 'dataRights.export.tables.outbox_emails',
  advice_requests: 'dataRights.export.tables.advice_requests',
  family_views: 'dataRights.export.tables.family_views',
  draft_plan_comments: 'dataRights.export.tables.draft_plan_comments',
  draft_plan_preferences: 'dataRights.export.tables.draft_plan_preferences',
  case_meetings: 'dataRights.export.tables.case_meetings',
  plan_versions: 'dataRights.export.tables.plan_versions',
  advocate_consents: 'dataRights.export.tables.advocate_consents',
  consent_events: 'dataRights.export.tables.consent_events',
  capacity_records: 'dataRights.export.tables.capacity_records',
  subject_access_requests: 'dataRights.export.tables.subject_access_requests',
  retention_holds: 'dataRights.export.tables.retention_holds',
  retention_due: 'dataRights.export.tables.retention_due',
};

export function tableLabel(t: TFunction, table: string): string {
  const key = TABLE_LABELS[table];
  return key ? String(t(key)) : table;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return String(value);
}

export function exportHtml(data: DataExport, locale: Locale, { forStaff }: { forStaff: boolean }): string {
  const t = getFixedT(locale);
  const title = String(t('dataRights.export.title', { name: data.person.name }));
  const tables = Object.entries(data.tables);
  const section = (name: string, rows: Record<string, unknown>[]) => {
    const label = escapeHtml(tableLabel(t, name));
    const records = rows
      .map(
        (row, i) =>
          `<h3>${escapeHtml(String(t('dataRights.export.record', { number: i + 1 })))}</h3>\n<dl>${Object.entries(row)
            .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(valueText(value)) || '&nbsp;'}</dd>`)
            .join('')}</dl>`,
      )
      .join('\n');
    const empty = rows.length === 0 ? `<p>${escapeHtml(String(t('dataRights.export.noRecords')))}</p>` : '';
    return `<section aria-labelledby="table-${name}">\n<h2 id="table-${name}">${label}</h2>\n${empty}${records}\n</section>`;
  };
  const review = forStaff
    ? `<section aria-labelledby="review"><h2 id="review">${escapeHtml(String(t('dataRights.review.heading')))}</h2><p>${escapeHtml(String(t('dataRights.review.intro')))}</p><ul>${data.review
        .map((item) => `<li>${escapeHtml(tableLabel(t, item.table))}, ${escapeHtml(item.field)}${item.person ? ` (${escapeHtml(item.person)})` : ''}: ${escapeHtml(String(t(REVIEW_REASON_LABELS[item.reason])))}</li>`)
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:Arial,sans-serif;font-size:19px;line-height:1.4;max-width:50em;margin:1em auto;padding:0 1em;color:#0b0c0c}dt{font-weight:bold;margin-top:.5em}dd{margin:0 0 0 1em;white-space:pre-wrap;overflow-wrap:anywhere}a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(String(t('dataRights.export.produced', { when: formatDateTime(data.generatedAt, locale) })))}</p>
<p>${escapeHtml(String(t('dataRights.export.machineReadable')))}</p>
${review}
<h2>${escapeHtml(String(t('dataRights.export.contents')))}</h2>
<ul>${tables.map(([name, rows]) => `<li><a href="#table-${name}">${escapeHtml(tableLabel(t, name))}</a> (${rows.length})</li>`).join('')}<li><a href="#documents">${escapeHtml(String(t('dataRights.export.documents')))}</a> (${data.documents.length})</li></ul>
<section aria-labelledby="documents">
<h2 id="documents">${escapeHtml(String(t('dataRights.export.documents')))}</h2>
${data.documents.length === 0 ? `<p>${escapeHtml(String(t('dataRights.export.noRecords')))}</p>` : `<ul>${data.documents.map((d) => `<li><a href="${escapeHtml(encodeURI(d.path))}">${escapeHtml(d.name)}</a></li>`).join('')}</ul>`}
</section>
<section aria-labelledby="emails-note">
<h2 id="emails-note">${escapeHtml(String(t('dataRights.export.emailsHeading')))}</h2>
<p>${escapeHtml(String(t('dataRights.export.emailsNote', { days: SENT_EMAIL_RETENTION_DAYS })))}</p>
</section>
<section aria-labelledby="withheld">
<h2 id="withheld">${escapeHtml(String(t('dataRights.export.withheldHeading')))}</h2>
<p>${escapeHtml(String(t('dataRights.export.withheldNote')))}</p>
</section>
${tables.map(([name, rows]) => section(name, rows)).join('\n')}
</main>
</body>
</html>
`;
}

/** The ZIP itself. */
export async function exportArchive(data: DataExport, locale: Locale, { forStaff }: { forStaff: boolean }): Promise<Buffer> {
  const json = {
    ...data,
    notes: {
      emails: `Emails: each sent email keeps its template, address and time; its parameters are cleared once sent (they can hold one-time links), and the record is deleted ${SENT_EMAIL_RETENTION_DAYS} days after sending. Unsent emails keep their parameters.`,
      withheld: 'Security credentials (password and code hashes, session and link tokens) are left out: see withheldFields.',
    },
  };
  const files = await documentFiles(data);
  return zipArchive([{ name: 'index.html', data: exportHtml(data, locale, { forStaff }) }, { name: 'data.json', data: JSON.stringify(json, null, 2) }, ...files], new Date(data.generatedAt));
}

/** The archive as a download: never cached, never shown inline. */
export function zipDownload(archive: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(archive.buffer as ArrayBuffer, archive.byteOffset, archive.byteLength), {
    status: 200,
    headers: {
      'Content-Type': 'application/zip',
      'Content-Length': String(archive.byteLength),
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
