import { z } from 'zod';
import { emailField } from '../identity/index.server';

/** The LA admin's forms for advice organisations and their advocates. */

export const organisationSchema = z.object({
  name: z.string({ error: 'errors.adviceOrg.nameRequired' }).trim().min(1, 'errors.adviceOrg.nameRequired').max(120, 'errors.adviceOrg.nameTooLong'),
});

export const inviteAdvocateSchema = z.object({
  name: z.string({ error: 'errors.name.required' }).trim().min(1, 'errors.name.required').max(120, 'errors.name.tooLong'),
  email: emailField,
});
