export * from './ChoosePasswordForm';
export * from './TwoFactor';
export * from './AccountStatusTag';
export * from './account-groups';
