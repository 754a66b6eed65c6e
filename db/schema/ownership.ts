import { uuid } from 'drizzle-orm/pg-core';
import { cases } from './cases';
import { localAuthorities } from './tenancy';

/**
 * The columns that say whose a row is: the council that owns it (every council's data carries its
 * id and passes the policy) and the case it belongs to. Kept apart from ./columns so the tables
 * these point to can use those without an import cycle.
 */
export const laIdColumn = () =>
  uuid('la_id')
    .notNull()
    .references(() => localAuthorities.id);

export const caseIdColumn = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id);
