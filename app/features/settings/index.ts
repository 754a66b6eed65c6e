export * from './labels';
export * from './SettingForm';
