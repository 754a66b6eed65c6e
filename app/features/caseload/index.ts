export * from '~/ui/list-query';
export * from './CaseloadView';
export * from './TeamsView';
export * from './CaseworkerSelect';
export * from './InboxView';
