import { json } from '@remix-run/node';
import { getEnv, publicOrigin } from './env.server';
import type { FieldErrors } from './forms/errors';
import type { FormValues } from './forms/form.server';
import { getFixedT, resolveLocale } from './i18n/i18n.server';
import { councilOrigins } from './tenancy/council.server';

/**
 * Whether an Origin header names this portal: the configured origin, an address a council has
 * set for itself (ADR 0023), and outside production also the address the request arrived at (a
 * developer on 127.0.0.1 or a LAN address). server/same-site.ts refuses every other
 * state-changing request before it reaches a route.
 */
export async function isOwnOrigin(origin: string, requestOrigin: string): Promise<boolean> {
  if (origin === publicOrigin() || (getEnv().NODE_ENV !== 'production' && origin === requestOrigin)) return true;
  return (await councilOrigins()).has(origin);
}

/**
 * Whether a POST came from one of our own pages. Browsers send Origin with every POST; a
 * request without one (a script, a test) is not a cross-site form and counts as ours.
 */
export async function isSameOrigin(request: Request): Promise<boolean> {
  const origin = request.headers.get('Origin');
  return !origin || isOwnOrigin(origin, new URL(request.url).origin);
}

/** A failed form: 400 with the errors and everything typed, so the page shows both. */
export function formFailure(errors: FieldErrors, values: FormValues) {
  return json({ errors, values }, { status: 400 });
}

/**
 * The page the HTTP server answers with when it refuses a request before the app sees it
 * (server/same-site.ts, server/request-body.ts): short, in the visitor's language, GOV.UK
 * styled, and never a stack trace.
 */
export type Refusal = 'crossSite' | 'tooLarge';

const refusalText = {
  crossSite: { title: 'safety.crossSite.title', body: 'safety.crossSite.body' },
  tooLarge: { title: 'safety.tooLarge.title', body: 'safety.tooLarge.body' },
} as const;

export function refusalPage(refusal: Refusal, headers: { cookie?: string; acceptLanguage?: string }): string {
  const locale = resolveLocale(new Request(publicOrigin(), { headers: { Cookie: headers.cookie ?? '', 'Accept-Language': headers.acceptLanguage ?? '' } }));
  const t = getFixedT(locale);
  const title = escapeHtml(t(refusalText[refusal].title));
  return `<!DOCTYPE html>
<html lang="${locale}" class="govuk-template">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} - ${escapeHtml(t('service.name'))}</title><link rel="stylesheet" href="/css/app.css"></head>
<body class="govuk-template__body"><div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
<h1 class="govuk-heading-l">${title}</h1>
<p class="govuk-body">${escapeHtml(t(refusalText[refusal].body))}</p>
<p class="govuk-body"><a class="govuk-link" href="/">${escapeHtml(t('errorPages.goHome'))}</a></p>
</main></div></body>
</html>
`;
}

function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
