import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The dashboard's browser bundle (`dashboard.js`, `dashboard.css`), built from `src/dashboard/browser/` by the
// package build (tsup, platform browser) into `dist/browser/`. From the built package this module is inside
// `dist/`; from the sources (tests) it is `src/dashboard/`: both look in the package's `dist/browser/`.

const CANDIDATE_DIRS = [new URL('./browser/', import.meta.url), new URL('../../dist/browser/', import.meta.url)];

const cache = new Map<string, Buffer>();

/** Where the browser bundle lies, or null when the package has not been built. */
export function dashboardAssetDir(): string | null {
  for (const dir of CANDIDATE_DIRS) if (existsSync(new URL('dashboard.js', dir))) return fileURLToPath(dir);
  return null;
}

/** One bundle file's bytes (read once); an Error saying how to build it when it is missing. */
export function readDashboardAsset(name: 'dashboard.js' | 'dashboard.css'): Buffer {
  const cached = cache.get(name);
  if (cached) return cached;
  const dir = dashboardAssetDir();
  if (!dir) throw new Error('the dashboard bundle (dist/browser/dashboard.js) is missing; build @aiperf/plot first (pnpm build)');
  const bytes = readFileSync(`${dir}${name}`);
  cache.set(name, bytes);
  return bytes;
}
