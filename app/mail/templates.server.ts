import type { Locale } from '../i18n/config';
import { getFixedT } from '../i18n/i18n.server';
import type { OutgoingEmail } from './mailer.server';

/**
 * Email wording lives in the locale files (mail.*), in the style of GOV.UK Notify: it says
 * plainly what happened and what to do next, by when (a date in the recipient's language), in
 * short paragraphs with one link, signed by the council. No child's name in a subject (it shows
 * on lock screens and in shared inboxes); the body may name them, as the recipient may know.
 */
/** A step on a family's case (app/domain/progress-news.ts); `dueBy` is empty for a step with no date. */
type ProgressParams = { name: string; childName: string; dueBy: string; link: string };

/** A step of an annual review (app/features/reviews): `date` is the step's date in the recipient's language, `detail` any words that go with it. */
type ReviewParams = { name: string; childName: string; date: string; detail: string; link: string };

type Templates = {
  verifyEmail: { name: string; link: string };
  resetPassword: { name: string; link: string };
  staffInvite: { name: string; link: string; laName: string; inviter: string };
  alreadyRegistered: { name: string; signInLink: string; resetLink: string };
  inviteForExistingAccount: { name: string; inviter: string; organisation: string; signInLink: string };
  assessmentAgreed: ProgressParams;
  assessmentRefused: ProgressParams;
  planAgreed: ProgressParams;
  planRefused: ProgressParams;
  draftPlanIssued: ProgressParams;
  finalPlanIssued: ProgressParams;
  planInPlace: ProgressParams;
  requestWithdrawn: ProgressParams;
  planCeased: ProgressParams;
  refusalReversed: ProgressParams;
  apology: { name: string; childName: string; step: string; reason: string; newDate: string; caseworker: string; link: string };
  requestReceipt: { name: string; reference: string; decisionDue: string; link: string };
  caseworkerAllocated: { name: string; childName: string; caseworker: string; email: string; phone: string; link: string };
  caseworkerChanged: { name: string; childName: string; caseworker: string; previous: string; email: string; phone: string; link: string };
  interpreterRequested: { name: string; reference: string; language: string; link: string };
  interpreterBooked: { name: string; childName: string; interpreter: string; language: string; when: string; link: string };
  youngPersonInvite: { name: string; parentName: string; link: string };
  newMessageForFamily: { name: string; senderName: string; childName: string; reference: string; link: string };
  adviserMessageForFamily: { name: string; adviserName: string; childName: string; council: string; link: string };
  newMessageForStaff: { name: string; senderName: string; senderRole: string; childName: string; reference: string; acknowledgeBy: string; replyBy: string; link: string };
  messageDigest: { name: string; count: string; cases: string; link: string };
  adviceRequested: { name: string; childName: string; laName: string; dueBy: string; link: string };
  adviceInvite: { name: string; childName: string; laName: string; dueBy: string; link: string };
  adviceReminder: { name: string; childName: string; dueBy: string; link: string };
  adviceOverdue: { name: string; childName: string; dueBy: string; link: string };
  adviceOverdueCaseworker: { name: string; childName: string; professionalName: string; dueBy: string; link: string };
  adviceAvailable: { name: string; childName: string; link: string };
  consentGiven: { name: string; familyName: string; childName: string; link: string };
  consentChanged: { name: string; familyName: string; childName: string; scope: string; expiresOn: string; link: string };
  consentEnded: { name: string; familyName: string; childName: string };
  advocateInvite: { name: string; link: string; organisation: string; inviter: string };
  passwordChanged: { name: string; when: string; resetLink: string };
  confirmNewEmail: { name: string; link: string };
  emailChangeRequested: { name: string; accountLink: string };
  emailAlreadyInUse: { name: string; signInLink: string };
  familyMessageDigest: { name: string; council: string; cases: string; link: string };
  subjectAccessReady: { name: string; council: string; link: string };
  rectificationAsked: { name: string; childName: string; dueBy: string; link: string };
  rectificationApproved: { name: string; childName: string; link: string };
  rectificationRefused: { name: string; childName: string; reason: string; link: string };
  reviewTermNotice: { name: string; count: string; term: string; termStart: string; reviews: string; link: string };
  reviewReminder: { name: string; childName: string; step: string; action: string; dueBy: string; link: string };
  reviewReminderFamily: { name: string; childName: string; dueBy: string; link: string };
  settingRequestMade: SettingRequestParams;
  settingRequestInvite: SettingRequestParams;
  reviewMeetingArranged: ReviewParams;
  reviewMeetingInvitation: ReviewParams;
  reviewAdviceCirculated: ReviewParams;
  reviewReportReceived: ReviewParams;
  reviewPlanKept: ReviewParams;
  reviewPlanCeasing: ReviewParams;
  reviewAmendmentsProposed: ReviewParams;
  reviewDecisionForSetting: ReviewParams;
  reviewCommentsReceived: ReviewParams;
  reviewFinalIssued: ReviewParams;
  reviewApology: ReviewParams;
  complaintReceived: { name: string; reference: string; acknowledgeBy: string; respondBy: string; link: string };
  complaintForStaff: { name: string; reference: string; respondBy: string; link: string };
  complaintAcknowledged: { name: string; reference: string; respondBy: string; link: string };
  complaintResponded: { name: string; reference: string; escalateBy: string; link: string };
  complaintFinalResponse: { name: string; reference: string; link: string };
  complaintEscalated: { name: string; reference: string; respondBy: string; link: string };
  complaintEscalatedForStaff: { name: string; reference: string; respondBy: string; link: string };
  /** A Tribunal order recorded on the case (ADR 0051): `action` is what the council must do, in the recipient's language. */
  tribunalOrderRecorded: { name: string; childName: string; action: string; dueBy: string; link: string };
};

/** A request for assessment a child's school or setting made, with the family's agreement (ADR 0046). */
type SettingRequestParams = { name: string; setting: string; childName: string; reference: string; agreedOn: string; decisionDue: string; link: string };

export type TemplateName = keyof Templates;
export type TemplateParams<K extends TemplateName> = Templates[K];

export function isTemplateName(value: string): value is TemplateName {
  return Object.hasOwn(keys, value);
}

const keys: { [K in keyof Templates]: { subject: string; body: string } } = {
  verifyEmail: { subject: 'mail.verifyEmail.subject', body: 'mail.verifyEmail.body' },
  resetPassword: { subject: 'mail.resetPassword.subject', body: 'mail.resetPassword.body' },
  staffInvite: { subject: 'mail.staffInvite.subject', body: 'mail.staffInvite.body' },
  alreadyRegistered: { subject: 'mail.alreadyRegistered.subject', body: 'mail.alreadyRegistered.body' },
  inviteForExistingAccount: { subject: 'signInSafety.mail.inviteForExistingAccount.subject', body: 'signInSafety.mail.inviteForExistingAccount.body' },
  assessmentAgreed: { subject: 'mail.progress.assessmentAgreed.subject', body: 'mail.progress.assessmentAgreed.body' },
  assessmentRefused: { subject: 'mail.progress.assessmentRefused.subject', body: 'mail.progress.assessmentRefused.body' },
  planAgreed: { subject: 'mail.progress.planAgreed.subject', body: 'mail.progress.planAgreed.body' },
  planRefused: { subject: 'mail.progress.planRefused.subject', body: 'mail.progress.planRefused.body' },
  draftPlanIssued: { subject: 'mail.progress.draftPlanIssued.subject', body: 'mail.progress.draftPlanIssued.body' },
  finalPlanIssued: { subject: 'mail.progress.finalPlanIssued.subject', body: 'mail.progress.finalPlanIssued.body' },
  planInPlace: { subject: 'mail.progress.planInPlace.subject', body: 'mail.progress.planInPlace.body' },
  requestWithdrawn: { subject: 'mail.progress.requestWithdrawn.subject', body: 'mail.progress.requestWithdrawn.body' },
  planCeased: { subject: 'mail.progress.planCeased.subject', body: 'mail.progress.planCeased.body' },
  refusalReversed: { subject: 'mail.progress.refusalReversed.subject', body: 'mail.progress.refusalReversed.body' },
  apology: { subject: 'mail.apology.subject', body: 'mail.apology.body' },
  requestReceipt: { subject: 'mail.requestReceipt.subject', body: 'mail.requestReceipt.body' },
  caseworkerAllocated: { subject: 'mail.caseworkerAllocated.subject', body: 'mail.caseworkerAllocated.body' },
  caseworkerChanged: { subject: 'caseworkerChanged.subject', body: 'caseworkerChanged.body' },
  interpreterRequested: { subject: 'interpreterMail.requested.subject', body: 'interpreterMail.requested.body' },
  interpreterBooked: { subject: 'interpreterMail.booked.subject', body: 'interpreterMail.booked.body' },
  youngPersonInvite: { subject: 'mail.youngPersonInvite.subject', body: 'mail.youngPersonInvite.body' },
  newMessageForFamily: { subject: 'mail.newMessageForFamily.subject', body: 'mail.newMessageForFamily.body' },
  adviserMessageForFamily: { subject: 'mail.adviserMessageForFamily.subject', body: 'mail.adviserMessageForFamily.body' },
  newMessageForStaff: { subject: 'mail.newMessageForStaff.subject', body: 'mail.newMessageForStaff.body' },
  messageDigest: { subject: 'mail.messageDigest.subject', body: 'mail.messageDigest.body' },
  adviceRequested: { subject: 'adviceMail.requested.subject', body: 'adviceMail.requested.body' },
  adviceInvite: { subject: 'adviceMail.invite.subject', body: 'adviceMail.invite.body' },
  adviceReminder: { subject: 'adviceMail.reminder.subject', body: 'adviceMail.reminder.body' },
  adviceOverdue: { subject: 'adviceMail.overdue.subject', body: 'adviceMail.overdue.body' },
  adviceOverdueCaseworker: { subject: 'adviceMail.overdueCaseworker.subject', body: 'adviceMail.overdueCaseworker.body' },
  adviceAvailable: { subject: 'adviceMail.available.subject', body: 'adviceMail.available.body' },
  consentGiven: { subject: 'advocates.mail.consentGiven.subject', body: 'advocates.mail.consentGiven.body' },
  consentChanged: { subject: 'advocates.mail.consentChanged.subject', body: 'advocates.mail.consentChanged.body' },
  consentEnded: { subject: 'advocates.mail.consentEnded.subject', body: 'advocates.mail.consentEnded.body' },
  advocateInvite: { subject: 'advocates.mail.invite.subject', body: 'advocates.mail.invite.body' },
  passwordChanged: { subject: 'mail.passwordChanged.subject', body: 'mail.passwordChanged.body' },
  confirmNewEmail: { subject: 'mail.confirmNewEmail.subject', body: 'mail.confirmNewEmail.body' },
  emailChangeRequested: { subject: 'mail.emailChangeRequested.subject', body: 'mail.emailChangeRequested.body' },
  emailAlreadyInUse: { subject: 'mail.emailAlreadyInUse.subject', body: 'mail.emailAlreadyInUse.body' },
  familyMessageDigest: { subject: 'familyDigest.subject', body: 'familyDigest.body' },
  subjectAccessReady: { subject: 'dataRightsMail.ready.subject', body: 'dataRightsMail.ready.body' },
  rectificationAsked: { subject: 'rectificationMail.asked.subject', body: 'rectificationMail.asked.body' },
  rectificationApproved: { subject: 'rectificationMail.approved.subject', body: 'rectificationMail.approved.body' },
  rectificationRefused: { subject: 'rectificationMail.refused.subject', body: 'rectificationMail.refused.body' },
  reviewTermNotice: { subject: 'reviewJobsMail.termNotice.subject', body: 'reviewJobsMail.termNotice.body' },
  reviewReminder: { subject: 'reviewJobsMail.reminder.subject', body: 'reviewJobsMail.reminder.body' },
  reviewReminderFamily: { subject: 'reviewJobsMail.reminderFamily.subject', body: 'reviewJobsMail.reminderFamily.body' },
  settingRequestMade: { subject: 'settingsMail.requestMade.subject', body: 'settingsMail.requestMade.body' },
  settingRequestInvite: { subject: 'settingsMail.requestInvite.subject', body: 'settingsMail.requestInvite.body' },
  reviewMeetingArranged: { subject: 'reviewMail.meetingArranged.subject', body: 'reviewMail.meetingArranged.body' },
  reviewMeetingInvitation: { subject: 'reviewMail.meetingInvitation.subject', body: 'reviewMail.meetingInvitation.body' },
  reviewAdviceCirculated: { subject: 'reviewMail.adviceCirculated.subject', body: 'reviewMail.adviceCirculated.body' },
  reviewReportReceived: { subject: 'reviewMail.reportReceived.subject', body: 'reviewMail.reportReceived.body' },
  reviewPlanKept: { subject: 'reviewMail.planKept.subject', body: 'reviewMail.planKept.body' },
  reviewPlanCeasing: { subject: 'reviewMail.planCeasing.subject', body: 'reviewMail.planCeasing.body' },
  reviewAmendmentsProposed: { subject: 'reviewMail.amendmentsProposed.subject', body: 'reviewMail.amendmentsProposed.body' },
  reviewDecisionForSetting: { subject: 'reviewMail.decisionForSetting.subject', body: 'reviewMail.decisionForSetting.body' },
  reviewCommentsReceived: { subject: 'reviewMail.commentsReceived.subject', body: 'reviewMail.commentsReceived.body' },
  reviewFinalIssued: { subject: 'reviewMail.finalIssued.subject', body: 'reviewMail.finalIssued.body' },
  reviewApology: { subject: 'reviewMail.apology.subject', body: 'reviewMail.apology.body' },
  complaintReceived: { subject: 'complaintMail.received.subject', body: 'complaintMail.received.body' },
  complaintForStaff: { subject: 'complaintMail.forStaff.subject', body: 'complaintMail.forStaff.body' },
  complaintAcknowledged: { subject: 'complaintMail.acknowledged.subject', body: 'complaintMail.acknowledged.body' },
  complaintResponded: { subject: 'complaintMail.responded.subject', body: 'complaintMail.responded.body' },
  complaintFinalResponse: { subject: 'complaintMail.finalResponse.subject', body: 'complaintMail.finalResponse.body' },
  complaintEscalated: { subject: 'complaintMail.escalated.subject', body: 'complaintMail.escalated.body' },
  complaintEscalatedForStaff: { subject: 'complaintMail.escalatedForStaff.subject', body: 'complaintMail.escalatedForStaff.body' },
  tribunalOrderRecorded: { subject: 'appealsMail.orderRecorded.subject', body: 'appealsMail.orderRecorded.body' },
};

export function renderEmail<K extends keyof Templates>(
  template: K,
  locale: Locale,
  to: string,
  params: Templates[K],
  councilName: string | null = null,
): OutgoingEmail {
  const t = getFixedT(locale);
  const values: Record<string, string> = params;
  const subject = String(t(keys[template].subject, values));
  const body = String(t(keys[template].body, values));
  // Signed by the council the email is from (ADR 0023); the portal's own name when none yet.
  const signOff = councilName ? t('mail.signOffCouncil', { council: councilName }) : t('mail.signOff');
  return { to, subject, text: `${body}\n\n${signOff}\n`, language: locale };
}
