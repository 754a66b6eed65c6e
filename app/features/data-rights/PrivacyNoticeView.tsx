import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { ICO, type PrivacyNotice } from '~/domain/privacy-notice';

/** The council's own paragraphs where it wrote them, else the default wording. */
function Paragraphs({ custom, defaultKey, values }: { custom: string[] | null; defaultKey: string; values?: Record<string, string> }) {
  const { t } = useTranslation();
  const paragraphs = custom ?? [t(defaultKey, values)];
  return (
    <>
      {paragraphs.map((paragraph, i) => (
        <p className="govuk-body govuk-!-text-break-word app-pre-line" key={i}>
          {paragraph}
        </p>
      ))}
    </>
  );
}

/**
 * One council's privacy notice (ADR 0036). With `asSection` the council's name is an h2 and its
 * parts h3s (a page showing several councils); otherwise the parts are h2s.
 */
export function PrivacyNoticeView({ notice, asSection }: { notice: PrivacyNotice; asSection: boolean }) {
  const { t } = useTranslation();
  const Sub = asSection ? 'h3' : 'h2';
  const subClass = asSection ? 'govuk-heading-s' : 'govuk-heading-m';
  const headingId = `privacy-${notice.council.code}`;
  return (
    <section aria-labelledby={asSection ? headingId : undefined}>
      {asSection ? (
        <h2 className="govuk-heading-m" id={headingId}>
          {notice.council.name}
        </h2>
      ) : null}
      <Sub className={subClass}>{t('privacyNotice.controller.heading')}</Sub>
      <p className="govuk-body">{t('privacyNotice.controller.body', { controller: notice.controller, council: notice.council.name })}</p>

      <Sub className={subClass}>{t('privacyNotice.dpo.heading')}</Sub>
      {notice.dpo ? (
        <>
          {notice.dpo.email ? (
            <p className="govuk-body govuk-!-text-break-word">
              {t('privacyNotice.dpo.email')}{' '}
              <a className="govuk-link" href={`mailto:${notice.dpo.email}`}>
                {notice.dpo.email}
              </a>
            </p>
          ) : null}
          {notice.dpo.postalAddressLines.length > 0 ? (
            <>
              <p className="govuk-body">{t('privacyNotice.dpo.post')}</p>
              <p className="govuk-body govuk-!-text-break-word">
                {notice.dpo.postalAddressLines.map((line, i) => (
                  <span key={i}>
                    {i > 0 ? <br /> : null}
                    {line}
                  </span>
                ))}
              </p>
            </>
          ) : null}
        </>
      ) : (
        <p className="govuk-body govuk-!-text-break-word">
          {t('privacyNotice.dpo.default')}{' '}
          <a className="govuk-link" href={`mailto:${notice.councilEmail}`}>
            {notice.councilEmail}
          </a>
        </p>
      )}

      <Sub className={subClass}>{t('privacyNotice.lawfulBases.heading')}</Sub>
      <Paragraphs custom={notice.lawfulBases} defaultKey="privacyNotice.lawfulBases.default" />

      <Sub className={subClass}>{t('privacyNotice.sharedWith.heading')}</Sub>
      <Paragraphs custom={notice.sharedWith} defaultKey="privacyNotice.sharedWith.default" />

      <Sub className={subClass}>{t('privacyNotice.retention.heading')}</Sub>
      <Paragraphs custom={notice.retention} defaultKey="privacyNotice.retention.default" />

      <Sub className={subClass}>{t('privacyNotice.rights.heading')}</Sub>
      <p className="govuk-body">{t('privacyNotice.rights.intro')}</p>
      <ul className="govuk-list govuk-list--bullet">
        <li>{t('privacyNotice.rights.access')}</li>
        <li>{t('privacyNotice.rights.rectification')}</li>
        <li>{t('privacyNotice.rights.erasure')}</li>
        <li>{t('privacyNotice.rights.restriction')}</li>
        <li>{t('privacyNotice.rights.objection')}</li>
        <li>{t('privacyNotice.rights.portability')}</li>
      </ul>
      <p className="govuk-body">
        <Link className="govuk-link" to="/account/your-data">
          {t('privacyNotice.rights.yourDataLink')}
        </Link>
      </p>
      {notice.extraRights?.map((paragraph, i) => (
        <p className="govuk-body govuk-!-text-break-word" key={i}>
          {paragraph}
        </p>
      ))}

      <Sub className={subClass}>{t('privacyNotice.ico.heading')}</Sub>
      <p className="govuk-body">{t('privacyNotice.ico.body')}</p>
      <ul className="govuk-list">
        <li>
          <a className="govuk-link" href={ICO.complaintUrl}>
            {t('privacyNotice.ico.link')}
          </a>
        </li>
        <li>
          {t('privacyNotice.ico.phone')}{' '}
          <a className="govuk-link" href={ICO.tel}>
            {ICO.phone}
          </a>
        </li>
      </ul>
    </section>
  );
}
