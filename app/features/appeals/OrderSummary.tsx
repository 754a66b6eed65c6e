import { useTranslation } from 'react-i18next';
import type { AppealableDecision, OrderCompliance, OrderKind, OrderMilestone } from '~/domain/appeals';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { Tag } from '~/ui/govuk/content';
import { decisionKeys, milestoneKeys, orderKindKeys, orderStatusColours, orderStatusKeys } from './appeal-labels';

type TFunction = ReturnType<typeof useTranslation>['t'];

/** The decision appealed, with the plan's sections when it is about its contents. */
export function decisionText(t: TFunction, decision: AppealableDecision, sections: readonly string[] | null) {
  return sections?.length ? t('appeals.decisionWithSections', { decision: t(decisionKeys[decision]), sections: sections.join(', ') }) : t(decisionKeys[decision]);
}

export type OrderShown = { kind: OrderKind; orderedOn: string; compliesBy: string; compliedOn: string | null; milestones: OrderMilestone[]; compliance: OrderCompliance };

/** One order: what the council must do, its steps with their dates, and how it stands today. */
export function OrderSummary({ order }: { order: OrderShown }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <>
      <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
        {t(orderKindKeys[order.kind])} <Tag colour={orderStatusColours[order.compliance.status]}>{t(orderStatusKeys[order.compliance.status])}</Tag>
      </h4>
      <p className="govuk-body govuk-!-margin-bottom-1">{t('appeals.orderedOn', { date: formatDate(order.orderedOn, locale) })}</p>
      <ul className="govuk-list govuk-list--bullet">
        {order.milestones.map((m) => (
          <li key={m.step}>{t(milestoneKeys[m.step], { date: formatDate(m.dueBy, locale) })}</li>
        ))}
      </ul>
      <p className="govuk-body">
        {order.compliedOn
          ? t('appeals.compliedOn', { date: formatDate(order.compliedOn, locale) })
          : order.compliance.status === 'missed'
            ? t('appeals.compliesByMissed', { date: formatDate(order.compliesBy, locale) })
            : t('appeals.compliesBy', { date: formatDate(order.compliesBy, locale) })}
      </p>
    </>
  );
}
