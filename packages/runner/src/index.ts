export type { BenchmarkIo, RunBenchmarkOptions } from './run-benchmark.js';
export { runBenchmark } from './run-benchmark.js';
export { gpuTelemetrySidecars, serverMetricsSidecars } from './telemetry.js';
