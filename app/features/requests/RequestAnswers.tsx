import { useTranslation } from 'react-i18next';
import { SummaryList, type SummaryRow } from '~/ui/govuk/content';
import { askedFields, shownAnswer, type RequestAnswerValues } from './request-answers';
import { requestSections, type SectionSpec } from './request-sections';

/**
 * Every answer of a request for assessment, section by section, as GOV.UK summary lists: on the
 * check-answers page (with a "Change" link per answer) and, once sent, exactly as it was sent.
 */
export function RequestAnswers({ answers, changeLink, headingLevel = 2 }: { answers: RequestAnswerValues; changeLink?: (section: SectionSpec) => string; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {requestSections.map((section) => (
        <section key={section.slug}>
          <Heading className="govuk-heading-m">{t(section.titleKey)}</Heading>
          <SummaryList
            rows={askedFields(section, answers).map(
              (field): SummaryRow => ({
                key: t(field.labelKey),
                value: <span className="app-pre-line">{shownAnswer(t, field, answers[section.slug]?.[field.name] ?? '') || t('request.check.notAnswered')}</span>,
                action: changeLink ? { to: changeLink(section), text: t('request.check.change'), hiddenText: t(field.labelKey) } : undefined,
              }),
            )}
          />
        </section>
      ))}
    </>
  );
}
