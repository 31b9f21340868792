// Orchestration costs that are ours (not the load itself): confidence statistics over trials, the sweep
// aggregate, and runBenchmark's own overhead per cell (planning, aggregate files, hooks) with a stand-in
// runProfile. Writes bench/results/recipes.json (run from the repo root after `pnpm build`).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aggregateSummaries, buildSweepAggregate, gridVariations } from '@aiperf/recipes';
import { runBenchmark } from '../dist/index.js';

const STATS = ['avg', 'min', 'max', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'std', 'count', 'sum'];
const TAGS = Array.from({ length: 24 }, (_, i) => `metric_${i}`);
/** A summary shaped like profile_export_aiperf.json: 24 record metrics × 15 stats. */
const summary = (seed) => Object.fromEntries(TAGS.map((tag, t) => [tag, { unit: 'ms', ...Object.fromEntries(STATS.map((s, k) => [s, 10 + t + k + (seed % 7) * 0.1])) }]));

function timeIt(iterations, fn) {
  for (let i = 0; i < Math.min(20, iterations); i++) fn(i);
  const started = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn(i);
  return Number(process.hrtime.bigint() - started) / iterations;
}

const tenTrials = Array.from({ length: 10 }, (_, i) => summary(i));
const confidenceTenTrialsUs = timeIt(500, () => aggregateSummaries(tenTrials, 0.95)) / 1000;

const variations = gridVariations({ concurrency: Array.from({ length: 64 }, (_, i) => i + 1) });
const sweep = { variations, mode: 'repeated', cooldownSeconds: 0, sameSeed: false, recipeName: null, stimulus: 's', postProcess: null };
const cells = variations.map((variation) => ({ variation, summaries: tenTrials }));
const sweepAggregate64x10Ms = timeIt(20, () => buildSweepAggregate({ sweep, trials: 10, confidenceLevel: 0.95, cells, numProfileRuns: 640, failedRuns: [] })) / 1e6;

// runBenchmark over a 32-value × 3-trial sweep with a runProfile that only writes its summary file.
const dir = mkdtempSync(join(tmpdir(), 'recipes-bench-'));
const config = {
  benchmark: {
    endpoint: { models: ['m'], modelSelectionStrategy: 'round_robin', url: 'http://127.0.0.1:1', type: 'chat', customPath: null, streaming: true, apiKey: null, headers: {}, extraInputs: {}, timeoutSeconds: 10, useLegacyMaxTokens: false, useServerTokenCount: false },
    load: { mode: 'concurrency', concurrency: 1, requestRate: null, arrivalPattern: 'constant', requestCount: 4, benchmarkDurationSeconds: null, gracePeriodSeconds: 0, warmupRequestCount: 0, requestCancellationRate: null, requestCancellationDelaySeconds: 0, workers: 1 },
    input: { inputTokens: { mean: 16, stddev: 0 }, outputTokens: null, numDatasetEntries: 4, inputFile: null, customDatasetType: null, tokenizer: 'builtin', randomSeed: null },
    output: { artifactDir: dir, artifactDirExplicit: true, exportPrefix: null, exportLevel: 'records', sliceDurationSeconds: null },
    telemetry: { gpuTelemetry: false, gpuTelemetryUrls: [], gpuTelemetryIntervalMs: 333 },
    goodput: {}, ui: 'none', artifacts: { autoPlot: false, plotRequired: false },
  },
  sweep: { concurrency: Array.from({ length: 32 }, (_, i) => i + 1), mode: 'repeated', cooldownSeconds: 0, sameSeed: false },
  multiRun: { numProfileRuns: 3, cooldownSeconds: 0, confidenceLevel: 0.95, disableWarmupAfterFirst: true, setConsistentSeed: true },
  recipe: null, plot: null, source: { yamlPath: null, cliCommand: 'bench' },
};
let n = 0;
const runProfile = async (benchmark, _io, options) => {
  const s = summary(n++);
  mkdirSync(options.artifactDir, { recursive: true });
  writeFileSync(join(options.artifactDir, 'profile_export_aiperf.json'), JSON.stringify(s));
  return { artifactDir: options.artifactDir, exitCode: 0, cancelled: false, successfulRequestCount: 4, errorRequestCount: 0, summary: s };
};
const sink = { write: () => true };
const started = performance.now();
const code = await runBenchmark(config, { stdout: sink, stderr: sink }, { runProfile, sidecars: () => [] });
const orchestrationMs = performance.now() - started;
rmSync(dir, { recursive: true, force: true });
if (code !== 0) throw new Error(`runBenchmark exited ${code}`);

const result = {
  confidenceTenTrials24Metrics_us: Number(confidenceTenTrialsUs.toFixed(1)),
  sweepAggregate64Cells10Trials_ms: Number(sweepAggregate64x10Ms.toFixed(2)),
  runBenchmark96CellsOverhead_ms: Number(orchestrationMs.toFixed(1)),
  runBenchmarkOverheadPerCell_ms: Number((orchestrationMs / 96).toFixed(2)),
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/recipes.json', `${JSON.stringify(result, null, 2)}\n`);
console.log(`confidence stats, 10 trials × 24 metrics × 15 stats: ${result.confidenceTenTrials24Metrics_us} µs`);
console.log(`sweep aggregate, 64 cells × 10 trials: ${result.sweepAggregate64Cells10Trials_ms} ms`);
console.log(`runBenchmark overhead, 32 values × 3 trials (96 cells + 32 aggregates): ${result.runBenchmark96CellsOverhead_ms} ms (${result.runBenchmarkOverheadPerCell_ms} ms/cell)`);
