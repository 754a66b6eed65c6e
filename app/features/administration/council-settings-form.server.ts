import { z } from 'zod';
import { isHexColour, isHttpsUrl, isUkPhoneNumber } from '~/domain/council';

/** The name the council's emails are sent under; empty: the council's own name (or the deployment's sender). */
export const SENDER_NAME_MAX_LENGTH = 100;
export const CONTACT_HOURS_MAX_LENGTH = 200;
export const SENDIASS_NAME_MAX_LENGTH = 120;
/** Long enough for any real address, short enough to show on the help page. */
export const LINK_MAX_LENGTH = 500;

/**
 * Every setting may be left empty: stored as null, and the page leaves that part out. A missing
 * field reads as empty, as a browser sends an empty text input.
 */
const text = () => z.preprocess((value) => value ?? '', z.string().trim());
const emptyOr = (check: (value: string) => boolean) => (value: string) => value === '' || check(value);
const orNull = (value: string) => value || null;

const link = (httpsKey: string) => text().pipe(z.string().max(LINK_MAX_LENGTH, 'errors.councilSettings.linkLength').refine(emptyOr(isHttpsUrl), httpsKey).transform(orNull));

export const councilSettingsSchema = z.object({
  emailFromName: text().pipe(
    z
      .string()
      .max(SENDER_NAME_MAX_LENGTH, 'errors.councilSettings.senderNameLength')
      // Angle brackets and quotes would change the meaning of the From header.
      .refine((name) => !/[<>"\\]/.test(name), 'errors.councilSettings.senderNameCharacters')
      .transform(orNull),
  ),
  contactHours: text().pipe(z.string().max(CONTACT_HOURS_MAX_LENGTH, 'errors.councilSettings.contactHoursLength').transform(orNull)),
  sendiassName: text().pipe(z.string().max(SENDIASS_NAME_MAX_LENGTH, 'errors.councilSettings.sendiassNameLength').transform(orNull)),
  sendiassPhone: text().pipe(z.string().refine(emptyOr(isUkPhoneNumber), 'errors.councilSettings.sendiassPhoneFormat').transform(orNull)),
  sendiassEmail: text().pipe(
    z
      .string()
      .max(320, 'errors.councilSettings.sendiassEmailFormat')
      .refine(emptyOr((email) => z.email().safeParse(email).success), 'errors.councilSettings.sendiassEmailFormat')
      .transform(orNull),
  ),
  sendiassUrl: link('errors.councilSettings.sendiassUrlHttps'),
  localOfferUrl: link('errors.councilSettings.localOfferUrlHttps'),
  feedbackUrl: link('errors.councilSettings.feedbackUrlHttps'),
  brandColour: text().pipe(
    z
      .string()
      .refine(emptyOr(isHexColour), 'errors.councilSettings.brandColourFormat')
      .transform((colour) => colour.toLowerCase() || null),
  ),
});

export type CouncilSettingsInput = z.output<typeof councilSettingsSchema>;
