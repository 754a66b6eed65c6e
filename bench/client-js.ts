import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Client JavaScript per page, gzipped: the entry, the root and each route with everything they
 * import, as the browser loads them on a first visit. Budget: 120 KB on any page.
 */
export const CLIENT_JS_BUDGET_KB = 120;

type Manifest = {
  entry: { module: string; imports: string[] };
  routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
};

function readManifest(buildDir: string): Manifest {
  const file = readdirSync(buildDir).find((f) => /^manifest-.*\.js$/.test(f));
  if (!file) throw new Error(`No Remix manifest in ${buildDir}: run npm run build first.`);
  const source = readFileSync(join(buildDir, file), 'utf8');
  return JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as Manifest;
}

function gzippedBytes(publicDir: string, url: string, cache: Map<string, number>) {
  let size = cache.get(url);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(publicDir, url))).length;
    cache.set(url, size);
  }
  return size;
}

/** Every file a module pulls in, statically (`from"/build/..."`, `import"/build/..."`) or lazily (`import("/build/...")`). */
function importsOf(publicDir: string, url: string) {
  const source = readFileSync(join(publicDir, url), 'utf8');
  const matches = (pattern: RegExp) => [...source.matchAll(pattern)].map((m) => m[1]);
  return {
    eager: matches(/(?:from|import)\s*"(\/build\/[^"]+\.js)"/g),
    lazy: matches(/import\(\s*"(\/build\/[^"]+\.js)"\s*\)/g),
  };
}

/** The closure of eagerly imported files from some starting files. */
function eagerClosure(publicDir: string, start: Iterable<string>) {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const url = queue.pop()!;
    if (seen.has(url)) continue;
    seen.add(url);
    queue.push(...importsOf(publicDir, url).eager);
  }
  return seen;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/**
 * Per route: what the browser loads before the page is interactive (`kb`, the budgeted figure),
 * and what it loads afterwards for enhancements imported lazily (`lazyKb`, reported alongside).
 */
export function measureClientJs(publicDir = 'public') {
  const manifest = readManifest(join(publicDir, 'build'));
  const cache = new Map<string, number>();
  const size = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gzippedBytes(publicDir, f, cache), 0);
  const results = Object.values(manifest.routes)
    .filter((route) => route.id !== 'root')
    .map((route) => {
      const start = [manifest.entry.module, ...manifest.entry.imports];
      for (let r: Manifest['routes'][string] | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
        start.push(r.module, ...(r.imports ?? []));
      }
      const initial = eagerClosure(publicDir, start);
      const lazyEntries = [...initial].flatMap((f) => importsOf(publicDir, f).lazy);
      const later = [...eagerClosure(publicDir, lazyEntries)].filter((f) => !initial.has(f));
      return { route: route.id, kb: kb(size(initial)), lazyKb: kb(size(later)) };
    })
    .sort((a, b) => b.kb - a.kb);
  return { budgetKb: CLIENT_JS_BUDGET_KB, largest: results[0], routes: results };
}
