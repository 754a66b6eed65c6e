export { buildDataExport, redactedForRelease, rowKeysOf, COVERED_TABLES, TABLES_WITHOUT_REQUESTER_DATA, WITHHELD_FIELDS, REDACTED, reviewReasons, type DataExport, type ReviewItem, type ReviewReason } from './export.server';
export { exportArchive, exportHtml, tableLabel, zipDownload } from './archive.server';
export * from './requests.server';
export * from './rectification.server';
export * from './access-log.server';
export * from './privacy-notice.server';
