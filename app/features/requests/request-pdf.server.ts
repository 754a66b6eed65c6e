import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { renderPdf, type PdfBlock } from '~/pdf/pdf.server';
import { askedFields, shownAnswer } from './request-answers';
import { requestSections } from './request-sections';
import type { SentRequest } from './sent-request.server';

/** The request as sent, as a tagged PDF: each section's questions and answers, exactly as on its page. */
export function sentRequestPdf(sent: SentRequest, childName: string, locale: Locale): Promise<Buffer> {
  const t = getFixedT(locale);
  const date = formatDate(sent.sentAt.slice(0, 10), locale);
  const title = t('sentRequest.heading');
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: childName },
    {
      kind: 'paragraph',
      text: sent.onBehalfOf
        ? t('sentRequest.sentOnBehalf', { date, name: sent.sentBy ?? '', family: sent.onBehalfOf })
        : sent.sentBy
          ? t('sentRequest.sentBy', { date, name: sent.sentBy })
          : t('sentRequest.sentOn', { date }),
    },
  ];
  for (const section of requestSections) {
    blocks.push({ kind: 'heading', level: 2, text: t(section.titleKey) });
    blocks.push({
      kind: 'fields',
      rows: askedFields(section, sent.answers).map((field) => ({
        label: t(field.labelKey),
        value: shownAnswer(t, field, sent.answers[section.slug]?.[field.name] ?? '') || t('request.check.notAnswered'),
      })),
    });
  }
  blocks.push({ kind: 'heading', level: 2, text: t('sentRequest.sentWith') });
  blocks.push(sent.sentWith.length === 0 ? { kind: 'paragraph', text: t('sentRequest.noDocuments') } : { kind: 'fields', rows: sent.sentWith.map((file) => ({ label: t('sentRequest.document'), value: file.name })) });
  return renderPdf({ title: `${title}: ${childName}`, lang: locale }, blocks);
}
