import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { localAuthorities, scrutinyThresholds, type User } from '../../../db/schema';
import { scrutinyFigures, type FigureDefinition, type FigureId } from '~/domain/scrutiny/figures';
import { thresholdsProblem, type Thresholds } from '~/domain/scrutiny/rag';
import { validateForm, type FormResult, type FormValues } from '~/forms/form.server';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { thresholdsOf } from './facts.server';
import { thresholdField } from './links';

/**
 * The council's red / amber / green thresholds (ADR 0054): one form with a green and an amber box
 * for every figure, named `<figure>Green` and `<figure>Amber`. A percentage is 0 to 100 with at
 * most one decimal place; a count is a whole number up to 9,999. Amber may not be on the wrong
 * side of green for the figure's direction (the error is on the amber box). Saving writes only
 * what changed, in one transaction with its audit row; saving the same form twice changes nothing
 * the second time.
 */

const PERCENT = /^\d{1,3}(\.\d)?$/;
const COUNT = /^\d{1,4}$/;

function bandSchema(definition: FigureDefinition, band: 'green' | 'amber') {
  const percent = definition.unit === 'percent';
  const required = band === 'green' ? 'errors.scrutiny.greenRequired' : 'errors.scrutiny.amberRequired';
  const range = percent ? 'errors.scrutiny.percentRange' : 'errors.scrutiny.countRange';
  return z
    .string({ error: required })
    .trim()
    .min(1, required)
    .regex(percent ? PERCENT : COUNT, range)
    .transform(Number)
    .refine((n) => (percent ? n <= 100 : n <= 9999), range);
}

const problemKeys = { amberAboveGreen: 'errors.scrutiny.amberAboveGreen', amberBelowGreen: 'errors.scrutiny.amberBelowGreen' } as const;

const thresholdsSchema = z
  .object(Object.fromEntries(scrutinyFigures.flatMap((f) => [[thresholdField(f.id, 'green'), bandSchema(f, 'green')], [thresholdField(f.id, 'amber'), bandSchema(f, 'amber')]])) as Record<string, z.ZodType<number, string>>)
  .superRefine((values, ctx) => {
    for (const f of scrutinyFigures as readonly FigureDefinition[]) {
      const green: unknown = values[thresholdField(f.id, 'green')];
      const amber: unknown = values[thresholdField(f.id, 'amber')];
      // A box already refused has its own error; the two are compared only once both are numbers.
      if (typeof green !== 'number' || typeof amber !== 'number') continue;
      const problem = thresholdsProblem(f.direction, { green, amber });
      if (problem) ctx.addIssue({ code: 'custom', path: [thresholdField(f.id, 'amber')], message: problemKeys[problem] });
    }
  });

export function parseThresholds(values: FormValues): FormResult<Record<FigureId, Thresholds>> {
  const form = validateForm(thresholdsSchema, values);
  if (!form.ok) return form;
  const data = Object.fromEntries(scrutinyFigures.map((f) => [f.id, { green: form.data[thresholdField(f.id, 'green')], amber: form.data[thresholdField(f.id, 'amber')] }])) as Record<FigureId, Thresholds>;
  return { ok: true, data, values };
}

/** Each figure's thresholds as the council has them (its own, else the default), and whether it set them. */
export async function councilThresholds(laId: string): Promise<{ id: FigureId; unit: FigureDefinition['unit']; direction: FigureDefinition['direction']; thresholds: Thresholds; own: boolean; defaults: Thresholds }[]> {
  const own = await thresholdsOf(laId);
  return scrutinyFigures.map((f) => ({ id: f.id, unit: f.unit, direction: f.direction, thresholds: own[f.id] ?? f.defaults, own: f.id in own, defaults: f.defaults }));
}

/** Saves what changed; returns how many figures changed. */
export async function changeThresholds(actor: Pick<User, 'id'>, laId: string, next: Record<FigureId, Thresholds>, address?: string): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One change at a time per council, so two managers saving at once each see the other's.
    await tx.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(localAuthorities.id, laId)).for('update');
    const rows = await tx.select().from(scrutinyThresholds).where(eq(scrutinyThresholds.laId, laId));
    const current = new Map(rows.map((r) => [r.figure, { green: Number(r.green), amber: Number(r.amber) }]));
    const changes: Record<string, { from: Thresholds; to: Thresholds }> = {};
    for (const f of scrutinyFigures) {
      const was = current.get(f.id) ?? f.defaults;
      const now = next[f.id];
      if (was.green === now.green && was.amber === now.amber) continue;
      changes[f.id] = { from: was, to: now };
      await tx
        .insert(scrutinyThresholds)
        .values({ laId, figure: f.id, green: now.green, amber: now.amber, updatedBy: actor.id, updatedAt: new Date() })
        .onConflictDoUpdate({ target: [scrutinyThresholds.laId, scrutinyThresholds.figure], set: { green: now.green, amber: now.amber, updatedBy: actor.id, updatedAt: new Date() } });
    }
    const changed = Object.keys(changes).length;
    if (changed > 0) await recordAudit({ userId: actor.id, action: 'change:scrutiny_thresholds', subjectType: 'la', subjectId: laId, outcome: 'allowed', address, details: changes }, tx);
    return changed;
  });
}
