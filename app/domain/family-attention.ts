import type { ClockEntry, ClockStep } from './case-clock';
import { compareDates, type IsoDate } from './timescales';

/**
 * What a family member's home page says needs their attention for one child, now: the next
 * statutory date on the child's cases, what the council has sent or owes them, and any step that
 * waits for the family itself. Pure, so the rules are tested apart from the queries that feed them.
 */

/** The family's own steps, most pressing first: each has a date or blocks the council. */
export type FamilyStep =
  | { kind: 'commentOnDraft'; caseId: string; dueBy: IsoDate }
  | { kind: 'sendRequest'; requestId: string }
  | { kind: 'giveViews'; caseId: string };

export type MessageAttention =
  /** Messages from the council this person has not opened yet. */
  | { kind: 'unread'; caseId: string; count: number }
  /** The council has missed its own service standard for answering the family. */
  | { kind: 'replyOverdue'; caseId: string; dueBy: IsoDate };

export type ChildAttention = {
  nextDate: { caseId: string; step: ClockStep; dueBy: IsoDate } | null;
  familySteps: FamilyStep[];
  messages: MessageAttention[];
  /** Nothing for the family to do or read (a date may still be shown): the page says so, kindly. */
  allClear: boolean;
};

/** One case as far as the home page needs it; each flag already reflects what this person may see. */
export type CaseFacts = {
  caseId: string;
  clock: readonly ClockEntry[];
  /** Council messages newer than this person last opened the thread; null when they may not read the thread. */
  unreadFromCouncil: number | null;
  /** The reply the council owes the family by its service standard, when the family is waiting. */
  awaitingReply: { dueBy: IsoDate; overdue: boolean } | null;
  /** Views may still be written and this person may write theirs, and has not. */
  viewsWanted: boolean;
};

export type ChildFacts = {
  cases: readonly CaseFacts[];
  /** A request for assessment started on the portal and not sent yet. */
  draftRequestId: string | null;
};

/** Clock steps that are the family's to take (commenting on the draft plan); the rest are the council's dates. */
const FAMILY_CLOCK_STEPS: readonly ClockStep[] = ['draftComments'];

export function childAttention(child: ChildFacts): ChildAttention {
  const due = child.cases
    .flatMap((c) => c.clock.filter((entry) => entry.status === 'due').map((entry) => ({ caseId: c.caseId, step: entry.step, dueBy: entry.dueBy })))
    .sort((a, b) => compareDates(a.dueBy, b.dueBy));
  // The family's own window is shown as their step, so the date beside it is the council's next one.
  const soonest = due.find((entry) => !FAMILY_CLOCK_STEPS.includes(entry.step)) ?? null;

  const commentWindows: FamilyStep[] = due
    .filter((entry) => FAMILY_CLOCK_STEPS.includes(entry.step))
    .map((entry) => ({ kind: 'commentOnDraft', caseId: entry.caseId, dueBy: entry.dueBy }));
  const familySteps: FamilyStep[] = [
    ...commentWindows,
    ...(child.draftRequestId ? [{ kind: 'sendRequest' as const, requestId: child.draftRequestId }] : []),
    ...child.cases.filter((c) => c.viewsWanted).map((c) => ({ kind: 'giveViews' as const, caseId: c.caseId })),
  ];

  const messages: MessageAttention[] = child.cases.flatMap((c) => [
    ...(c.unreadFromCouncil ? [{ kind: 'unread' as const, caseId: c.caseId, count: c.unreadFromCouncil }] : []),
    ...(c.awaitingReply?.overdue ? [{ kind: 'replyOverdue' as const, caseId: c.caseId, dueBy: c.awaitingReply.dueBy }] : []),
  ]);

  return { nextDate: soonest, familySteps, messages, allClear: familySteps.length === 0 && messages.length === 0 };
}
