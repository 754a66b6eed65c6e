import type { Sen2AppealFlags } from '~/domain/sen2/build';

/**
 * The SEN2 mediation and tribunal flags of each case of a council, by case id (a case with none
 * is left out and reads as no mediation, no tribunal).
 *
 * WIRING POINT (ADR 0053): mediation and tribunal appeals are recorded by the appeals feature
 * (app/features/appeals), built in parallel and not yet on this branch. Until it is merged, this
 * portal holds no record of either, so every flag is honestly "0": there is nothing to read. On
 * merge, this reads the council's `mediations` and `tribunal_appeals` in one set-based call each
 * (grouped by case and the decision disputed, `la_id` = the council) and maps them:
 * - requestMediation / requestTribunal: a mediation / an appeal about `refuse_assessment`;
 * - assessmentMediation / assessmentTribunal: one about `refuse_plan` or `plan_contents`.
 * (The appeals feature's `disputesByCase(laId)` says whether a case has any, not about which
 * decision, so it is not enough on its own.)
 */
export async function sen2AppealFlagsByCase(_laId: string): Promise<Map<string, Sen2AppealFlags>> {
  return new Map();
}
