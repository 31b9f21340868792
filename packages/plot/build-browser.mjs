// Builds the dashboard's browser bundle: src/dashboard/browser/main.ts → dist/browser/dashboard.js (+ .css),
// chart.js and fflate inside, for the browser (IIFE, ES2020). Run by `pnpm build` after tsup, and by the
// dashboard tests (the same function) so they always serve the current sources.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('.', import.meta.url));

/** @param {{ outDir?: string, minify?: boolean }} [options] */
export async function buildBrowserBundle(options = {}) {
  const outDir = options.outDir ?? `${packageDir}dist/browser`;
  await build({
    absWorkingDir: packageDir,
    entryPoints: { dashboard: 'src/dashboard/browser/main.ts' },
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: options.minify ?? true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  return outDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildBrowserBundle();
