import { emptyPlan, type PlanContent } from '~/domain/plan-content';

/**
 * The demo's EHC plans: believable content for each demo child with a plan, as the caseworker
 * would write it in the portal. The draft leaves the setting to the family's preference; the
 * final plan names it and quantifies every piece of provision; an amendment (after an annual
 * review) changes what the review found.
 */
export type DemoChild = { first: string; school: string };

export function demoDraftPlan({ first, school }: DemoChild): PlanContent {
  const plan = emptyPlan();
  plan.A.text = `${first} enjoys music, drawing and being outdoors. ${first} wants to make friends at school and one day to work with animals.`;
  plan.B = { text: `${first} has difficulty with reading, writing and following spoken instructions, and finds busy, noisy places overwhelming.`, needs: { primary: 'SLCN', secondary: 'SEMH' } };
  plan.C.text = `${first} sees the community paediatrician once a year. No other health needs relate to ${first}'s learning.`;
  plan.D.text = 'No social care needs have been identified.';
  plan.E.outcomes = [
    { id: 'outcome-1', outcome: `${first} will follow a two-step instruction in class without adult help`, byWhen: 'End of the school year', steps: 'Visual timetable; instructions given one at a time, then two' },
    { id: 'outcome-2', outcome: `${first} will read and understand a short text at their level`, byWhen: 'Within 18 months', steps: 'Daily phonics; reading with an adult three times a week' },
  ];
  plan.F.provision = [
    { id: 'provision-1', what: 'Speech and language therapy, and a programme the class teaches', who: 'NHS speech and language therapist', howOften: '', forHowLong: '' },
    { id: 'provision-2', what: 'Small-group phonics', who: 'Trained teaching assistant', howOften: 'Daily, 20 minutes', forHowLong: 'One year, then reviewed' },
  ];
  plan.I = { text: `The family would like ${first} to stay at ${school}.`, setting: { name: '', urn: '', ukprn: '', withoutUrn: '', kind: '' } };
  plan.K.text = 'Educational psychology advice; speech and language therapy advice; the school’s SEN support plan; the family’s views.';
  return plan;
}

export function demoFinalPlan(child: DemoChild, urn: string): PlanContent {
  const plan = demoDraftPlan(child);
  plan.F.provision = plan.F.provision!.map((item) =>
    item.id === 'provision-1' ? { ...item, howOften: 'Weekly, 45 minutes, with a termly review of the class programme', forHowLong: 'Until the next annual review' } : item,
  );
  plan.I = { text: `${child.school} is named, as the family asked.`, setting: { name: child.school, urn, ukprn: '', withoutUrn: '', kind: 'mainstream' } };
  return plan;
}

/** After an annual review: the reading outcome met and replaced, more time with the therapist. */
export function demoAmendedPlan(child: DemoChild, urn: string): PlanContent {
  const plan = demoFinalPlan(child, urn);
  plan.E.outcomes = [
    plan.E.outcomes![0],
    { id: 'outcome-3', outcome: `${child.first} will write a short paragraph about something they have done`, byWhen: 'End of the next school year', steps: 'Writing frames; typing on a laptop' },
  ];
  plan.F.provision = plan.F.provision!.map((item) => (item.id === 'provision-1' ? { ...item, howOften: 'Weekly, 60 minutes, with a termly review of the class programme' } : item));
  return plan;
}
