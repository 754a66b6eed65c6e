import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Column sets shared by every table. */
export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
