/**
 * The longest text each long field accepts. The server's schemas enforce them; the pages show them
 * (GOV.UK character count), so this module is safe for the browser: numbers only, no zod.
 */
export const MESSAGE_MAX_LENGTH = 5000;
export const VIEWS_ANSWER_MAX_LENGTH = 5000;
export const PLAN_COMMENT_MAX_LENGTH = 5000;
export const CASE_NOTE_MAX_LENGTH = 5000;
/** A council's privacy notice (ADR 0036): a name, a postal address, and each section's own words. */
export const PRIVACY_CONTROLLER_MAX_LENGTH = 200;
export const PRIVACY_POSTAL_ADDRESS_MAX_LENGTH = 500;
export const PRIVACY_SECTION_MAX_LENGTH = 3000;

/** What a family says about the interpreter they need: what for and when suits them. */
export const INTERPRETER_DETAILS_MAX_LENGTH = 1000;

/** A complaint (app/features/complaints): what it is about, what would put it right, the reasons to escalate. */
export const COMPLAINT_ABOUT_MAX_LENGTH = 5000;
export const COMPLAINT_PUT_RIGHT_MAX_LENGTH = 2000;
/** The council's response letter at stage 1 or 2. */
export const COMPLAINT_LETTER_MAX_LENGTH = 20000;
/** What a family adds in the feedback survey (ADR 0052): a few sentences. */
export const FEEDBACK_COMMENT_MAX_LENGTH = 1200;
