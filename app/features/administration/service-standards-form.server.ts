import { z } from 'zod';
import { MAX_STANDARD_WORKING_DAYS } from '~/domain/service-standards';

/** The LA admin's form for the council's reply promises, in whole working days. */
const workingDays = (required: string, range: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, required)
    .regex(/^\d+$/, range)
    .transform(Number)
    .refine((days) => days >= 1 && days <= MAX_STANDARD_WORKING_DAYS, range);

export const serviceStandardsSchema = z
  .object({
    acknowledgeWithin: workingDays('errors.standards.acknowledgeRequired', 'errors.standards.acknowledgeRange'),
    replyWithin: workingDays('errors.standards.replyRequired', 'errors.standards.replyRange'),
  })
  .refine((s) => s.replyWithin >= s.acknowledgeWithin, { path: ['replyWithin'], message: 'errors.standards.replyBeforeAcknowledge' });
