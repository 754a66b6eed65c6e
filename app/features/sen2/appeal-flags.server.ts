import type { Sen2AppealFlags } from '~/domain/sen2/build';

/**
 * The SEN2 mediation and tribunal flags of each case of a council, by case id (a case with none
 * is left out and reads as no mediation, no tribunal).
 *
 * WIRING POINT (ADR 0053): mediation and tribunal appeals are recorded by the appeals feature
 * (app/features/appeals), built in parallel and not yet on this branch. Until it is merged, this
 * portal holds no record of either, so every flag is honestly "0": there is nothing to read. On
 * merge, this function reads its exported query for the council in one set-based call and maps
 * each case's records to the four flags (request stage: an appeal against a refusal to assess;
 * assessment stage: one against a refusal to issue, or the plan's content).
 */
export async function sen2AppealFlagsByCase(_laId: string): Promise<Map<string, Sen2AppealFlags>> {
  return new Map();
}
