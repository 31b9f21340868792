import { studentTInterval } from '@aiperf/stats';

export interface ConfidenceStats {
  mean: number;
  std: number;
  min: number;
  max: number;
  /** std / mean; Infinity when the mean is 0 (written as null in JSON). */
  cv: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  /** Student-t quantile at 1 − α/2 with n − 1 degrees of freedom; NaN for a single value. */
  tCritical: number;
  unit: string | null;
}

/** One summary metric block per tag: `{ unit, avg, p99, … }` as in profile_export_aiperf.json. */
export type SummaryMetrics = Record<string, unknown>;

/** `<tag>_<stat>` → { value, unit } for every populated numeric stat of every metric block in a summary. */
export function flattenSummaryMetrics(summary: SummaryMetrics): Map<string, { value: number; unit: string | null }> {
  const flat = new Map<string, { value: number; unit: string | null }>();
  for (const [tag, block] of Object.entries(summary)) {
    if (block === null || typeof block !== 'object' || Array.isArray(block) || !('unit' in block)) continue;
    const unit = typeof block.unit === 'string' ? block.unit : null;
    for (const [stat, value] of Object.entries(block)) {
      if (stat === 'unit' || typeof value !== 'number') continue;
      flat.set(`${tag}_${stat}`, { value, unit });
    }
  }
  return flat;
}

/** Mean, sample std (n − 1), CV, standard error and the Student-t confidence interval of `values`. */
export function confidenceStats(values: readonly number[], confidenceLevel: number, unit: string | null = null): ConfidenceStats {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) throw new Error('confidenceStats: needs at least one finite value');
  const { mean, std, se, tCritical, low, high } = studentTInterval(finite, confidenceLevel);
  const cv = finite.length === 1 ? 0 : mean === 0 ? Number.POSITIVE_INFINITY : std / mean;
  return { mean, std, min: Math.min(...finite), max: Math.max(...finite), cv, se, ciLow: low, ciHigh: high, tCritical, unit };
}

/** Confidence stats per `<tag>_<stat>` over the summaries of the successful trials. */
export function aggregateSummaries(summaries: readonly SummaryMetrics[], confidenceLevel: number): Map<string, ConfidenceStats> {
  const series = new Map<string, { values: number[]; unit: string | null }>();
  for (const summary of summaries) {
    for (const [key, { value, unit }] of flattenSummaryMetrics(summary)) {
      const entry = series.get(key) ?? { values: [], unit };
      entry.values.push(value);
      series.set(key, entry);
    }
  }
  const out = new Map<string, ConfidenceStats>();
  for (const [key, { values, unit }] of series) {
    if (values.some((v) => Number.isFinite(v))) out.set(key, confidenceStats(values, confidenceLevel, unit));
  }
  return out;
}

/** The JSON shape (snake_case keys) of one metric's confidence stats. */
export function confidenceStatsJson(stats: ConfidenceStats): Record<string, number | string | null> {
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  return {
    mean: stats.mean,
    std: stats.std,
    min: stats.min,
    max: stats.max,
    cv: num(stats.cv),
    se: stats.se,
    ci_low: stats.ciLow,
    ci_high: stats.ciHigh,
    t_critical: num(stats.tCritical),
    unit: stats.unit,
  };
}
