import { eq } from 'drizzle-orm';
import { mediations, tribunalAppeals } from '../../../db/schema';
import type { Sen2AppealFlags } from '~/domain/sen2/build';
import { getDb } from '~/db.server';

/** Disputes about the decision not to assess count against the request; about the plan, against the assessment. */
const REQUEST_DECISIONS: readonly string[] = ['refuse_assessment'];
const ASSESSMENT_DECISIONS: readonly string[] = ['refuse_plan', 'plan_contents'];

/**
 * The SEN2 mediation and tribunal flags of each case of a council, by case id (a case with none
 * is left out and reads as no mediation, no tribunal), from what the appeals feature records
 * (ADR 0053; app/features/appeals): a mediation certificate or a registered appeal about
 * - the decision not to assess: RequestMediation / RequestTribunal;
 * - the decision not to issue a plan, or the plan's contents: AssessmentMediation / AssessmentTribunal.
 * Disputes about later decisions (ceasing, amending after a review) are not SEN2 items here.
 * Two set-based queries (each case and decision disputed, once), this council's rows only. The
 * appeals feature's own `disputesByCase` says whether a case has any dispute, not about which
 * decision, so the tables are read here.
 */
export async function sen2AppealFlagsByCase(laId: string): Promise<Map<string, Sen2AppealFlags>> {
  const db = await getDb();
  const [mediated, appealed] = await Promise.all([
    db.selectDistinct({ caseId: mediations.caseId, decision: mediations.decision }).from(mediations).where(eq(mediations.laId, laId)),
    db.selectDistinct({ caseId: tribunalAppeals.caseId, decision: tribunalAppeals.decision }).from(tribunalAppeals).where(eq(tribunalAppeals.laId, laId)),
  ]);
  const flags = new Map<string, Sen2AppealFlags>();
  const of = (caseId: string) => {
    let found = flags.get(caseId);
    if (!found) {
      found = { requestMediation: false, requestTribunal: false, assessmentMediation: false, assessmentTribunal: false };
      flags.set(caseId, found);
    }
    return found;
  };
  for (const m of mediated) {
    if (REQUEST_DECISIONS.includes(m.decision)) of(m.caseId).requestMediation = true;
    if (ASSESSMENT_DECISIONS.includes(m.decision)) of(m.caseId).assessmentMediation = true;
  }
  for (const a of appealed) {
    if (REQUEST_DECISIONS.includes(a.decision)) of(a.caseId).requestTribunal = true;
    if (ASSESSMENT_DECISIONS.includes(a.decision)) of(a.caseId).assessmentTribunal = true;
  }
  return flags;
}
