import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

/**
 * The import graph of the project's own source, read with the TypeScript compiler API the way
 * the compiler itself resolves it (tsconfig `paths` such as `~/`, extensionless relative
 * imports, index files, `.server.ts`, JSON). Used by the architecture test
 * (tests/unit/architecture) to check the layering; kept free of any rule so other checks can
 * reuse it.
 *
 * Files are named by their path from the project root with forward slashes
 * (`app/routes/cases.$caseId.tsx`), so a graph reads the same on every machine.
 */

/** Where an import leads. */
export type ImportTarget =
  /** A file of the project (repo-relative path). */
  | { kind: 'file'; path: string }
  /** An npm package, named without any subpath (`drizzle-orm` for `drizzle-orm/pg-core`). */
  | { kind: 'package'; name: string }
  /** A Node.js built-in, named without the `node:` prefix (`fs/promises`). */
  | { kind: 'builtin'; name: string };

export interface ModuleImport {
  /** The module specifier as written (`~/db.server`, `./timescales`, `node:fs`). */
  specifier: string;
  target: ImportTarget;
  /**
   * Erased at compile time: `import type`, `export type ... from`, an import whose every named
   * binding is `type`, or a type-position `import('...')`. Such an import adds no runtime
   * dependency, though it still couples the two modules.
   */
  typeOnly: boolean;
  /** 1-based line of the import, for messages. */
  line: number;
}

/** Every source file, with the imports it makes (in source order). */
export type ImportGraph = Record<string, ModuleImport[]>;

const sourceExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const builtins = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

/** The label of a target in messages and violation keys: a path, a package, or `node:name`. */
export function targetLabel(target: ImportTarget): string {
  if (target.kind === 'file') return target.path;
  if (target.kind === 'builtin') return `node:${target.name}`;
  return target.name;
}

/** Reads the import graph of every source file under `dirs` (relative to `root`). */
export function readImportGraph(root: string, dirs: string[]): ImportGraph {
  const options = compilerOptionsOf(root);
  const host: ts.ModuleResolutionHost = ts.sys;
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  const aliasPrefixes = Object.keys(options.paths ?? {}).map((pattern) => pattern.replace(/\*$/, ''));
  const graph: ImportGraph = {};

  for (const file of dirs.flatMap((dir) => sourceFilesUnder(path.join(root, dir))).sort()) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindOf(file));
    graph[relative(root, file)] = importsOf(source).map(({ specifier, typeOnly, position }) => ({
      specifier,
      typeOnly,
      line: source.getLineAndCharacterOfPosition(position).line + 1,
      target: resolve(specifier, file),
    }));
  }
  return graph;

  function resolve(specifier: string, importer: string): ImportTarget {
    const bare = specifier.replace(/^node:/, '');
    if (specifier.startsWith('node:') || builtins.has(bare)) return { kind: 'builtin', name: bare };

    const resolved = ts.resolveModuleName(specifier, importer, options, host, cache).resolvedModule;
    if (resolved && !resolved.isExternalLibraryImport) {
      return { kind: 'file', path: relative(root, resolved.resolvedFileName) };
    }
    const isLocal = specifier.startsWith('.') || specifier.startsWith('/');
    if (isLocal) {
      // Assets the compiler does not resolve (stylesheets, images) still name a file.
      const onDisk = path.resolve(path.dirname(importer), specifier.replace(/\?.*$/, ''));
      if (existsSync(onDisk)) return { kind: 'file', path: relative(root, onDisk) };
    }
    if (isLocal || aliasPrefixes.some((prefix) => specifier.startsWith(prefix))) {
      // A missing edge would let a rule pass unseen, so an unreadable import stops the test.
      throw new Error(`Cannot resolve '${specifier}' imported by ${relative(root, importer)}`);
    }
    return { kind: 'package', name: packageName(specifier) };
  }
}

function compilerOptionsOf(root: string): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  // Only the compiler options matter here: a host that lists no files spares the `include` walk.
  const parseHost: ts.ParseConfigHost = { ...ts.sys, readDirectory: () => [] };
  return ts.parseJsonConfigFileContent(config, parseHost, root, undefined, configPath).options;
}

interface RawImport {
  specifier: string;
  typeOnly: boolean;
  position: number;
}

/** Static imports and re-exports, `import x = require()`, `import()`, `require()`, `import('x').T`. */
function importsOf(source: ts.SourceFile): RawImport[] {
  const found: RawImport[] = [];
  const add = (literal: ts.Expression | undefined, typeOnly: boolean) => {
    if (literal && ts.isStringLiteralLike(literal)) {
      found.push({ specifier: literal.text, typeOnly, position: literal.getStart(source) });
    }
  };

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyImport(node.importClause));
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, isTypeOnlyExport(node));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node)) {
      const argument = node.argument;
      if (ts.isLiteralTypeNode(argument)) add(argument.literal, true);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0) {
      const callee = node.expression;
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isDynamicImport || isRequire) add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnlyImport(clause: ts.ImportClause | undefined): boolean {
  if (!clause) return false; // `import './side-effect'`
  if (clause.isTypeOnly) return true;
  if (clause.name) return false; // a default import is a value
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  // `import { type A, type B } from 'x'` is erased whole; `import {} from 'x'` is not.
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((element) => element.isTypeOnly);
}

function sourceFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFilesUnder(full);
    return sourceExtensions.some((extension) => entry.name.endsWith(extension)) ? [full] : [];
  });
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function relative(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}
