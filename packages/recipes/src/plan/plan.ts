import { join } from 'node:path';
import type { AiperfConfig, BenchmarkConfig } from '@aiperf/config';
import type { PostProcessSpec } from '../post-process/types.js';
import { multiRunBaseDir } from './artifact-dir.js';
import { getSweepParameter } from './parameters.js';
import type { SweepVariation } from './variations.js';

export type SweepMode = 'repeated' | 'independent';

/** The sweep to run, from `config.sweep` or a recipe's expansion. */
export interface SweepSpec {
  variations: SweepVariation[];
  mode: SweepMode;
  cooldownSeconds: number;
  sameSeed: boolean;
  /** Stamped into the sweep aggregate; also names the auto artifact directory. */
  recipeName: string | null;
  /** Text for the auto-named directory, e.g. `concurrency_sweep_1_4_16`. */
  stimulus: string;
  /** The recipe's answer, derived from the sweep aggregate. */
  postProcess: PostProcessSpec | null;
}

export interface PlannedRun {
  /** `run_0001` (multi-run), `concurrency_8` (sweep, 1 trial), `trial_0002/concurrency_8` (sweep × trials). */
  label: string;
  trialLabel: string | null;
  trial: number;
  variation: SweepVariation | null;
  artifactDir: string;
  benchmark: BenchmarkConfig;
  /** Warmup runs only in trial 1 (per variation) when `multiRun.disableWarmupAfterFirst`; passed to runProfile as `skipWarmup`. */
  skipWarmup: boolean;
}

export interface MultiPlan {
  baseDir: string;
  trials: number;
  sweep: SweepSpec | null;
  runs: PlannedRun[];
  /** Where the confidence aggregate of a variation (or of the multi-run) goes. */
  aggregateDir(variation: SweepVariation | null): string;
  sweepAggregateDir: string | null;
}

const pad = (n: number) => String(n).padStart(4, '0');

function cellBenchmark(config: AiperfConfig, sweep: SweepSpec | null, variation: SweepVariation | null, dir: string): BenchmarkConfig {
  let benchmark: BenchmarkConfig = config.benchmark;
  for (const [name, value] of Object.entries(variation?.values ?? {})) benchmark = getSweepParameter(name).apply(benchmark, value);
  const baseSeed = config.benchmark.input.randomSeed ?? (config.multiRun.setConsistentSeed ? 42 : null);
  const seed = baseSeed === null ? null : baseSeed + (sweep?.sameSeed ? 0 : (variation?.index ?? 0));
  // The warmup count stays as configured (it is recorded in input_config); later trials skip it via `skipWarmup`.
  return {
    ...benchmark,
    input: { ...benchmark.input, randomSeed: seed },
    output: { ...benchmark.output, artifactDir: dir, artifactDirExplicit: true },
  };
}

/** Lays out every (variation, trial) cell ; null when the config is a plain single run. */
export function planMultiRun(config: AiperfConfig, sweep: SweepSpec | null): MultiPlan | null {
  const trials = config.multiRun.numProfileRuns;
  if (sweep === null && trials <= 1) return null;
  const baseDir = multiRunBaseDir(config.benchmark, sweep?.stimulus ?? null);
  const runs: PlannedRun[] = [];
  const add = (variation: SweepVariation | null, trial: number, label: string, trialLabel: string | null, dir: string) =>
    runs.push({
      label, trialLabel, trial, variation, artifactDir: dir,
      benchmark: cellBenchmark(config, sweep, variation, dir),
      skipWarmup: trial > 1 && config.multiRun.disableWarmupAfterFirst,
    });

  if (sweep === null) {
    for (let t = 1; t <= trials; t++) add(null, t, `run_${pad(t)}`, `run_${pad(t)}`, join(baseDir, 'profile_runs', `run_${pad(t)}`));
    return { baseDir, trials, sweep, runs, aggregateDir: () => join(baseDir, 'aggregate'), sweepAggregateDir: null };
  }
  if (trials <= 1) {
    for (const v of sweep.variations) add(v, 1, v.dirName, null, join(baseDir, v.dirName));
    return { baseDir, trials, sweep, runs, aggregateDir: () => join(baseDir, 'aggregate'), sweepAggregateDir: join(baseDir, 'sweep_aggregate') };
  }
  if (sweep.mode === 'repeated') {
    for (let t = 1; t <= trials; t++) {
      for (const v of sweep.variations) add(v, t, `trial_${pad(t)}/${v.dirName}`, `trial_${pad(t)}`, join(baseDir, 'profile_runs', `trial_${pad(t)}`, v.dirName));
    }
    return {
      baseDir, trials, sweep, runs,
      aggregateDir: (v) => join(baseDir, 'aggregate', v?.dirName ?? ''),
      sweepAggregateDir: join(baseDir, 'aggregate', 'sweep_aggregate'),
    };
  }
  for (const v of sweep.variations) {
    for (let t = 1; t <= trials; t++) add(v, t, `${v.dirName}/trial_${pad(t)}`, `trial_${pad(t)}`, join(baseDir, v.dirName, 'profile_runs', `trial_${pad(t)}`));
  }
  return {
    baseDir, trials, sweep, runs,
    aggregateDir: (v) => join(baseDir, v?.dirName ?? '', 'aggregate'),
    sweepAggregateDir: join(baseDir, 'sweep_aggregate'),
  };
}
