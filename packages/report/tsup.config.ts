import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// Two builds: the Node library, and the report page's browser script with chart.js bundled in (one IIFE that
// the library inlines into report.html, so the page needs no network).
export default defineConfig([
  packageBuild(),
  {
    entry: { report: 'src/browser/report.ts' },
    outDir: 'dist-browser',
    format: ['iife'],
    platform: 'browser',
    target: 'es2020',
    minify: true,
    noExternal: [/.*/],
    dts: false,
    sourcemap: false,
    clean: true,
  },
]);
