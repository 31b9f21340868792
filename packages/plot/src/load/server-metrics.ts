// server_metrics_export.json (AIPerf's schema 1.0, written by `aiperf profile`): the inference server's own
// metrics, for the percentile-band plots (per timeslice) and as summary columns (`vllm:kv_cache_usage_perc`, …)
// that any preset can plot against client metrics across runs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MetricStats, ServerMetricsData } from '../types.js';

export const SERVER_METRICS_FILE = 'server_metrics_export.json';

/** The export of a run directory, or null when there is none (or it cannot be read: a warning, not an error). */
export function readServerMetrics(dir: string, warnings: string[]): ServerMetricsData | null {
  const path = join(dir, SERVER_METRICS_FILE);
  if (!existsSync(path)) return null;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { summary?: { slice_duration_seconds?: number }; metrics?: ServerMetricsData['metrics'] };
    if (!data.metrics || typeof data.metrics !== 'object') throw new Error('no "metrics" object');
    return { sliceDurationS: data.summary?.slice_duration_seconds ?? null, metrics: data.metrics };
  } catch (error) {
    warnings.push(`Ignoring ${path}: ${(error as Error).message}`);
    return null;
  }
}

/**
 * One summary entry per server metric, so multi-run tables and presets treat it like a client metric:
 * counters → the sum of the series' rates (and totals); others → the mean over series of each statistic
 * (histograms' `p*_estimate` as `p*`).
 */
export function serverMetricSummaries(data: ServerMetricsData): Record<string, MetricStats> {
  const out: Record<string, MetricStats> = {};
  for (const [name, metric] of Object.entries(data.metrics)) {
    const stats = metric.series.map((series) => series.stats);
    if (stats.length === 0) continue;
    const unit = metric.unit ?? '';
    if (metric.type === 'counter') {
      out[name] = { unit: unit ? `${unit}/s` : '/s', avg: sum(stats.map((s) => s.rate)), total: sum(stats.map((s) => s.total)) };
      continue;
    }
    const entry: MetricStats = { unit };
    const keys = new Set(stats.flatMap((s) => Object.keys(s)));
    for (const key of keys) {
      const values = stats.map((s) => s[key]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      if (values.length > 0) entry[key.replace(/_estimate$/, '')] = sum(values) / values.length;
    }
    out[name] = entry;
  }
  return out;
}

/** Names the plot config resolves to server metrics (AIPerf's heuristic): `vllm:…`, `sglang:…`, `trtllm_…`, … */
export function isServerMetricName(name: string): boolean {
  return name.includes(':') || /^(vllm_|sglang_|trtllm_|nv_inference_|nv_gpu_|dynamo_|tgi_|llamacpp)/.test(name);
}

const sum = (values: readonly (number | undefined)[]): number => values.reduce<number>((total, v) => total + (typeof v === 'number' && Number.isFinite(v) ? v : 0), 0);
