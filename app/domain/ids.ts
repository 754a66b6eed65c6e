/**
 * Whether a value is a record id as the database writes them (a UUID). Anything else taken from
 * an address or a form is refused before it reaches a query: PostgreSQL would answer an invalid
 * UUID with an error, and the person with a 500 instead of "not found" or a field error.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
