import type { NextFunction, Request, Response } from 'express';
import { isOwnOrigin, refusalPage } from '../app/http.server';

/**
 * Every request that can change something (any method but GET and HEAD, Remix `?_data=`
 * fetches included) must come from the portal's own pages (ADR 0014). Browsers say where a
 * request comes from in two headers the page cannot forge:
 * - `Sec-Fetch-Site`: only `same-origin` (our page) or `none` (typed by the user) pass;
 *   `same-site` (a sibling subdomain) and `cross-site` are refused;
 * - `Origin`: must be the configured PUBLIC_BASE_URL origin or an address a council has set for
 *   itself (ADR 0023; outside production also the address the request arrived at); `null`
 *   (sandboxed frames, some redirects) is refused.
 * A request with neither header is not from a browser (a script, a health probe) and cannot
 * carry a victim's cookies, so it passes to the app, whose own guards decide.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
const ALLOWED_FETCH_SITES = new Set(['same-origin', 'none']);

export function refuseCrossSiteRequests(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method)) {
    next();
    return;
  }
  comesFromOurPages(req).then((ours) => {
    if (ours) {
      next();
      return;
    }
    res
      .status(403)
      .type('html')
      .send(refusalPage('crossSite', { cookie: req.get('Cookie'), acceptLanguage: req.get('Accept-Language') }));
  }, next);
}

async function comesFromOurPages(req: Request): Promise<boolean> {
  const fetchSite = req.get('Sec-Fetch-Site');
  if (fetchSite !== undefined && !ALLOWED_FETCH_SITES.has(fetchSite.toLowerCase())) return false;
  const origin = req.get('Origin');
  return origin === undefined || isOwnOrigin(origin, `${req.protocol}://${req.get('Host') ?? ''}`);
}
