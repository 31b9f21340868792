export type { BenchmarkIo, RunBenchmarkOptions } from './run-benchmark.js';
export { runBenchmark } from './run-benchmark.js';
export { gpuTelemetrySidecars } from './telemetry.js';
