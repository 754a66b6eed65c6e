import { asc, eq } from 'drizzle-orm';
import { localAuthorities, serviceStandardHistory, type User } from '../../../db/schema';
import type { Standards } from '~/domain/service-standards';
import { addDays, type IsoDate } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';

/**
 * The LA admin sets the council's reply promises. New standards apply to family messages
 * received from tomorrow; the old ones are kept, with the day they stop, for the messages
 * already waiting (app/domain/service-standards.ts `standardsOn`).
 */

export type StandardsPeriod = Standards & { from: IsoDate | null; until: IsoDate | null };

/** Every period, oldest first; the last is the standards now (and for new messages). */
export async function standardsPeriodsOf(laId: string): Promise<StandardsPeriod[]> {
  const db = await getDb();
  const [[current], earlier] = await Promise.all([
    db.select({ acknowledgeWithin: localAuthorities.acknowledgeWithin, replyWithin: localAuthorities.replyWithin }).from(localAuthorities).where(eq(localAuthorities.id, laId)),
    db
      .select({ until: serviceStandardHistory.until, acknowledgeWithin: serviceStandardHistory.acknowledgeWithin, replyWithin: serviceStandardHistory.replyWithin })
      .from(serviceStandardHistory)
      .where(eq(serviceStandardHistory.laId, laId))
      .orderBy(asc(serviceStandardHistory.until)),
  ]);
  const periods: StandardsPeriod[] = earlier.map((e, i) => ({ ...e, from: i === 0 ? null : earlier[i - 1].until }));
  periods.push({ ...current, from: earlier.at(-1)?.until ?? null, until: null });
  return periods;
}

/** Returns the day the new standards start, or null when nothing changed. */
export async function changeServiceStandards(admin: User, laId: string, next: Standards, today: IsoDate): Promise<IsoDate | null> {
  const db = await getDb();
  const startsOn = addDays(today, 1);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(localAuthorities).where(eq(localAuthorities.id, laId)).for('update');
    if (current.acknowledgeWithin === next.acknowledgeWithin && current.replyWithin === next.replyWithin) return null;
    // Changed again before the new standards start: the entry already written is the one that applied.
    await tx
      .insert(serviceStandardHistory)
      .values({ laId, acknowledgeWithin: current.acknowledgeWithin, replyWithin: current.replyWithin, until: startsOn, changedBy: admin.id })
      .onConflictDoNothing();
    await tx.update(localAuthorities).set(next).where(eq(localAuthorities.id, laId));
    await recordAudit(
      {
        userId: admin.id,
        action: 'change:service_standards',
        subjectType: 'la',
        subjectId: laId,
        outcome: 'allowed',
        details: { from: { acknowledgeWithin: current.acknowledgeWithin, replyWithin: current.replyWithin }, to: next, startsOn },
      },
      tx,
    );
    return startsOn;
  });
}
