import type { TFunction } from 'i18next';
import { planSections, type PlanSectionContent } from '~/domain/plan-content';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { planSectionKeys } from '~/ui/advice-labels';
import { renderPdf, type PdfBlock } from '~/pdf/pdf.server';
import { needFieldKeys, outcomeFieldKeys, planVersionNameKeys, provisionFieldKeys, senNeedKeys, settingCodeKeys, settingFieldKeys, settingKindKeys } from './plan-labels';
import type { PlanVersionView } from './plan-versions.server';

/**
 * A plan version as a tagged PDF, from the same content and words as its page (the fixed wording
 * in the reader's language; what the council wrote as written).
 */
export function planVersionPdf(version: PlanVersionView, childName: string, locale: Locale): Promise<Buffer> {
  const t = getFixedT(locale);
  const title = t(planVersionNameKeys[version.kind], { number: version.number });
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: childName },
  ];
  if (version.issuedOn) {
    const date = formatDate(version.issuedOn, locale);
    blocks.push({ kind: 'paragraph', text: version.issuedBy ? t('planVersions.issuedBy', { date, name: version.issuedBy }) : t('planVersions.issuedOn', { date }) });
  }
  for (const section of planSections) {
    blocks.push({ kind: 'heading', level: 2, text: t(planSectionKeys[section]) });
    blocks.push(...sectionBlocks(t, version.content[section]));
  }
  return renderPdf({ title: `${title}: ${childName}`, lang: locale }, blocks);
}

function sectionBlocks(t: TFunction, content: PlanSectionContent): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  const notGiven = t('planVersions.notGiven');
  if (content.text.trim()) blocks.push({ kind: 'paragraph', text: content.text });
  if (content.needs && (content.needs.primary || content.needs.secondary)) {
    blocks.push({
      kind: 'fields',
      rows: (['primary', 'secondary'] as const).map((field) => {
        const need = content.needs![field];
        return { label: t(needFieldKeys[field]), value: need ? t(senNeedKeys[need]) : notGiven };
      }),
    });
  }
  (content.outcomes ?? []).forEach((outcome, index) => {
    blocks.push({ kind: 'heading', level: 3, text: t('planVersions.outcome.heading', { number: index + 1 }) });
    blocks.push({ kind: 'fields', rows: (['outcome', 'byWhen', 'steps'] as const).map((field) => ({ label: t(outcomeFieldKeys[field]), value: outcome[field] || notGiven })) });
  });
  (content.provision ?? []).forEach((item, index) => {
    blocks.push({ kind: 'heading', level: 3, text: t('planVersions.provision.heading', { number: index + 1 }) });
    blocks.push({ kind: 'fields', rows: (['what', 'who', 'howOften', 'forHowLong'] as const).map((field) => ({ label: t(provisionFieldKeys[field]), value: item[field] || notGiven })) });
  });
  const setting = content.setting;
  if (setting && (setting.name || setting.urn || setting.ukprn || setting.withoutUrn)) {
    blocks.push({
      kind: 'fields',
      rows: [
        { label: t(settingFieldKeys.name), value: setting.name || notGiven },
        ...(setting.urn ? [{ label: t(settingFieldKeys.urn), value: setting.urn }] : []),
        ...(setting.ukprn ? [{ label: t(settingFieldKeys.ukprn), value: setting.ukprn }] : []),
        ...(setting.withoutUrn ? [{ label: t(settingFieldKeys.withoutUrn), value: t(settingCodeKeys[setting.withoutUrn]) }] : []),
        ...(setting.kind ? [{ label: t(settingFieldKeys.kind), value: t(settingKindKeys[setting.kind]) }] : []),
      ],
    });
  }
  if (content.personalBudget !== undefined) {
    blocks.push({ kind: 'fields', rows: [{ label: t('planVersions.budget.label'), value: content.personalBudget ? t('planVersions.budget.yes') : t('planVersions.budget.no') }] });
  }
  if (blocks.length === 0) blocks.push({ kind: 'paragraph', text: t('planVersions.emptySection') });
  return blocks;
}
