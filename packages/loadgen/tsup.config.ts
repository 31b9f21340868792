import { defineConfig } from 'tsup';
import { packageBuild } from '../../tooling/tsup.base';

// Two entries: the library, and the worker-thread script it spawns (`dist/worker.js`). `@aiperf/plugin` (a few
// dependency-free lines) is bundled in: a worker thread must start without resolving workspace packages, whose
// source condition the test runner would hand on to it. Registries are instances, so a bundled copy splits nothing.
export default defineConfig(packageBuild({ entry: ['src/index.ts', 'src/worker.ts'], noExternal: ['@aiperf/plugin'] }));
