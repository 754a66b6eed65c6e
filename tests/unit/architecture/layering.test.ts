import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readImportGraph, type ImportGraph, type ImportTarget, type ModuleImport } from '../../support/import-graph';
import { knownViolations } from './known-violations';
import {
  allViolations,
  featuresThroughEntry,
  noCycles,
  pureDomain,
  routesWithoutDatabase,
  uiWithoutServerCode,
  violationKey,
  type Violation,
} from './rules';

/**
 * The layering of README's "Architecture" section, enforced: each rule is first shown to fail
 * on a small graph that breaks it, then all rules run on the real import graph of app/, db/,
 * server/ and scripts/, against the list of violations still to fix (known-violations.ts).
 */

const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A graph from `{ file: [import, ...] }`: an import is a path with an extension (a project
 * file), `node:name` (a built-in) or a package name; `type:` in front makes it `import type`.
 */
function graph(files: Record<string, string[]>): ImportGraph {
  return Object.fromEntries(Object.entries(files).map(([file, imports]) => [file, imports.map(importOf)]));
}

function importOf(written: string): ModuleImport {
  const typeOnly = written.startsWith('type:');
  const specifier = written.replace(/^type:/, '');
  const target: ImportTarget = specifier.startsWith('node:')
    ? { kind: 'builtin', name: specifier.slice('node:'.length) }
    : /\.[a-z]+$/.test(specifier)
      ? { kind: 'file', path: specifier }
      : { kind: 'package', name: specifier };
  return { specifier, target, typeOnly, line: 1 };
}

const keys = (violations: Violation[]) => violations.map(violationKey);

describe('reading the import graph', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'import-graph-'));
    write(
      'tsconfig.json',
      JSON.stringify({
        compilerOptions: {
          module: 'ESNext',
          moduleResolution: 'Bundler',
          jsx: 'react-jsx',
          allowJs: true,
          resolveJsonModule: true,
          baseUrl: '.',
          paths: { '~/*': ['./app/*'] },
        },
      }),
    );
    write(
      'app/routes/page.tsx',
      [
        "import { load } from '~/services/cases.server';",
        "import type { CaseRow } from '../../db/schema';",
        "import { type Helper, type Other } from './helpers';",
        "import { Button } from '~/ui/Button';",
        "import { readFile } from 'node:fs/promises';",
        "import net from 'net';",
        "import { pgTable } from 'drizzle-orm/pg-core';",
        "import { thing } from '@scope/pkg/sub';",
        "import copy from './copy.json';",
        "import './page.css';",
        "export { helper } from './helpers.js';",
        "export type { Rule } from '~/domain/rules';",
        "export const later = () => import('~/ui/Lazy');",
        "export type Rules = typeof import('~/domain/rules');",
      ].join('\n'),
    );
    write('app/routes/helpers.ts', 'export type Helper = 1; export type Other = 2; export const helper = 1;');
    write('app/routes/copy.json', '{}');
    write('app/routes/page.css', '');
    write('app/services/cases.server.ts', 'export const load = 1;');
    write('app/ui/Button.tsx', 'export const Button = () => null;');
    write('app/ui/Lazy/index.tsx', 'export default 1;');
    write('app/domain/rules.ts', 'export type Rule = 1;');
    write('db/schema/index.ts', 'export type CaseRow = 1;');
    write('scripts/tool.mjs', "const util = require('./util.cjs');");
    write('scripts/util.cjs', 'module.exports = 1;');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('resolves tsconfig paths, extensionless and .js imports, index files, JSON and assets, and tells packages and built-ins apart', () => {
    const read = readImportGraph(root, ['app', 'db', 'scripts']);
    const summary = (file: string) =>
      read[file].map(({ specifier, target, typeOnly }) => `${specifier} => ${JSON.stringify(target)}${typeOnly ? ' (type)' : ''}`);

    expect(Object.keys(read)).toEqual([
      'app/domain/rules.ts',
      'app/routes/helpers.ts',
      'app/routes/page.tsx',
      'app/services/cases.server.ts',
      'app/ui/Button.tsx',
      'app/ui/Lazy/index.tsx',
      'db/schema/index.ts',
      'scripts/tool.mjs',
      'scripts/util.cjs',
    ]);
    expect(summary('app/routes/page.tsx')).toEqual([
      '~/services/cases.server => {"kind":"file","path":"app/services/cases.server.ts"}',
      '../../db/schema => {"kind":"file","path":"db/schema/index.ts"} (type)',
      './helpers => {"kind":"file","path":"app/routes/helpers.ts"} (type)',
      '~/ui/Button => {"kind":"file","path":"app/ui/Button.tsx"}',
      'node:fs/promises => {"kind":"builtin","name":"fs/promises"}',
      'net => {"kind":"builtin","name":"net"}',
      'drizzle-orm/pg-core => {"kind":"package","name":"drizzle-orm"}',
      '@scope/pkg/sub => {"kind":"package","name":"@scope/pkg"}',
      './copy.json => {"kind":"file","path":"app/routes/copy.json"}',
      './page.css => {"kind":"file","path":"app/routes/page.css"}',
      './helpers.js => {"kind":"file","path":"app/routes/helpers.ts"}',
      '~/domain/rules => {"kind":"file","path":"app/domain/rules.ts"} (type)',
      '~/ui/Lazy => {"kind":"file","path":"app/ui/Lazy/index.tsx"}',
      '~/domain/rules => {"kind":"file","path":"app/domain/rules.ts"} (type)',
    ]);
    expect(summary('scripts/tool.mjs')).toEqual(['./util.cjs => {"kind":"file","path":"scripts/util.cjs"}']);
    expect(read['app/routes/page.tsx'].map((item) => item.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  test('stops on a relative or ~/ import it cannot resolve, rather than missing an edge', () => {
    write('broken/relative.ts', "import { gone } from './gone';");
    expect(() => readImportGraph(root, ['broken'])).toThrow("Cannot resolve './gone' imported by broken/relative.ts");
    rmSync(path.join(root, 'broken'), { recursive: true });

    write('broken/alias.ts', "import { gone } from '~/gone';");
    expect(() => readImportGraph(root, ['broken'])).toThrow("Cannot resolve '~/gone' imported by broken/alias.ts");
    rmSync(path.join(root, 'broken'), { recursive: true });
  });
});

describe('rule 1: no import cycles among app modules', () => {
  test('reports each cycle once, as a path starting from its first file', () => {
    const violations = noCycles(
      graph({
        'app/services/consents.server.ts': ['app/services/messages.server.ts'],
        'app/services/messages.server.ts': ['app/services/notifications.server.ts'],
        'app/services/notifications.server.ts': ['app/services/consents.server.ts', 'drizzle-orm'],
        'app/a.ts': ['app/a.ts'],
      }),
    );
    expect(keys(violations)).toEqual([
      'no-cycles: app/a.ts -> app/a.ts',
      'no-cycles: app/services/consents.server.ts -> app/services/messages.server.ts -> app/services/notifications.server.ts -> app/services/consents.server.ts',
    ]);
  });

  test('shows every import on a cycle, each with the shortest cycle through it', () => {
    const violations = noCycles(
      graph({
        'app/a.ts': ['app/b.ts'],
        'app/b.ts': ['app/a.ts', 'app/c.ts'],
        'app/c.ts': ['app/a.ts'],
      }),
    );
    expect(keys(violations)).toEqual([
      'no-cycles: app/a.ts -> app/b.ts -> app/a.ts',
      'no-cycles: app/a.ts -> app/b.ts -> app/c.ts -> app/a.ts',
    ]);
  });

  test('counts type-only and lazy imports, and ignores files outside app/', () => {
    expect(keys(noCycles(graph({ 'app/a.ts': ['type:app/b.ts'], 'app/b.ts': ['app/a.ts'] })))).toEqual([
      'no-cycles: app/a.ts -> app/b.ts -> app/a.ts',
    ]);
    expect(noCycles(graph({ 'db/a.ts': ['db/b.ts'], 'db/b.ts': ['db/a.ts'] }))).toEqual([]);
  });

  test('passes a graph without cycles', () => {
    expect(noCycles(graph({ 'app/a.ts': ['app/b.ts', 'app/c.ts'], 'app/b.ts': ['app/c.ts'], 'app/c.ts': [] }))).toEqual([]);
  });
});

describe('rule 2: route modules never import the database', () => {
  test('refuses the database handle, db/ at runtime, the ORM and the drivers', () => {
    const violations = routesWithoutDatabase(
      graph({
        'app/routes/a.tsx': ['app/db.server.ts', 'db/schema/cases.ts', 'drizzle-orm', 'postgres', '@electric-sql/pglite'],
        'app/routes/b.tsx': ['type:db/client.ts', 'type:app/db.server.ts'],
      }),
    );
    expect(keys(violations)).toEqual([
      'routes-without-database: app/routes/a.tsx -> app/db.server.ts',
      'routes-without-database: app/routes/a.tsx -> db/schema/cases.ts',
      'routes-without-database: app/routes/a.tsx -> drizzle-orm',
      'routes-without-database: app/routes/a.tsx -> postgres',
      'routes-without-database: app/routes/a.tsx -> @electric-sql/pglite',
      'routes-without-database: app/routes/b.tsx -> db/client.ts',
      'routes-without-database: app/routes/b.tsx -> app/db.server.ts',
    ]);
    expect(violations[0].detail).toBe("app/routes/a.tsx:1 import 'app/db.server.ts': a route must not open the database; call a service");
  });

  test('allows `import type` of row types, services, and the database outside routes', () => {
    const violations = routesWithoutDatabase(
      graph({
        'app/routes/a.tsx': ['type:db/schema/cases.ts', 'app/services/cases.server.ts', '@remix-run/node'],
        'app/services/cases.server.ts': ['app/db.server.ts', 'db/schema/cases.ts', 'drizzle-orm'],
      }),
    );
    expect(violations).toEqual([]);
  });
});

describe('rule 3: domain code is pure', () => {
  test('refuses the rest of the app, db/ (even for types), built-ins with I/O and impure packages', () => {
    const violations = pureDomain(
      graph({
        'app/domain/a.ts': [
          'app/services/cases.server.ts',
          'app/i18n/format.ts',
          'type:db/schema/cases.ts',
          'node:fs',
          'node:fs/promises',
          'node:net',
          'node:http',
          'node:child_process',
          'drizzle-orm',
          'postgres',
          '@electric-sql/pglite',
          'nodemailer',
          'pg-boss',
          'react',
        ],
      }),
    );
    expect(violations.map((violation) => violation.path[1])).toEqual([
      'app/services/cases.server.ts',
      'app/i18n/format.ts',
      'db/schema/cases.ts',
      'node:fs',
      'node:fs/promises',
      'node:net',
      'node:http',
      'node:child_process',
      'drizzle-orm',
      'postgres',
      '@electric-sql/pglite',
      'nodemailer',
      'pg-boss',
      'react',
    ]);
  });

  test('allows other domain modules, pure built-ins and pure packages', () => {
    const violations = pureDomain(
      graph({
        'app/domain/a.ts': ['app/domain/timescales.ts', 'app/domain/data/bank-holidays.ts', 'node:crypto', '@oslojs/encoding', 'zod'],
        'app/services/b.server.ts': ['node:fs', 'drizzle-orm'],
      }),
    );
    expect(violations).toEqual([]);
  });
});

describe('rule 4: a feature is reached only through its entry', () => {
  test('refuses an import of a file inside a feature from outside it', () => {
    const violations = featuresThroughEntry(
      graph({
        'app/routes/cases.$caseId.messages.tsx': ['app/features/messaging/threads.server.ts', 'app/features/messaging/ui/Thread.tsx'],
        'app/features/advice/index.ts': ['app/features/messaging/internal/clock.ts'],
        'server/index.ts': ['type:app/features/messaging/types.ts'],
      }),
    );
    expect(keys(violations)).toEqual([
      'features-through-entry: app/routes/cases.$caseId.messages.tsx -> app/features/messaging/threads.server.ts',
      'features-through-entry: app/routes/cases.$caseId.messages.tsx -> app/features/messaging/ui/Thread.tsx',
      'features-through-entry: app/features/advice/index.ts -> app/features/messaging/internal/clock.ts',
      'features-through-entry: server/index.ts -> app/features/messaging/types.ts',
    ]);
  });

  test('allows the entry (the folder or its index) from outside, and anything from inside', () => {
    const violations = featuresThroughEntry(
      graph({
        'app/routes/a.tsx': ['app/features/messaging/index.ts', 'app/features/advice/index.tsx', 'app/features/plan/index.server.ts'],
        'app/features/messaging/index.ts': ['app/features/messaging/threads.server.ts', 'app/features/advice/index.ts'],
        'app/features/messaging/threads.server.ts': ['app/features/messaging/internal/clock.ts'],
      }),
    );
    expect(violations).toEqual([]);
  });
});

describe('rule 5: UI components never import server code', () => {
  test('refuses *.server modules and .server/ folders, even for types', () => {
    const violations = uiWithoutServerCode(
      graph({
        'app/ui/A.tsx': ['app/services/cases.server.ts', 'type:app/env.server.ts', 'app/utils.server/mail.ts'],
        'app/ui/govuk/B.tsx': ['app/auth/session.server.tsx'],
      }),
    );
    expect(keys(violations)).toEqual([
      'ui-without-server-code: app/ui/A.tsx -> app/services/cases.server.ts',
      'ui-without-server-code: app/ui/A.tsx -> app/env.server.ts',
      'ui-without-server-code: app/ui/A.tsx -> app/utils.server/mail.ts',
      'ui-without-server-code: app/ui/govuk/B.tsx -> app/auth/session.server.tsx',
    ]);
  });

  test('allows shared modules, and server code outside ui/', () => {
    const violations = uiWithoutServerCode(
      graph({
        'app/ui/A.tsx': ['app/forms/errors.ts', 'app/i18n/config.ts', 'react'],
        'app/routes/a.tsx': ['app/services/cases.server.ts'],
      }),
    );
    expect(violations).toEqual([]);
  });
});

describe('the real tree', () => {
  let violations: Violation[];
  let realGraph: ImportGraph;

  beforeAll(() => {
    realGraph = readImportGraph(projectRoot, ['app', 'db', 'server', 'scripts']);
    violations = allViolations(realGraph);
  });

  test('is read whole: routes, server and scripts, with ~/ imports resolved into app/', () => {
    const files = Object.keys(realGraph);
    expect(files).toContain('app/root.tsx');
    expect(files.some((file) => file.startsWith('app/routes/'))).toBe(true);
    expect(files).toContain('server/index.ts');
    const aliased = Object.values(realGraph).flat().filter((item) => item.specifier.startsWith('~/'));
    expect(aliased.length).toBeGreaterThan(0);
    expect(aliased.every((item) => item.target.kind === 'file' && item.target.path.startsWith('app/'))).toBe(true);
  });

  test('breaks no layering rule beyond the known violations', () => {
    const known = new Set(knownViolations);
    const fresh = violations.filter((violation) => !known.has(violationKey(violation))).map((violation) => violation.detail);
    expect(fresh, 'new layering violations (fix them; never add them to known-violations.ts)').toEqual([]);
  });

  test('still has every known violation (delete the line of each one fixed)', () => {
    const current = new Set(keys(violations));
    const fixed = knownViolations.filter((key) => !current.has(key));
    expect(fixed, 'fixed: remove these from tests/unit/architecture/known-violations.ts').toEqual([]);
  });
});
