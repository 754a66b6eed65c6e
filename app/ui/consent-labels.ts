/** Translation keys for advisers' consent: its scope, status and history. */

export const consentScopeKeys: Record<string, string> = {
  view: 'advocates.scope.view',
  act: 'advocates.scope.act',
};

export const consentStatusKeys: Record<string, string> = {
  live: 'advocates.status.live',
  expired: 'advocates.status.expired',
  revoked: 'advocates.status.revoked',
  awaiting_young_person: 'advocates.status.awaitingYoungPerson',
};

export const consentEventKeys: Record<string, string> = {
  granted: 'advocates.event.granted',
  changed: 'advocates.event.changed',
  revoked: 'advocates.event.revoked',
  confirmed: 'advocates.event.confirmed',
};
