import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * After a client-side navigation, focus moves to the new page's heading, as it would land at the
 * top of a freshly loaded page: a screen reader announces where the person now is, and the next
 * Tab goes through the new page from the start. Not on the first load (the browser does that),
 * not for an in-page #link, and not when the page shows an error summary (it takes focus itself).
 */
export function useFocusOnNavigation() {
  const location = useLocation();
  const firstLoad = useRef(true);
  useEffect(() => {
    if (firstLoad.current) {
      firstLoad.current = false;
      return;
    }
    if (location.hash || document.querySelector('.govuk-error-summary')) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus();
  }, [location.key, location.hash]);
}
