export * from './query';
export * from './CaseloadView';
export * from './TeamsView';
export * from './CaseworkerSelect';
export * from './InboxView';
export * from './ListControls';
