import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

/**
 * GOV.UK pagination: previous and next, the first and last pages, and those either side of the
 * current one (gaps shown as an ellipsis). `hrefFor` builds each page's address, so it works
 * as plain links without JavaScript.
 */
export function Pagination({ page, pages, hrefFor }: { page: number; pages: number; hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  for (const p of shown) {
    const last = items.at(-1);
    if (typeof last === 'number' && p - last > 1) items.push('gap');
    items.push(p);
  }
  return (
    <nav className="govuk-pagination" aria-label={t('pagination.label')}>
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">{t('pagination.previous')}</span>
          </Link>
        </div>
      ) : null}
      <ul className="govuk-pagination__list">
        {items.map((item, i) =>
          item === 'gap' ? (
            <li className="govuk-pagination__item govuk-pagination__item--ellipses" key={`gap-${i}`}>
              &ctdot;
            </li>
          ) : (
            <li className={`govuk-pagination__item${item === page ? ' govuk-pagination__item--current' : ''}`} key={item}>
              <Link
                className="govuk-link govuk-pagination__link"
                to={hrefFor(item)}
                aria-label={t('pagination.page', { page: item })}
                aria-current={item === page ? 'page' : undefined}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">{t('pagination.next')}</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}
