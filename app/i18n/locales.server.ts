import enAdmin from '../../public/locales/en/admin.json';
import enAdvice from '../../public/locales/en/advice.json';
import enAdvocates from '../../public/locales/en/advocates.json';
import enCase from '../../public/locales/en/case.json';
import enCommon from '../../public/locales/en/common.json';
import enFamily from '../../public/locales/en/family.json';
import enIdentity from '../../public/locales/en/identity.json';
import enMessaging from '../../public/locales/en/messaging.json';
import enPages from '../../public/locales/en/pages.json';
import enPlan from '../../public/locales/en/plan.json';
import enReporting from '../../public/locales/en/reporting.json';
import enCasework from '../../public/locales/en/casework.json';
import enRequests from '../../public/locales/en/requests.json';
import enRights from '../../public/locales/en/rights.json';
import plAdmin from '../../public/locales/pl/admin.json';
import plAdvice from '../../public/locales/pl/advice.json';
import plAdvocates from '../../public/locales/pl/advocates.json';
import plCase from '../../public/locales/pl/case.json';
import plCommon from '../../public/locales/pl/common.json';
import plFamily from '../../public/locales/pl/family.json';
import plIdentity from '../../public/locales/pl/identity.json';
import plMessaging from '../../public/locales/pl/messaging.json';
import plPages from '../../public/locales/pl/pages.json';
import plPlan from '../../public/locales/pl/plan.json';
import plReporting from '../../public/locales/pl/reporting.json';
import plCasework from '../../public/locales/pl/casework.json';
import plRequests from '../../public/locales/pl/requests.json';
import plRights from '../../public/locales/pl/rights.json';
import enMail from '../mail/locales/en.json';
import plMail from '../mail/locales/pl.json';
import type { Locale, PageNamespace, Translations } from './config';

export type LocaleResources = Record<'common' | PageNamespace | 'mail', Translations>;

/** Every namespace of every language, the email wording included: loaded once with the server build. */
export const resources: Record<Locale, LocaleResources> = {
  en: {
    common: enCommon,
    identity: enIdentity,
    family: enFamily,
    advocates: enAdvocates,
    requests: enRequests,
    case: enCase,
    messaging: enMessaging,
    advice: enAdvice,
    plan: enPlan,
    reporting: enReporting,
    casework: enCasework,
    admin: enAdmin,
    pages: enPages,
    rights: enRights,
    mail: enMail,
  },
  pl: {
    common: plCommon,
    identity: plIdentity,
    family: plFamily,
    advocates: plAdvocates,
    requests: plRequests,
    case: plCase,
    messaging: plMessaging,
    advice: plAdvice,
    plan: plPlan,
    reporting: plReporting,
    casework: plCasework,
    admin: plAdmin,
    pages: plPages,
    rights: plRights,
    mail: plMail,
  },
};
