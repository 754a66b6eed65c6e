/** Complaints (app/domain/complaints.ts): where a complaint is, how it arrived, and the council's findings; written out so every key is findable. */
export const complaintStatusKeys = {
  received: 'complaints.status.received',
  acknowledged: 'complaints.status.acknowledged',
  responded: 'complaints.status.responded',
  escalated: 'complaints.status.escalated',
  closed: 'complaints.status.closed',
} as const;
export const complaintStatusColours = { received: 'blue', acknowledged: 'light-blue', responded: 'green', escalated: 'orange', closed: 'grey' } as const;
export const complaintChannelKeys = { portal: 'complaints.channel.portal', phone: 'complaints.channel.phone', letter: 'complaints.channel.letter', email: 'complaints.channel.email' } as const;
export const complaintOutcomeKeys = { upheld: 'complaints.outcome.upheld', partly_upheld: 'complaints.outcome.partly_upheld', not_upheld: 'complaints.outcome.not_upheld' } as const;
export const complaintStageKeys = { 1: 'complaints.stage.1', 2: 'complaints.stage.2' } as const;
