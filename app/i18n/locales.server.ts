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
import enReviews from '../../public/locales/en/reviews.json';
import enSettings from '../../public/locales/en/settings.json';
import enSen2 from '../../public/locales/en/sen2.json';
import enScrutiny from '../../public/locales/en/scrutiny.json';
import enComplaints from '../../public/locales/en/complaints.json';
import enFeedback from '../../public/locales/en/feedback.json';
import enAppeals from '../../public/locales/en/appeals.json';
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
import plReviews from '../../public/locales/pl/reviews.json';
import plSettings from '../../public/locales/pl/settings.json';
import plSen2 from '../../public/locales/pl/sen2.json';
import plScrutiny from '../../public/locales/pl/scrutiny.json';
import plComplaints from '../../public/locales/pl/complaints.json';
import plFeedback from '../../public/locales/pl/feedback.json';
import plAppeals from '../../public/locales/pl/appeals.json';
import roAdmin from '../../public/locales/ro/admin.json';
import roAdvice from '../../public/locales/ro/advice.json';
import roAdvocates from '../../public/locales/ro/advocates.json';
import roCase from '../../public/locales/ro/case.json';
import roCommon from '../../public/locales/ro/common.json';
import roFamily from '../../public/locales/ro/family.json';
import roIdentity from '../../public/locales/ro/identity.json';
import roMessaging from '../../public/locales/ro/messaging.json';
import roPages from '../../public/locales/ro/pages.json';
import roPlan from '../../public/locales/ro/plan.json';
import roReporting from '../../public/locales/ro/reporting.json';
import roCasework from '../../public/locales/ro/casework.json';
import roRequests from '../../public/locales/ro/requests.json';
import roRights from '../../public/locales/ro/rights.json';
import roReviews from '../../public/locales/ro/reviews.json';
import roSettings from '../../public/locales/ro/settings.json';
import roSen2 from '../../public/locales/ro/sen2.json';
import roScrutiny from '../../public/locales/ro/scrutiny.json';
import roComplaints from '../../public/locales/ro/complaints.json';
import roFeedback from '../../public/locales/ro/feedback.json';
import roAppeals from '../../public/locales/ro/appeals.json';
import paAdmin from '../../public/locales/pa/admin.json';
import paAdvice from '../../public/locales/pa/advice.json';
import paAdvocates from '../../public/locales/pa/advocates.json';
import paCase from '../../public/locales/pa/case.json';
import paCommon from '../../public/locales/pa/common.json';
import paFamily from '../../public/locales/pa/family.json';
import paIdentity from '../../public/locales/pa/identity.json';
import paMessaging from '../../public/locales/pa/messaging.json';
import paPages from '../../public/locales/pa/pages.json';
import paPlan from '../../public/locales/pa/plan.json';
import paReporting from '../../public/locales/pa/reporting.json';
import paCasework from '../../public/locales/pa/casework.json';
import paRequests from '../../public/locales/pa/requests.json';
import paRights from '../../public/locales/pa/rights.json';
import paReviews from '../../public/locales/pa/reviews.json';
import paSettings from '../../public/locales/pa/settings.json';
import paSen2 from '../../public/locales/pa/sen2.json';
import paScrutiny from '../../public/locales/pa/scrutiny.json';
import paComplaints from '../../public/locales/pa/complaints.json';
import paFeedback from '../../public/locales/pa/feedback.json';
import paAppeals from '../../public/locales/pa/appeals.json';
import urAdmin from '../../public/locales/ur/admin.json';
import urAdvice from '../../public/locales/ur/advice.json';
import urAdvocates from '../../public/locales/ur/advocates.json';
import urCase from '../../public/locales/ur/case.json';
import urCommon from '../../public/locales/ur/common.json';
import urFamily from '../../public/locales/ur/family.json';
import urIdentity from '../../public/locales/ur/identity.json';
import urMessaging from '../../public/locales/ur/messaging.json';
import urPages from '../../public/locales/ur/pages.json';
import urPlan from '../../public/locales/ur/plan.json';
import urReporting from '../../public/locales/ur/reporting.json';
import urCasework from '../../public/locales/ur/casework.json';
import urRequests from '../../public/locales/ur/requests.json';
import urRights from '../../public/locales/ur/rights.json';
import urReviews from '../../public/locales/ur/reviews.json';
import urSettings from '../../public/locales/ur/settings.json';
import urSen2 from '../../public/locales/ur/sen2.json';
import urScrutiny from '../../public/locales/ur/scrutiny.json';
import urComplaints from '../../public/locales/ur/complaints.json';
import urFeedback from '../../public/locales/ur/feedback.json';
import urAppeals from '../../public/locales/ur/appeals.json';
import arAdmin from '../../public/locales/ar/admin.json';
import arAdvice from '../../public/locales/ar/advice.json';
import arAdvocates from '../../public/locales/ar/advocates.json';
import arCase from '../../public/locales/ar/case.json';
import arCommon from '../../public/locales/ar/common.json';
import arFamily from '../../public/locales/ar/family.json';
import arIdentity from '../../public/locales/ar/identity.json';
import arMessaging from '../../public/locales/ar/messaging.json';
import arPages from '../../public/locales/ar/pages.json';
import arPlan from '../../public/locales/ar/plan.json';
import arReporting from '../../public/locales/ar/reporting.json';
import arCasework from '../../public/locales/ar/casework.json';
import arRequests from '../../public/locales/ar/requests.json';
import arRights from '../../public/locales/ar/rights.json';
import arReviews from '../../public/locales/ar/reviews.json';
import arSettings from '../../public/locales/ar/settings.json';
import arSen2 from '../../public/locales/ar/sen2.json';
import arScrutiny from '../../public/locales/ar/scrutiny.json';
import arComplaints from '../../public/locales/ar/complaints.json';
import arFeedback from '../../public/locales/ar/feedback.json';
import arAppeals from '../../public/locales/ar/appeals.json';
import enMail from '../mail/locales/en.json';
import plMail from '../mail/locales/pl.json';
import roMail from '../mail/locales/ro.json';
import paMail from '../mail/locales/pa.json';
import urMail from '../mail/locales/ur.json';
import arMail from '../mail/locales/ar.json';
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
    reviews: enReviews,
    settings: enSettings,
    sen2: enSen2,
    scrutiny: enScrutiny,
    complaints: enComplaints,
    feedback: enFeedback,
    appeals: enAppeals,
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
    reviews: plReviews,
    settings: plSettings,
    sen2: plSen2,
    scrutiny: plScrutiny,
    complaints: plComplaints,
    feedback: plFeedback,
    appeals: plAppeals,
    mail: plMail,
  },
  ro: {
    common: roCommon,
    identity: roIdentity,
    family: roFamily,
    advocates: roAdvocates,
    requests: roRequests,
    case: roCase,
    messaging: roMessaging,
    advice: roAdvice,
    plan: roPlan,
    reporting: roReporting,
    casework: roCasework,
    admin: roAdmin,
    pages: roPages,
    rights: roRights,
    reviews: roReviews,
    settings: roSettings,
    sen2: roSen2,
    scrutiny: roScrutiny,
    complaints: roComplaints,
    feedback: roFeedback,
    appeals: roAppeals,
    mail: roMail,
  },
  pa: {
    common: paCommon,
    identity: paIdentity,
    family: paFamily,
    advocates: paAdvocates,
    requests: paRequests,
    case: paCase,
    messaging: paMessaging,
    advice: paAdvice,
    plan: paPlan,
    reporting: paReporting,
    casework: paCasework,
    admin: paAdmin,
    pages: paPages,
    rights: paRights,
    reviews: paReviews,
    settings: paSettings,
    sen2: paSen2,
    scrutiny: paScrutiny,
    complaints: paComplaints,
    feedback: paFeedback,
    appeals: paAppeals,
    mail: paMail,
  },
  ur: {
    common: urCommon,
    identity: urIdentity,
    family: urFamily,
    advocates: urAdvocates,
    requests: urRequests,
    case: urCase,
    messaging: urMessaging,
    advice: urAdvice,
    plan: urPlan,
    reporting: urReporting,
    casework: urCasework,
    admin: urAdmin,
    pages: urPages,
    rights: urRights,
    reviews: urReviews,
    settings: urSettings,
    sen2: urSen2,
    scrutiny: urScrutiny,
    complaints: urComplaints,
    feedback: urFeedback,
    appeals: urAppeals,
    mail: urMail,
  },
  ar: {
    common: arCommon,
    identity: arIdentity,
    family: arFamily,
    advocates: arAdvocates,
    requests: arRequests,
    case: arCase,
    messaging: arMessaging,
    advice: arAdvice,
    plan: arPlan,
    reporting: arReporting,
    casework: arCasework,
    admin: arAdmin,
    pages: arPages,
    rights: arRights,
    reviews: arReviews,
    settings: arSettings,
    sen2: arSen2,
    scrutiny: arScrutiny,
    complaints: arComplaints,
    feedback: arFeedback,
    appeals: arAppeals,
    mail: arMail,
  },
};
