import type { ConfigRule } from './rules.js';
import type { AiperfConfig } from './schema.js';

const AT = 'multi_run.convergence';
/** Keys that tune only one scope: the other scope rejects them. */
const RUNS_ONLY = ['mode', 'min_runs'] as const;
const RUN_ONLY = ['min_samples', 'check_interval_seconds'] as const;

/**
 * `--convergence-scope run` (the default with a single profile run) moves the convergence settings to the
 * benchmark: profiling stops once the statistic's CI half-width relative to it is at or below the threshold.
 * The multi-run rule then sees no convergence. Runs before `convergenceSettings`.
 */
export const runConvergence: ConfigRule = {
  name: 'run-convergence',
  apply(config, ctx) {
    const convergence = config.multiRun.convergence;
    if (convergence === null) return;
    const scope = convergence.scope ?? (config.multiRun.numProfileRuns > 1 ? 'runs' : 'run');
    const misplaced = (scope === 'run' ? RUNS_ONLY : RUN_ONLY).filter((key) => ctx.given(`${AT}.${key}`));
    for (const key of misplaced) {
      const fix = scope === 'run'
        ? `the margin within one run is always the CI half-width / the statistic; add ${ctx.where(`${AT}.scope`)} runs (with ${ctx.where('multi_run.num_runs')} above 1) to judge across runs`
        : `add ${ctx.where(`${AT}.scope`)} run`;
      ctx.errors.push({ where: ctx.where(`${AT}.${key}`), message: `only applies to convergence ${scope === 'run' ? 'across runs' : 'within one run'}; ${fix}` });
    }
    if (scope === 'runs') {
      convergence.scope = 'runs';
      return;
    }
    config.multiRun.convergence = null;
    if (convergence.metric === null) {
      const given = (['stat', 'threshold', 'scope', ...RUN_ONLY] as const).find((key) => ctx.given(`${AT}.${key}`)) ?? 'threshold';
      ctx.errors.push({ where: ctx.where(`${AT}.${given}`), message: `needs ${ctx.where(`${AT}.metric`)} (the metric whose margin decides when to stop)` });
      return;
    }
    config.benchmark.convergence = {
      metric: convergence.metric, stat: convergence.stat, threshold: convergence.threshold, confidenceLevel: config.multiRun.confidenceLevel,
      minSamples: convergence.minSamples, checkIntervalSeconds: convergence.checkIntervalSeconds,
    };
  },
};

/**
 * `multi_run.convergence` as the YAML that resolves back to `config` (for `configToYaml`): within one run from
 * `benchmark.convergence` with `scope: run`, across runs without the within-run keys (which that scope rejects).
 */
export function convergenceDocument(config: AiperfConfig): Record<string, unknown> | null {
  const run = config.benchmark.convergence;
  if (run !== null) {
    return { metric: run.metric, stat: run.stat, threshold: run.threshold, scope: 'run', min_samples: run.minSamples, check_interval_seconds: run.checkIntervalSeconds };
  }
  const runs = config.multiRun.convergence;
  if (runs === null) return null;
  return { metric: runs.metric, stat: runs.stat, mode: runs.mode, threshold: runs.threshold, min_runs: runs.minRuns, scope: 'runs' };
}
