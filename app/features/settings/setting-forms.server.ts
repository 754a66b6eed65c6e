import { z } from 'zod';
import { identifierProblems, normaliseIdentifier } from '~/domain/setting-identifiers';
import { settingPhases, settingRoles, settingTypes } from '~/domain/vocabulary';
import type { FieldErrors } from '~/forms/errors';
import { validateForm, type FormValues } from '~/forms/form.server';
import { emailField } from '../identity/index.server';

/** The forms of a school, college or early-years setting (issue 14): each message is a translation key. */

const nameField = z.string({ error: 'errors.setting.nameRequired' }).trim().min(1, 'errors.setting.nameRequired').max(200, 'errors.setting.nameTooLong');

const settingSchema = z.object({
  name: nameField,
  urn: z.string().optional().default(''),
  ukprn: z.string().optional().default(''),
  type: z.enum(settingTypes, { error: 'errors.setting.typeRequired' }),
  phase: z.enum(settingPhases, { error: 'errors.setting.phaseRequired' }),
});

export type SettingInput = {
  name: string;
  urn: string | null;
  ukprn: string | null;
  type: (typeof settingTypes)[number];
  phase: (typeof settingPhases)[number];
};

/** A setting as the LA admin types it: a name, a URN and/or a UKPRN (each checked next to its own field), a type and a phase. */
export function parseSettingForm(values: FormValues): { ok: true; setting: SettingInput } | { ok: false; errors: FieldErrors } {
  const form = validateForm(settingSchema, values);
  const urn = normaliseIdentifier(values.urn ?? '');
  const ukprn = normaliseIdentifier(values.ukprn ?? '');
  const errors: FieldErrors = {
    ...(form.ok ? {} : form.errors),
    ...identifierProblems(urn, ukprn),
  };
  if (!form.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    setting: {
      name: form.data.name,
      urn: urn || null,
      ukprn: ukprn || null,
      type: form.data.type,
      phase: form.data.phase,
    },
  };
}

export const settingStaffInviteSchema = z.object({
  name: z.string({ error: 'errors.name.required' }).trim().min(1, 'errors.name.required').max(120, 'errors.name.tooLong'),
  email: emailField,
  settingRole: z.enum(settingRoles, { error: 'errors.setting.roleRequired' }),
});

/** The council's admin invites a setting's first lead: the role is the lead's. */
export const settingLeadInviteSchema = settingStaffInviteSchema.omit({
  settingRole: true,
});

export const settingRoleChangeSchema = z.object({
  settingRole: z.enum(settingRoles, { error: 'errors.setting.roleRequired' }),
});
