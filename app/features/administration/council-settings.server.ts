import { eq } from 'drizzle-orm';
import { localAuthorities, type User } from '../../../db/schema';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { councilContext } from '~/tenancy/council.server';

/**
 * What the LA admin sees of the council's context (ADR 0023): where its emails link to and whom
 * they come from. The admin chooses the name its emails are sent under; the council's own
 * address and sender address are the deployment operator's (they change which pages may post
 * forms to the portal and which address the relay sends as), so they are shown, not edited here.
 */
export type CouncilSettings = {
  name: string;
  baseUrl: string;
  ownAddress: boolean;
  sender: { name: string; address: string };
  emailFromName: string | null;
};

export async function councilSettingsOf(laId: string): Promise<CouncilSettings> {
  const db = await getDb();
  const [[row], council] = await Promise.all([db.select().from(localAuthorities).where(eq(localAuthorities.id, laId)), councilContext(laId, db)]);
  return { name: row.name, baseUrl: council.baseUrl, ownAddress: Boolean(row.publicBaseUrl), sender: council.sender, emailFromName: row.emailFromName };
}

/** Sets (or with null clears) the name the council's emails are sent under; audited. Returns whether it changed. */
export async function changeSenderName(admin: User, laId: string, emailFromName: string | null): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ emailFromName: localAuthorities.emailFromName }).from(localAuthorities).where(eq(localAuthorities.id, laId)).for('update');
    if (!current || current.emailFromName === emailFromName) return false;
    await tx.update(localAuthorities).set({ emailFromName }).where(eq(localAuthorities.id, laId));
    await recordAudit(
      { userId: admin.id, action: 'change:council_sender_name', subjectType: 'la', subjectId: laId, outcome: 'allowed', details: { from: current.emailFromName, to: emailFromName } },
      tx,
    );
    return true;
  });
}
