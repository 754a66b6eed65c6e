import { targetLabel, type ImportGraph, type ModuleImport } from '../../support/import-graph';

/**
 * The layering rules of README's "Architecture" section, each a pure function from an import
 * graph (tests/support/import-graph.ts) to the imports that break it. layering.test.ts proves
 * each rule on small graphs, then runs them all on the real tree.
 */

export type RuleName =
  | 'no-cycles'
  | 'routes-without-database'
  | 'pure-domain'
  | 'features-through-entry'
  | 'ui-without-server-code'
  | 'routes-ask-the-policy';

export interface Violation {
  rule: RuleName;
  /** `[file, import]` for an import rule; `[a, b, ..., a]` for a cycle. */
  path: string[];
  /** Where and why, for the failure message. */
  detail: string;
}

/** How a violation is named in known-violations.ts: `rule: a -> b`. */
export function violationKey(violation: Violation): string {
  return `${violation.rule}: ${violation.path.join(' -> ')}`;
}

/** The app's database handle and the ORM and drivers under it (db/ itself is judged by path). */
const databaseModules = ['app/db.server.ts'];
const databasePackages = ['drizzle-orm', 'postgres', '@electric-sql/pglite'];

/**
 * What domain code may use besides other domain modules: built-ins and packages that compute
 * and never touch a file, socket, process or the environment. An allowlist, so an
 * unknown package is refused until someone decides it is pure and adds it here.
 */
export const pureBuiltins = ['assert', 'buffer', 'crypto', 'events', 'path', 'querystring', 'string_decoder', 'url', 'util'];
export const purePackages = ['@oslojs/crypto', '@oslojs/encoding', 'zod'];

/** 1. No import cycles among the modules under `scope` (type-only imports count: they still tie the modules). */
export function noCycles(graph: ImportGraph, scope = 'app/'): Violation[] {
  const inScope = (file: string) => file.startsWith(scope) && file in graph;
  const next = new Map<string, string[]>();
  for (const [file, imports] of Object.entries(graph)) {
    if (!inScope(file)) continue;
    const targets = imports.flatMap((item) => (item.target.kind === 'file' && inScope(item.target.path) ? [item.target.path] : []));
    next.set(file, [...new Set(targets)].sort());
  }

  // Every import that lies on a cycle is shown with the shortest cycle through it, so each
  // import to cut appears at least once and the list stays as short as the tangle allows.
  const cycles = new Map<string, string[]>();
  for (const [from, targets] of [...next].sort(([a], [b]) => a.localeCompare(b))) {
    for (const to of targets) {
      const back = shortestPath(next, to, from);
      if (!back) continue;
      const cycle = rotateToSmallest([from, ...back.slice(0, -1)]);
      cycles.set(cycle.join(' -> '), [...cycle, cycle[0]]);
    }
  }
  return [...cycles.values()].map((path) => ({
    rule: 'no-cycles',
    path,
    detail: `import cycle ${path.join(' -> ')}`,
  }));
}

/**
 * 2. Route modules never reach the database: not its handle (app/db.server.ts), not db/ (apart
 * from `import type` of row types in db/schema), not the ORM or a driver.
 */
export function routesWithoutDatabase(graph: ImportGraph): Violation[] {
  return importViolations(graph, 'routes-without-database', (file) => file.startsWith('app/routes/'), (item) => {
    const { target } = item;
    if (target.kind === 'package') return databasePackages.includes(target.name) ? 'a route must not use the database driver or ORM; call a service' : null;
    if (target.kind !== 'file') return null;
    if (databaseModules.includes(target.path)) return 'a route must not open the database; call a service';
    if (!target.path.startsWith('db/')) return null;
    if (item.typeOnly && target.path.startsWith('db/schema/')) return null;
    return 'a route may only `import type` row types from db/schema; call a service for anything else';
  });
}

/**
 * 3. Domain modules are pure: they import other domain modules, pure built-ins and pure
 * packages only (nothing else of the app, nothing of db/, nothing with I/O or React).
 */
export function pureDomain(graph: ImportGraph): Violation[] {
  return importViolations(graph, 'pure-domain', (file) => file.startsWith('app/domain/'), ({ target }) => {
    if (target.kind === 'file') {
      return target.path.startsWith('app/domain/') ? null : 'domain code imports only other domain modules (move the vocabulary into app/domain)';
    }
    if (target.kind === 'builtin') {
      return pureBuiltins.includes(target.name) ? null : `node:${target.name} is not a pure built-in (tests/unit/architecture/rules.ts pureBuiltins)`;
    }
    return purePackages.includes(target.name) ? null : `${target.name} is not on the list of pure packages (tests/unit/architecture/rules.ts purePackages)`;
  });
}

/**
 * 4. A feature (app/features/<name>/) is reached from outside only through its entry: the folder
 * itself or its index file. `index.server.ts` is an entry too, for what only the server may load
 * (Remix keeps `.server` modules out of the browser bundle).
 */
export const featureEntries = ['index.ts', 'index.tsx', 'index.server.ts'];

export function featuresThroughEntry(graph: ImportGraph): Violation[] {
  const featureOf = (file: string) => /^app\/features\/([^/]+)\//.exec(file)?.[1];
  return importViolations(graph, 'features-through-entry', () => true, ({ target }, importer) => {
    if (target.kind !== 'file') return null;
    const feature = featureOf(target.path);
    if (!feature || featureOf(importer) === feature) return null;
    const entry = featureEntries.some((name) => target.path === `app/features/${feature}/${name}`);
    return entry ? null : `import the feature through app/features/${feature}/index.ts, not a file inside it`;
  });
}

/** 5. UI components never import server code (`*.server.ts` or a `.server/` folder). */
export function uiWithoutServerCode(graph: ImportGraph): Violation[] {
  return importViolations(graph, 'ui-without-server-code', (file) => file.startsWith('app/ui/'), ({ target }) =>
    target.kind === 'file' && isServerModule(target.path) ? 'UI components must not import server code' : null,
  );
}

export const rules = [noCycles, routesWithoutDatabase, pureDomain, featuresThroughEntry, uiWithoutServerCode];

export function allViolations(graph: ImportGraph): Violation[] {
  return rules.flatMap((rule) => rule(graph));
}

function isServerModule(file: string): boolean {
  return /\.server\.[cm]?[jt]sx?$/.test(file) || file.split('/').slice(0, -1).some((folder) => folder.endsWith('.server'));
}

/** One violation per file and import target that `reason` refuses (the first such import's line). */
function importViolations(
  graph: ImportGraph,
  rule: RuleName,
  applies: (file: string) => boolean,
  reason: (item: ModuleImport, importer: string) => string | null,
): Violation[] {
  const found = new Map<string, Violation>();
  for (const [file, imports] of Object.entries(graph)) {
    if (!applies(file)) continue;
    for (const item of imports) {
      const why = reason(item, file);
      const label = targetLabel(item.target);
      const key = `${file} -> ${label}`;
      if (why && !found.has(key)) {
        const kind = item.typeOnly ? 'import type' : 'import';
        found.set(key, { rule, path: [file, label], detail: `${file}:${item.line} ${kind} '${item.specifier}': ${why}` });
      }
    }
  }
  return [...found.values()];
}

/** The shortest path of files from `start` to `goal` (both included), visiting neighbours in name order. */
function shortestPath(next: Map<string, string[]>, start: string, goal: string): string[] | null {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head];
    if (current === goal) {
      const path: string[] = [];
      for (let at: string | null = current; at !== null; at = cameFrom.get(at) ?? null) path.unshift(at);
      return path;
    }
    for (const neighbour of next.get(current) ?? []) {
      if (!cameFrom.has(neighbour)) {
        cameFrom.set(neighbour, current);
        queue.push(neighbour);
      }
    }
  }
  return null;
}

/** The same cycle always reads the same way: starting from its alphabetically first file. */
function rotateToSmallest(cycle: string[]): string[] {
  const start = cycle.indexOf([...cycle].sort()[0]);
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/**
 * 6. Routes ask the policy (app/auth/policy.ts) for a permission; they never decide access by
 * role themselves: no comparison, switch or `includes` on a `.role`, and none of the role lists
 * or role tests (STAFF_ROLES, FAMILY_ROLES, isStaff, requireRole). A source-text rule, so it
 * takes `{ file: source }` rather than the import graph; comments are not read.
 */
export function routesAskThePolicy(sources: Record<string, string>): Violation[] {
  const tests: { pattern: RegExp; why: string }[] = [
    { pattern: /\.role\s*[!=]==?|[!=]==?\s*[\w$.?]*\.role\b/, why: 'compares a role' },
    { pattern: /switch\s*\(\s*[\w$.?]*\.role\s*\)/, why: 'switches on a role' },
    { pattern: /\.includes\(\s*[\w$.?]*\.role\s*\)/, why: 'looks a role up in a list' },
    { pattern: /\b(?:STAFF_ROLES|FAMILY_ROLES|isStaff|requireRole)\b/, why: 'uses a role list or role test' },
  ];
  const violations: Violation[] = [];
  for (const [file, source] of Object.entries(sources)) {
    if (!file.startsWith('app/routes/')) continue;
    withoutComments(source)
      .split('\n')
      .forEach((text, index) => {
        for (const { pattern, why } of tests) {
          if (!pattern.test(text)) continue;
          violations.push({
            rule: 'routes-ask-the-policy',
            path: [file, `line ${index + 1}`],
            detail: `${file}:${index + 1} ${why} (ask the policy for a permission: app/auth/policy.ts): ${text.trim()}`,
          });
        }
      });
  }
  return violations;
}

/** The source with its comments blanked (line numbers kept); strings are left as they are. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}
