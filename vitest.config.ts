import { defineConfig } from 'vitest/config';

// One vitest config for the whole monorepo. The `@aiperf/source` condition makes
// cross-package imports resolve to `src/`, so unit tests need no build first.
export default defineConfig({
  resolve: { conditions: ['@aiperf/source'] },
  ssr: { resolve: { conditions: ['@aiperf/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The machine has 2 cores; timing tests stay honest when files do not fight for them.
    fileParallelism: false,
    // clipanion's ESM build imports a directory (`./platform`), which Node's ESM loader rejects; let vite resolve it.
    server: { deps: { inline: ['clipanion'] } },
  },
});
