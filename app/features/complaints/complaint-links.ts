/** The council's complaints list and its address: shared by its page and the pages that link to it (the scrutiny report), with nothing of the server. */

export const complaintShows = ['open', 'late', 'all', 'closed'] as const;
export type ComplaintShow = (typeof complaintShows)[number];

/** The council's list of complaints behind a figure: late ones at a stage, open ones, or all; optionally one team's. */
export function complaintListUrl(filter: { show?: ComplaintShow; stage?: 1 | 2; teamId?: string | null }): string {
  const params = new URLSearchParams();
  if (filter.show) params.set('show', filter.show);
  if (filter.stage) params.set('stage', String(filter.stage));
  if (filter.teamId) params.set('team', filter.teamId);
  const query = params.toString();
  return query ? `/complaints?${query}` : '/complaints';
}
