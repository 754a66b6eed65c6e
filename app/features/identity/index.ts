export * from './ChoosePasswordForm';
export * from './TwoFactor';
export * from './AccountStatusTag';
