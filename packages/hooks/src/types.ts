/** One benchmark execution (a single run, one trial of a multi-run, or one sweep cell). */
export interface RunOutcome {
  artifactDir: string;
  exitCode: number;
  successfulRequestCount: number;
  /** e.g. `run_0001`, `concurrency_8`, `trial_0002/concurrency_8`. */
  label?: string;
}

/** What a post-run hook receives once the whole benchmark (single run, multi-run or sweep) has finished. */
export interface CompletedRun {
  /** The top-level artifact directory (never a per-trial or per-variation directory). */
  artifactDir: string;
  /** The exit code the benchmark computed before hooks ran. */
  exitCode: number;
  /** Every execution, in the order they ran (one element for a single run). */
  runs: RunOutcome[];
  /** `single` runs fire hooks only on exit 0; `multi` (multi-run/sweep/search) when ≥ 1 trial succeeded. */
  kind: 'single' | 'multi';
  /** The resolved config, for hooks that need it (typed loosely so this package stays dependency-free). */
  config?: unknown;
}

export interface PostRunHook {
  /** Unique registry key, e.g. `auto-plot`. */
  name: string;
  /** Lower runs first; ties keep registration order. Default 0. */
  order?: number;
  run(outcome: CompletedRun): Promise<void>;
}

/** Declared by a recipe or plugin: turn auto-plot on when the user said neither `--auto-plot` nor `--no-auto-plot`. */
export interface AutoPlotDefaultProvider {
  readonly autoPlotDefault?: boolean;
}
