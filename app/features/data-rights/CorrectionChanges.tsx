import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RectificationChange } from '~/domain/rectification';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { Table } from '~/ui/govuk/content';
import { RECTIFIABLE_FIELD_LABELS } from './rectification-labels';

/** A detail's value as people read it: a date in their language, or that nothing is recorded. */
export function useDetailValue() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (change: Pick<RectificationChange, 'field'>, value: string | null): string =>
    value === null ? t('rectification.nothingRecorded') : change.field === 'dateOfBirth' ? formatDate(value, locale) : value;
}

/** The details of one correction side by side: what is (or was) held, and what was asked for. */
export function CorrectionChanges({ caption, changes, heldHeading, askedHeading, held }: { caption: ReactNode; changes: readonly RectificationChange[]; heldHeading: string; askedHeading: string; held?: (change: RectificationChange) => string | null }) {
  const { t } = useTranslation();
  const show = useDetailValue();
  return (
    <Table
      caption={caption}
      head={[t('rectification.head.detail'), heldHeading, askedHeading]}
      rows={changes.map((change) => [t(RECTIFIABLE_FIELD_LABELS[change.field]), show(change, held ? held(change) : change.from), show(change, change.to)])}
    />
  );
}
