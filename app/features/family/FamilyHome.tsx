import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { clockStepKeys } from '~/domain/clock-labels';
import type { ChildAttention, FamilyStep, MessageAttention } from '~/domain/family-attention';
import { personName } from '~/domain/names';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import { ButtonLink } from '~/ui/govuk/content';
import { stageKeys } from '~/ui/labels';
import type { CaseStage } from '../../../db/schema';

/** One child on the home page, as the case-progress feature's `familyHomeOf` gives it. */
export type FamilyHomeChild = {
  childId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  cases: readonly { id: string; reference: string; stage: CaseStage }[];
  attention: ChildAttention;
};

/** The home page of a parent or young person: each child, and what needs their attention now. */
export function FamilyHome({ childList, forSelf }: { childList: readonly FamilyHomeChild[]; forSelf: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('home.family.heading')}</h1>
        {childList.length === 0 ? (
          <>
            <p className="govuk-body">{t('home.family.none')}</p>
            <p className="govuk-body">{t('home.family.noneNext')}</p>
          </>
        ) : (
          childList.map((child) => {
            const { nextDate, familySteps, messages, allClear } = child.attention;
            const name = personName(child);
            return (
              <section key={child.childId} className="govuk-summary-card" aria-labelledby={`child-${child.childId}`}>
                <div className="govuk-summary-card__title-wrapper">
                  <h2 className="govuk-summary-card__title" id={`child-${child.childId}`}>
                    <Link className="govuk-link" to={`/children/${child.childId}`}>
                      {name}
                    </Link>
                  </h2>
                </div>
                <div className="govuk-summary-card__content">
                  <h3 className="govuk-heading-s">{t('home.family.attention.heading')}</h3>
                  {allClear ? (
                    <p className="govuk-body">{t('home.family.attention.allClear', { name: child.firstName })}</p>
                  ) : (
                    <ul className="govuk-list govuk-list--bullet">
                      {familySteps.map((step) => (
                        <li key={`${step.kind}-${'caseId' in step ? step.caseId : step.requestId}`}>
                          <FamilyStepLink step={step} locale={locale} />
                        </li>
                      ))}
                      {messages.map((message) => (
                        <li key={`${message.kind}-${message.caseId}`}>
                          <MessageLink message={message} locale={locale} />
                        </li>
                      ))}
                    </ul>
                  )}
                  {nextDate ? (
                    <p className="govuk-body">
                      {t('home.family.attention.nextDate')}{' '}
                      <Link className="govuk-link" to={`/cases/${nextDate.caseId}`}>
                        {t('home.family.attention.nextDateValue', { step: t(clockStepKeys[nextDate.step]), date: formatDate(nextDate.dueBy, locale) })}
                      </Link>
                    </p>
                  ) : null}
                  <p className="govuk-body govuk-!-margin-bottom-1">{t('home.family.born', { date: formatDate(child.dateOfBirth, locale) })}</p>
                  {child.cases.length === 0 ? (
                    <p className="govuk-body">{t('home.family.noCase')}</p>
                  ) : (
                    <ul className="govuk-list">
                      {child.cases.map((c) => (
                        <li key={c.id}>
                          <Link className="govuk-link" to={`/cases/${c.id}`}>
                            {t('home.family.caseLink', { reference: c.reference })}
                          </Link>{' '}
                          <span className="govuk-hint">{t(stageKeys[c.stage])}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </section>
            );
          })
        )}
        {forSelf && childList.length > 0 ? null : (
          <ButtonLink to="/children/new" variant={childList.length > 0 ? 'secondary' : undefined}>
            {t(forSelf ? 'home.family.addSelf' : 'home.family.addChild')}
          </ButtonLink>
        )}
      </div>
    </div>
  );
}

function FamilyStepLink({ step, locale }: { step: FamilyStep; locale: Locale }) {
  const { t } = useTranslation();
  switch (step.kind) {
    case 'commentOnDraft':
      return (
        <Link className="govuk-link" to={`/cases/${step.caseId}/plan`}>
          {t('home.family.attention.commentOnDraft', { date: formatDate(step.dueBy, locale) })}
        </Link>
      );
    case 'sendRequest':
      return (
        <Link className="govuk-link" to={`/requests/${step.requestId}`}>
          {t('home.family.attention.sendRequest')}
        </Link>
      );
    case 'giveViews':
      return (
        <Link className="govuk-link" to={`/cases/${step.caseId}/views`}>
          {t('home.family.attention.giveViews')}
        </Link>
      );
  }
}

function MessageLink({ message, locale }: { message: MessageAttention; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <Link className="govuk-link" to={`/cases/${message.caseId}/messages`}>
      {message.kind === 'unread'
        ? t('home.family.attention.unread', { count: message.count })
        : t('home.family.attention.replyOverdue', { date: formatDate(message.dueBy, locale) })}
    </Link>
  );
}
