import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// Two entries: the library, and `@aiperf/recipes/testing` (a complete resolved config for other packages' tests).
export default defineConfig(packageBuild({ entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } }));
