import type { MetricTable } from './types.js';

/** The statistics a summary metric block may carry; anything else in a block (mean, cv, ci_low, …) is not a run stat. */
export const RUN_STATS = ['avg', 'min', 'max', 'std', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'count', 'sum'] as const;
const RUN_STAT_SET: ReadonlySet<string> = new Set(RUN_STATS);

const isBlock = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && 'unit' in value;

const unitOf = (block: Record<string, unknown>): string | null => (typeof block.unit === 'string' ? block.unit : null);

/** A run's `profile_export_aiperf.json` (or a one-trial sweep cell): every `{unit, avg, p99, …}` block, flattened. */
export function summaryMetrics(summary: Record<string, unknown>): MetricTable {
  const table: MetricTable = new Map();
  for (const [tag, block] of Object.entries(summary)) {
    if (!isBlock(block)) continue;
    for (const [stat, value] of Object.entries(block)) {
      if (RUN_STAT_SET.has(stat) && typeof value === 'number' && Number.isFinite(value)) {
        table.set(`${tag}.${stat}`, { value, unit: unitOf(block) });
      }
    }
  }
  return table;
}

/** Splits a `<tag>_<stat>` confidence key at its last underscore (stats never contain one). */
export function splitStatKey(key: string): { tag: string; stat: string } | null {
  const cut = key.lastIndexOf('_');
  if (cut <= 0) return null;
  const stat = key.slice(cut + 1);
  return RUN_STAT_SET.has(stat) ? { tag: key.slice(0, cut), stat } : null;
}

/** Confidence-aggregate metrics (`{ "<tag>_<stat>": { mean, ci_low, ci_high, unit } }`) as `<tag>.<stat>` → mean ± CI. */
export function confidenceMetrics(metrics: Record<string, unknown>): MetricTable {
  const table: MetricTable = new Map();
  for (const [key, entry] of Object.entries(metrics)) {
    const split = splitStatKey(key);
    if (!split || !isBlock(entry) || typeof entry.mean !== 'number' || !Number.isFinite(entry.mean)) continue;
    const { ci_low: low, ci_high: high } = entry;
    table.set(`${split.tag}.${split.stat}`, {
      value: entry.mean,
      unit: unitOf(entry),
      ...(typeof low === 'number' && typeof high === 'number' ? { ci: { low, high } } : {}),
    });
  }
  return table;
}
