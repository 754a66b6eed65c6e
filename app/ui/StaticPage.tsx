import { useTranslation } from 'react-i18next';

/** An information page whose headings and paragraphs all come from one locale section. */
export type StaticSection = { headingKey?: string; paragraphKeys: readonly string[] };

export function StaticPage({ headingKey, sections }: { headingKey: string; sections: readonly StaticSection[] }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t(headingKey)}</h1>
        {sections.map((section, i) => (
          <section key={i}>
            {section.headingKey ? <h2 className="govuk-heading-m">{t(section.headingKey)}</h2> : null}
            {section.paragraphKeys.map((key) => (
              <p className="govuk-body" key={key}>
                {t(key)}
              </p>
            ))}
          </section>
        ))}
      </div>
    </div>
  );
}
