export * from './messages.server';
export * from './held-messages.server';
export * from './inbox.server';
export * from './notifications.server';
export * from './message-form.server';
export * from './reply-waits.server';
