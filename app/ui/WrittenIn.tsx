import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, languageNames, localeDirection, type Locale } from '~/i18n/config';

/**
 * What a person wrote (a message, a plan, advice, a note), shown as written and never
 * machine-translated (ADR 0041): marked with the language it was written in (`lang`, and `dir`
 * for Urdu and Arabic) so it is read aloud right, with a small "Written in English" for a
 * reader whose language is another. `language` null: written before it was kept, not known.
 */
export function WrittenIn({ language, children }: { language: string | null | undefined; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const written: Locale | null = isLocale(language) ? language : null;
  if (!written) return <>{children}</>;
  const reader = isLocale(i18n.language) ? i18n.language : 'en';
  return (
    <div lang={written} dir={localeDirection(written)}>
      {written !== reader ? (
        <p className="govuk-body-s govuk-!-margin-bottom-1" lang={reader} dir={localeDirection(reader)}>
          {t('writtenIn.label', { language: languageName(written, reader) })}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** A language named in the reader's language ("English" for an English reader, "angielski" for a Polish one). */
function languageName(language: Locale, reader: Locale): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(language) ?? languageNames[language];
  } catch {
    return languageNames[language];
  }
}
