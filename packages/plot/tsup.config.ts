import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// Two entries: the library, and `@aiperf/plot/testing` (fixture writers for tests and the bench). TypeBox is bundled
// in (as in @aiperf/config): its ESM build is ~250 files, ~0.1 s of CPU to resolve and load on every `aiperf` run
// that loads the plot stack; it stays a dependency for the declarations.
export default defineConfig(
  packageBuild({ entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' }, noExternal: ['@sinclair/typebox'] }),
);
