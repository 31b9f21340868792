import type { SweepValue } from '@aiperf/config';
import type { SweepSpec } from '../plan/plan.js';
import type { SweepVariation } from '../plan/variations.js';
import { aggregateSummaries, confidenceStatsJson, type SummaryMetrics } from './confidence.js';

export interface SweepCell {
  variation: SweepVariation;
  /** Summaries (profile_export_aiperf.json objects) of the cell's successful trials. */
  summaries: SummaryMetrics[];
}

export interface SweepAggregateInput {
  sweep: SweepSpec;
  trials: number;
  confidenceLevel: number;
  cells: SweepCell[];
  numProfileRuns: number;
  failedRuns: { label: string; error: string }[];
}

type MetricMap = Record<string, Record<string, unknown>>;
const STAT_KEYS = ['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'count', 'sum'];

/** A one-trial cell keeps the run's own stats, shaped like confidence stats (std/cv 0, CI = avg). */
function singleRunMetrics(summary: SummaryMetrics): MetricMap {
  const out: MetricMap = {};
  for (const [tag, block] of Object.entries(summary)) {
    if (block === null || typeof block !== 'object' || Array.isArray(block) || !('unit' in block)) continue;
    const b = block as Record<string, unknown>;
    if (typeof b.avg !== 'number') continue;
    const entry: Record<string, unknown> = { mean: b.avg, avg: b.avg, std: 0, min: b.min ?? b.avg, max: b.max ?? b.avg, cv: 0, ci_low: b.avg, ci_high: b.avg };
    for (const key of STAT_KEYS) if (typeof b[key] === 'number') entry[key] = b[key];
    entry.unit = b.unit;
    out[tag] = entry;
  }
  return out;
}

function cellMetrics(cell: SweepCell, trials: number, level: number): MetricMap {
  if (trials <= 1) return cell.summaries[0] ? singleRunMetrics(cell.summaries[0]) : {};
  const out: MetricMap = {};
  for (const [key, stats] of aggregateSummaries(cell.summaries, level)) out[key] = confidenceStatsJson(stats);
  return out;
}

/** A metric's central value in either cell shape: `<tag>` blocks (1 trial) or `<tag>_<stat>` confidence keys. */
export function cellValue(metrics: MetricMap, trials: number, tag: string, stat: string): { value: number; unit: unknown } | null {
  const block = trials <= 1 ? metrics[tag] : metrics[`${tag}_${stat}`];
  const raw = trials <= 1 ? block?.[stat === 'avg' ? 'mean' : stat] : block?.mean;
  return typeof raw === 'number' && Number.isFinite(raw) ? { value: raw, unit: block?.unit ?? null } : null;
}

const variantOf = (holder: { variant?: string }): { variant?: string } => (holder.variant === undefined ? {} : { variant: holder.variant });

function leafValues(variation: SweepVariation): Record<string, SweepValue> {
  return { ...variation.values };
}

/** `profile_export_aiperf_sweep.json`: per-cell metrics, best configurations, Pareto set. */
export function buildSweepAggregate(input: SweepAggregateInput): Record<string, unknown> {
  const { sweep, trials, confidenceLevel } = input;
  const rows = input.cells
    // A named variant's row (and best configuration) carries its name: the parameters alone may not tell variants apart.
    .map((cell) => ({ ...variantOf(cell.variation), parameters: leafValues(cell.variation), metrics: cellMetrics(cell, trials, confidenceLevel) }))
    .filter((row) => Object.keys(row.metrics).length > 0);
  const throughput = (m: MetricMap) => cellValue(m, trials, 'request_throughput', 'avg');
  const latency = (m: MetricMap) => cellValue(m, trials, 'time_to_first_token', 'p99') ?? cellValue(m, trials, 'request_latency', 'p99');

  const best = (pick: (m: MetricMap) => { value: number; unit: unknown } | null, better: (a: number, b: number) => boolean) => {
    let winner: { variant?: string; parameters: Record<string, SweepValue>; metric: number; unit: unknown } | null = null;
    for (const row of rows) {
      const found = pick(row.metrics);
      if (found && (!winner || better(found.value, winner.metric))) winner = { ...variantOf(row), parameters: row.parameters, metric: found.value, unit: found.unit };
    }
    return winner;
  };
  const bestConfigurations = {
    best_throughput: best(throughput, (a, b) => a > b),
    best_latency_p99: best(latency, (a, b) => a < b),
  };
  const points = rows
    .map((row) => ({ parameters: row.parameters, t: throughput(row.metrics)?.value, l: latency(row.metrics)?.value }))
    .filter((p): p is { parameters: Record<string, SweepValue>; t: number; l: number } => p.t !== undefined && p.l !== undefined);
  const paretoOptimal = points
    .filter((p) => !points.some((q) => q !== p && q.t >= p.t && q.l <= p.l && (q.t > p.t || q.l < p.l)))
    .map((p) => p.parameters);

  const names = [...new Set(sweep.variations.flatMap((v) => Object.keys(v.values)))];
  const sweepParameters = names.map((name) => ({
    name,
    values: [...new Set(sweep.variations.map((v) => v.values[name]).filter((v) => v !== undefined))],
  }));
  const numSuccessfulRuns = input.cells.reduce((n, c) => n + c.summaries.length, 0);
  const metadata = {
    aggregation_type: 'sweep',
    sweep_parameters: sweepParameters,
    num_combinations: sweep.variations.length,
    ...(sweep.variations.some((v) => v.variant !== undefined) ? { variants: sweep.variations.map((v) => v.variant) } : {}),
    sweep_mode: sweep.mode,
    confidence_level: confidenceLevel,
    num_trials_per_value: trials,
    ...(sweep.recipeName ? { recipe_name: sweep.recipeName } : {}),
    best_configurations: bestConfigurations,
    pareto_optimal: paretoOptimal,
  };
  return {
    aggregation_type: 'sweep',
    num_profile_runs: input.numProfileRuns,
    num_successful_runs: numSuccessfulRuns,
    failed_runs: input.failedRuns,
    metadata,
    per_combination_metrics: rows,
    best_configurations: bestConfigurations,
    pareto_optimal: paretoOptimal,
  };
}
