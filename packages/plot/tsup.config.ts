import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// Two entries: the library, and `@aiperf/plot/testing` (fixture writers for tests and the bench).
export default defineConfig(packageBuild({ entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } }));
