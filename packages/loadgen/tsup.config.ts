import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// Two entries: the library, and the worker-thread script it spawns (`dist/worker.js`).
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/worker.ts'] }));
