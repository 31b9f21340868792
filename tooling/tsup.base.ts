import type { Options } from 'tsup';

/** The one tsup setup every package builds with: ESM, declarations, Node 20. */
export function packageBuild(overrides: Options = {}): Options {
  return {
    entry: ['src/index.ts'],
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    // Declarations are built against the dependencies' built `dist/` types, not their sources.
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: true,
    ...overrides,
  };
}
