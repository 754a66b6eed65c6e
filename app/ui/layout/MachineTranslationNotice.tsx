import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/** What the root loader says about the page's language: null when every word shown has been checked. */
export type MachineNotice = { english: string; switchLabel: string } | null;

/**
 * Under the header on pages in a language with machine-drafted words (ADR 0041): says so in
 * that language and in English, with a way to read the page in English. A draft is never
 * presented as checked.
 */
export function MachineTranslationNotice({ notice }: { notice: MachineNotice }) {
  const { t } = useTranslation();
  const location = useLocation();
  if (!notice) return null;
  return (
    <div className="govuk-!-margin-top-2" role="note">
      <p className="govuk-body-s govuk-!-margin-bottom-1">{t('machineTranslation.text')}</p>
      <div lang="en" dir="ltr">
        <p className="govuk-body-s govuk-!-margin-bottom-1">{notice.english}</p>
        <Form method="post" action="/language" reloadDocument>
          <input type="hidden" name="locale" value="en" />
          <input type="hidden" name="returnTo" value={location.pathname + location.search} />
          <button type="submit" className="app-language-switcher__button govuk-body-s">
            {notice.switchLabel}
          </button>
        </Form>
      </div>
    </div>
  );
}
