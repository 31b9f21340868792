import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// Two builds into dist/: the library, and the worker-thread script it spawns (`dist/worker.js`).
// - Library: `@aiperf/plugin` (a few dependency-free lines) is bundled in; registries are instances, so a bundled
//   copy splits nothing.
// - Worker: one self-contained file holding only what an issuing thread runs. Every thread of every run loads it,
//   and loading the library's imports instead cost ~0.3 s of CPU per thread: undici's entry loads all of undici
//   (fetch, websockets, caches; ~0.1 s as ~100 files, ~0.05 s bundled), @aiperf/config its whole schema for one
//   parser. The workspace packages are bundled from their sources (the `@aiperf/source` condition), so only the
//   modules the issuer imports are in it; a worker thread also must start without resolving workspace packages,
//   whose source condition the test runner would hand on to it. `undici` is src/worker-undici.ts there (the
//   dispatcher modules only), loaded with a `require`. The tokenizers stay external: they are imported only when
//   used (a multi-MB vocabulary each).
export default defineConfig([
  packageBuild({ entry: ['src/index.ts'], noExternal: ['@aiperf/plugin'], clean: ['!worker.js', '!worker.js.map'] }),
  packageBuild({
    entry: ['src/worker.ts'],
    dts: false,
    clean: false,
    splitting: false,
    noExternal: [/^(?!gpt-tokenizer|@huggingface\/tokenizers)/],
    esbuildOptions(options) {
      options.conditions = ['@aiperf/source'];
      options.alias = { undici: './src/worker-undici.ts' };
    },
    banner: { js: "import { createRequire as createRequireOfWorker } from 'node:module';\nconst require = createRequireOfWorker(import.meta.url);" },
  }),
]);
