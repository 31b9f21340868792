// `@aiperf/plot/testing`: fixture writers for tests and benchmarks (spec-format artifacts) and PNG checks.
// Not part of the main entry; nothing here is needed to plot.
export {
  CLASSIFICATION_EXPERIMENTS,
  FIXTURE_BASE_NS,
  random,
  statsBlock,
  writeClassificationLayout,
  writeSingleRun,
  writeSweep,
} from './fixtures.js';
export type { SingleRunFixture } from './fixtures.js';
export { shippedConfigEnabling } from './config.js';
export { pixelStats, pngSize } from './png.js';
