import { gpuFieldNames } from '../load/gpu.js';
import { displayName, gpuFieldUnit } from '../metric-names.js';
import type { PlotMode } from '../index.js';
import type { RunData } from '../types.js';

// What the page's custom-plot form and per-plot statistic pickers offer (pure): multi-run, every summary metric
// with the statistics the runs have; single-run, every per-request column and GPU telemetry field.

export interface CatalogMetric {
  name: string;
  label: string;
  unit?: string;
  /** Multi-run: the statistics present in the runs' summaries (`avg`, `p50`, …), in the usual order. */
  stats: string[];
  source: 'aggregated' | 'requests' | 'gpu_telemetry' | 'server_metrics' | 'config';
}

export interface MetricCatalog {
  metrics: CatalogMetric[];
  /** Columns to group or label multi-run points by (model, concurrency, …). */
  groupBy: string[];
}

const STAT_ORDER = ['avg', 'p50', 'p90', 'p95', 'p99', 'min', 'max', 'std', 'p1', 'p5', 'p10', 'p25', 'p75', 'value'];

export function metricCatalog(runs: readonly RunData[], mode: PlotMode): MetricCatalog {
  const metrics: CatalogMetric[] = [];
  if (mode === 'multi_run') {
    const byName = new Map<string, { unit?: string; stats: Set<string> }>();
    for (const run of runs) {
      for (const [tag, stats] of Object.entries(run.metrics)) {
        const entry = byName.get(tag) ?? { unit: stats.unit, stats: new Set<string>() };
        for (const [stat, value] of Object.entries(stats)) if (typeof value === 'number') entry.stats.add(stat);
        byName.set(tag, entry);
      }
    }
    metrics.push({ name: 'concurrency', label: 'Concurrency', stats: [], source: 'config' });
    for (const [name, { unit, stats }] of [...byName].sort(([a], [b]) => a.localeCompare(b))) {
      if (stats.size === 0) continue;
      const ordered = STAT_ORDER.filter((stat) => stats.has(stat));
      metrics.push({ name, label: displayName(name), ...(unit ? { unit } : {}), stats: ordered, source: 'aggregated' });
    }
    return { metrics, groupBy: ['model', 'concurrency', 'run_name', 'endpoint_type', 'experiment_group'] };
  }
  const run = runs[0];
  for (const name of ['request_number', 'timestamp']) metrics.push({ name, label: displayName(name), stats: [], source: 'requests' });
  for (const name of Object.keys(run?.requests?.columns ?? {}).sort()) {
    const unit = run!.requests!.units[name];
    metrics.push({ name, label: displayName(name), ...(unit ? { unit } : {}), stats: [], source: 'requests' });
  }
  for (const name of gpuFieldNames(run?.gpu ?? [])) {
    const unit = gpuFieldUnit(name);
    metrics.push({ name, label: displayName(name), ...(unit ? { unit } : {}), stats: [], source: 'gpu_telemetry' });
  }
  for (const [name, metric] of Object.entries(run?.serverMetrics?.metrics ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    metrics.push({ name, label: displayName(name), ...(metric.unit ? { unit: metric.unit } : {}), stats: [], source: 'server_metrics' });
  }
  return { metrics, groupBy: [] };
}
