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

export function measureClientJs(publicDir = 'public') {
  const manifest = readManifest(join(publicDir, 'build'));
  const cache = new Map<string, number>();
  const results = Object.values(manifest.routes)
    .filter((route) => route.id !== 'root')
    .map((route) => {
      const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
      for (let r: Manifest['routes'][string] | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
        files.add(r.module);
        for (const i of r.imports ?? []) files.add(i);
      }
      const bytes = [...files].reduce((sum, f) => sum + gzippedBytes(publicDir, f, cache), 0);
      return { route: route.id, kb: Math.round((bytes / 1024) * 10) / 10 };
    })
    .sort((a, b) => b.kb - a.kb);
  return { budgetKb: CLIENT_JS_BUDGET_KB, largest: results[0], routes: results };
}
