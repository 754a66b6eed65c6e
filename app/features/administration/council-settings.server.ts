import { eq } from 'drizzle-orm';
import { localAuthorities, type User } from '../../../db/schema';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { councilContext } from '~/tenancy/council.server';
import type { CouncilSettingsInput } from './council-settings-form.server';

/**
 * What the LA admin sees of the council's context (ADR 0023): where its emails link to and whom
 * they come from, and what its help page, phase banner and header say (issue 15). The admin
 * chooses the name its emails are sent under and its help details; the council's own address
 * and sender address are the deployment operator's (they change which pages may post forms to
 * the portal and which address the relay sends as), so they are shown, not edited here.
 */
export type CouncilSettings = {
  name: string;
  baseUrl: string;
  ownAddress: boolean;
  sender: { name: string; address: string };
} & CouncilSettingsInput;

/** The columns the admin edits: each is one field of the form. */
const editable = ['emailFromName', 'contactHours', 'sendiassName', 'sendiassPhone', 'sendiassEmail', 'sendiassUrl', 'localOfferUrl', 'feedbackUrl', 'brandColour'] as const satisfies readonly (keyof CouncilSettingsInput)[];

export async function councilSettingsOf(laId: string): Promise<CouncilSettings> {
  const db = await getDb();
  const [[row], council] = await Promise.all([db.select().from(localAuthorities).where(eq(localAuthorities.id, laId)), councilContext(laId, db)]);
  const stored = Object.fromEntries(editable.map((column) => [column, row[column]])) as CouncilSettingsInput;
  return { name: row.name, baseUrl: council.baseUrl, ownAddress: Boolean(row.publicBaseUrl), sender: council.sender, ...stored };
}

/**
 * Saves the admin's settings; each change is audited with what it was and what it became (the
 * sender name on its own, as before, the help details together). Returns whether any changed.
 */
export async function changeCouncilSettings(admin: User, laId: string, settings: CouncilSettingsInput): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(localAuthorities).where(eq(localAuthorities.id, laId)).for('update');
    if (!current) return false;
    const changed = editable.filter((column) => current[column] !== settings[column]);
    if (changed.length === 0) return false;
    await tx
      .update(localAuthorities)
      .set(Object.fromEntries(changed.map((column) => [column, settings[column]])))
      .where(eq(localAuthorities.id, laId));
    const audit = { userId: admin.id, subjectType: 'la', subjectId: laId, outcome: 'allowed' } as const;
    if (changed.includes('emailFromName')) {
      await recordAudit({ ...audit, action: 'change:council_sender_name', details: { from: current.emailFromName, to: settings.emailFromName } }, tx);
    }
    const helpChanges = changed.filter((column) => column !== 'emailFromName');
    if (helpChanges.length > 0) {
      const details = Object.fromEntries(helpChanges.map((column) => [column, { from: current[column], to: settings[column] }]));
      await recordAudit({ ...audit, action: 'change:council_help_settings', details }, tx);
    }
    return true;
  });
}
