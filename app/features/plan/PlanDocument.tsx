import type { ReactNode } from 'react';
import { WrittenIn } from '~/ui/WrittenIn';
import { useTranslation } from 'react-i18next';
import {
  planSections,
  type NamedSetting,
  type PlanContent,
  type PlanOutcome,
  type PlanProvision,
  type PlanSection,
  type PlanSectionContent,
} from '~/domain/plan-content';
import { SummaryList, type SummaryRow } from '~/ui/govuk/content';
import type { CommentResponse } from '../../../db/schema';
import { commentResponseKeys, planSectionKeys } from '~/ui/advice-labels';
import { needFieldKeys, outcomeFieldKeys, provisionFieldKeys, senNeedKeys, settingCodeKeys, settingFieldKeys, settingKindKeys } from './plan-labels';

/**
 * One version of the EHC plan as a document to read and print: a contents list, then sections
 * A to K, each under its own heading. Lists (outcomes, provision) are GOV.UK summary cards, not
 * tables, so nothing runs off a phone's screen; coded values (SEN2 need types, setting codes)
 * are named in words.
 */

/** The anchor of a section in a plan document. */
export const planSectionAnchor = (section: PlanSection) => `plan-section-${section}`;

/** Text with its line breaks kept. */
export function PlanText({ text, className = 'govuk-body' }: { text: string; className?: string }) {
  return <p className={`${className} app-pre-line`}>{text}</p>;
}

export function SummaryCard({ title, rows }: { title: ReactNode; rows: readonly SummaryRow[] }) {
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{title}</h3>
      </div>
      <div className="govuk-summary-card__content">
        <SummaryList rows={rows} />
      </div>
    </div>
  );
}

type Translate = (key: string) => string;

/** A value as written, or "Not given". */
function written(text: string, t: Translate): ReactNode {
  return text.trim() ? <span className="app-pre-line">{text}</span> : t('planVersions.notGiven');
}

export function outcomeRows(item: PlanOutcome, t: Translate): SummaryRow[] {
  return (Object.keys(outcomeFieldKeys) as (keyof typeof outcomeFieldKeys)[]).map((field) => ({ key: t(outcomeFieldKeys[field]), value: written(item[field], t) }));
}

export function provisionRows(item: PlanProvision, t: Translate): SummaryRow[] {
  return (Object.keys(provisionFieldKeys) as (keyof typeof provisionFieldKeys)[]).map((field) => ({ key: t(provisionFieldKeys[field]), value: written(item[field], t) }));
}

/** A family comment on a section of the draft, and what the council did about it. */
export type PlanSectionComment = { id: string; section: PlanSection; body: string; authorName: string; response: CommentResponse | null; responseReasons: string | null };

export function PlanDocument({ content, comments = [], writtenIn = null }: { content: PlanContent; comments?: readonly PlanSectionComment[]; writtenIn?: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="app-plan-document">
      <nav aria-labelledby="plan-contents" className="app-no-print">
        <h2 className="govuk-heading-m" id="plan-contents">
          {t('planVersions.contents')}
        </h2>
        <ul className="govuk-list">
          {planSections.map((section) => (
            <li key={section}>
              <a className="govuk-link" href={`#${planSectionAnchor(section)}`}>
                {t(planSectionKeys[section])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {planSections.map((section) => (
        <section key={section} aria-labelledby={planSectionAnchor(section)}>
          <h2 className="govuk-heading-m" id={planSectionAnchor(section)}>
            {t(planSectionKeys[section])}
          </h2>
          <SectionBody section={section} content={content[section]} writtenIn={writtenIn} />
          <SectionComments comments={comments.filter((comment) => comment.section === section)} />
        </section>
      ))}
    </div>
  );
}

function isEmpty(content: PlanSectionContent): boolean {
  const setting = content.setting;
  return (
    !content.text.trim() &&
    !content.needs?.primary &&
    !content.needs?.secondary &&
    !content.outcomes?.length &&
    !content.provision?.length &&
    !(setting && (setting.name.trim() || setting.urn.trim() || setting.ukprn.trim() || setting.withoutUrn)) &&
    // Section J always says yes or no, so it is never empty once it has a budget field.
    content.personalBudget === undefined
  );
}

function SectionBody({ section, content, writtenIn }: { section: PlanSection; content: PlanSectionContent; writtenIn: string | null }) {
  const { t } = useTranslation();
  if (isEmpty(content)) return <p className="govuk-body">{t('planVersions.emptySection')}</p>;
  return (
    <>
      {content.needs ? (
        <SummaryList
          rows={(['primary', 'secondary'] as const).map((field) => {
            const need = content.needs?.[field] ?? '';
            return { key: t(needFieldKeys[field]), value: need ? t(senNeedKeys[need]) : t('planVersions.notGiven') };
          })}
        />
      ) : null}
      {content.setting ? <SettingList setting={content.setting} /> : null}
      {content.personalBudget !== undefined ? (
        <SummaryList rows={[{ key: t('planVersions.budget.label'), value: content.personalBudget ? t('planVersions.budget.yes') : t('planVersions.budget.no') }]} />
      ) : null}
      {content.text.trim() ? (
        <WrittenIn language={writtenIn}>
          <PlanText text={content.text} />
        </WrittenIn>
      ) : null}
      {content.outcomes?.map((item, i) => (
        <SummaryCard key={item.id} title={t('planVersions.outcome.heading', { number: i + 1 })} rows={outcomeRows(item, t)} />
      ))}
      {content.provision?.map((item, i) => (
        <SummaryCard key={item.id} title={t('planVersions.provision.heading', { number: i + 1 })} rows={provisionRows(item, t)} />
      ))}
    </>
  );
}

function SettingList({ setting }: { setting: NamedSetting }) {
  const { t } = useTranslation();
  const rows: SummaryRow[] = [{ key: t(settingFieldKeys.name), value: setting.name.trim() || t('planVersions.notGiven') }];
  if (setting.urn.trim()) rows.push({ key: t(settingFieldKeys.urn), value: setting.urn });
  if (setting.ukprn.trim()) rows.push({ key: t(settingFieldKeys.ukprn), value: setting.ukprn });
  if (setting.withoutUrn) rows.push({ key: t(settingFieldKeys.withoutUrn), value: t(settingCodeKeys[setting.withoutUrn]) });
  if (setting.kind) rows.push({ key: t(settingFieldKeys.kind), value: t(settingKindKeys[setting.kind]) });
  return <SummaryList rows={rows} />;
}

/** Beside a section of the final plan: what the family said about it in the draft, and what the council did. */
function SectionComments({ comments }: { comments: readonly PlanSectionComment[] }) {
  const { t } = useTranslation();
  if (comments.length === 0) return null;
  return (
    <div className="govuk-inset-text">
      <h3 className="govuk-heading-s">{t('planVersions.comments.heading')}</h3>
      {comments.map((comment) => (
        <div key={comment.id} className="govuk-!-margin-bottom-4">
          <p className="govuk-body app-pre-line govuk-!-margin-bottom-1">{comment.body}</p>
          <p className="govuk-body-s govuk-!-margin-bottom-1">{t('planVersions.comments.from', { name: comment.authorName })}</p>
          <p className="govuk-body govuk-!-margin-bottom-0">
            <strong>{t('planVersions.comments.whatWeDid')}</strong> {comment.response ? t(commentResponseKeys[comment.response]) : t('planVersions.comments.notAnswered')}
          </p>
          {comment.responseReasons ? <p className="govuk-body app-pre-line">{comment.responseReasons}</p> : null}
        </div>
      ))}
    </div>
  );
}
