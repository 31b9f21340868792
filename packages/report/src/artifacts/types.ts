/** What a directory of aiperf artifacts holds: one run, a multi-run confidence aggregate, or a sweep. */
export type RunKind = 'single' | 'multi' | 'sweep';

/** One metric statistic: a run's value, or a multi-run mean with its confidence interval. */
export interface MetricValue {
  value: number;
  unit: string | null;
  /** Present only when several runs were aggregated (the interval at the run's confidence level). */
  ci?: { low: number; high: number };
}

/** `<tag>.<stat>` (e.g. `time_to_first_token.p99`) → value. */
export type MetricTable = Map<string, MetricValue>;

/** One measured point: the whole run, or one sweep cell (with its parameter values). */
export interface RunCell {
  /** `null` for a run that is not a sweep. */
  parameters: Record<string, number | string> | null;
  metrics: MetricTable;
}

export interface LoadedRun {
  kind: RunKind;
  /** The file the numbers came from. */
  source: string;
  /** Runs (multi-run) or trials per cell (sweep) that were aggregated; 1 for a single run. */
  runCount: number;
  confidenceLevel: number | null;
  cells: RunCell[];
}
