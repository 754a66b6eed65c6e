import type { Sen2AppealFlags } from '~/domain/sen2/build';
import { disputesByCase } from '../appeals/index.server';

/** Disputes about the decision not to assess count against the request; about the plan, against the assessment. */
const REQUEST_DECISIONS: readonly string[] = ['refuse_assessment'];
const ASSESSMENT_DECISIONS: readonly string[] = ['refuse_plan', 'plan_contents'];

/**
 * The SEN2 mediation and tribunal flags of each case of a council, by case id (a case with none
 * is left out and reads as no mediation, no tribunal), from the disputes the appeals feature
 * records (ADR 0053; app/features/appeals `disputesByCase`): a mediation certificate or a
 * registered appeal about
 * - the decision not to assess: RequestMediation / RequestTribunal;
 * - the decision not to issue a plan, or the plan's contents: AssessmentMediation / AssessmentTribunal.
 * Disputes about later decisions (ceasing, amending after a review) are not SEN2 items here.
 */
export async function sen2AppealFlagsByCase(laId: string): Promise<Map<string, Sen2AppealFlags>> {
  const disputes = await disputesByCase(laId);
  const about = (decisions: readonly string[], asked: readonly string[]) => decisions.some((d) => asked.includes(d));
  return new Map(
    disputes.map((d) => [
      d.caseId,
      {
        requestMediation: about(d.mediatedDecisions, REQUEST_DECISIONS),
        requestTribunal: about(d.appealedDecisions, REQUEST_DECISIONS),
        assessmentMediation: about(d.mediatedDecisions, ASSESSMENT_DECISIONS),
        assessmentTribunal: about(d.appealedDecisions, ASSESSMENT_DECISIONS),
      },
    ]),
  );
}
