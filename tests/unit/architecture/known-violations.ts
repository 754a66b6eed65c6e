/**
 * Layering violations the tree had when the architecture test was written (issue 12, item 8),
 * named as `rule: file -> import` (a cycle: `rule: a -> b -> a`).
 *
 * layering.test.ts fails on any violation missing from this list and on any listed one that no
 * longer occurs, so the list can only shrink: when you fix one, delete its line. Never add one.
 */
export const knownViolations: string[] = [
  // no-cycles (2)
  'no-cycles: app/services/messages.server.ts -> app/services/notifications.server.ts -> app/services/messages.server.ts',
  'no-cycles: app/ui/ChoosePasswordForm.tsx -> app/ui/EnhancedPasswordForm.tsx -> app/ui/ChoosePasswordForm.tsx',

  // routes-without-database (1)
  'routes-without-database: app/routes/readyz.tsx -> app/db.server.ts',

  // pure-domain (4): stages and roles are defined in the schema, not the domain
  'pure-domain: app/domain/advice.ts -> db/schema/cases.ts',
  'pure-domain: app/domain/case-clock.ts -> db/schema/cases.ts',
  'pure-domain: app/domain/case-workflow.ts -> db/schema/cases.ts',
  'pure-domain: app/domain/case-workflow.ts -> db/schema/people.ts',
];
