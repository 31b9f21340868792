import type { MetricRef } from '../../config/types.js';
import { isServerMetricName } from '../../load/server-metrics.js';
import { axisLabel, displayName } from '../../metric-names.js';
import { axis, baseSpec, fitsData, parseMetricRef } from '../common.js';
import type { MultiRunContext } from '../plot-type.js';
import type { ChartSpec, SpecResult } from '../types.js';

export type Skip = Extract<SpecResult, { skip: string }>;
import { type MultiRunTable, representativeStat, statColumn } from './table.js';

export interface MultiRunAxes {
  xMetric: string;
  yMetric: string;
  /** The table columns holding the plotted values (the named statistic, else the representative value). */
  xColumn: string;
  yColumn: string;
  spec: ChartSpec;
}

export interface ResolvedAxis {
  metric: string;
  column: string;
  /** The statistic actually plotted (for the axis label); undefined for plain columns such as concurrency. */
  stat?: string;
}

const hasValues = (table: MultiRunTable, column: string): boolean => table.rows.some((row) => Number.isFinite(row[column] as number));

/**
 * The column a metric reference reads. A named statistic is plotted as named; a metric that has a single value
 * per run (throughputs: only `avg`) plots that value whatever the preset names, labelled with what it is.
 * Without a named statistic: p50, else avg (AIPerf's rule), labelled accordingly.
 */
export function resolveMetricColumn(table: MultiRunTable, ref: MetricRef | undefined, fallbackStat: string | undefined): ResolvedAxis | Skip {
  const parsed = parseMetricRef(ref, fallbackStat);
  if (!parsed) return { skip: 'preset needs both x and y metrics' };
  const { metric, stat } = parsed;
  const missing: Skip =
    metric === 'output_token_throughput_per_gpu'
      ? { skip: `no '${metric}' column (needs GPU telemetry in the runs' summaries)`, dataAbsent: true }
      : isServerMetricName(metric)
        ? { skip: `no server metric '${metric}' in the runs (server_metrics_export.json)`, dataAbsent: true }
        : { skip: `no '${metric}' column in the runs' summaries` };
  if (!hasValues(table, metric)) return missing;
  // Not a summary metric (concurrency, an input-config column): the plain column.
  if (!(metric in table.units)) return { metric, column: metric };
  const singleValued = !table.rows.some((row) => hasDistribution(row, metric));
  if (stat && !singleValued) {
    const column = statColumn(metric, stat);
    if (!hasValues(table, column)) return { skip: `no '${stat}' of '${metric}' in the runs' summaries` };
    return { metric, column, stat };
  }
  const used = table.rows.map((row) => representativeStatOf(row, metric)).find((value) => value !== null) ?? undefined;
  return { metric, column: metric, ...(used ? { stat: used } : {}) };
}

const DISTRIBUTION_STATS = ['p50', 'p90', 'p99', 'min', 'max', 'std'];
const hasDistribution = (row: Record<string, unknown>, metric: string): boolean => DISTRIBUTION_STATS.some((stat) => typeof row[statColumn(metric, stat)] === 'number');
const representativeStatOf = (row: Record<string, unknown>, metric: string): string | null =>
  representativeStat(Object.fromEntries(['p50', 'avg', 'value'].map((stat) => [stat, row[statColumn(metric, stat)]])));

/** Resolves x/y metrics, the columns to read and their labels; returns a skip reason when a metric is absent. */
export function multiRunAxes(context: MultiRunContext, titleFor: (x: string, y: string) => string): MultiRunAxes | Skip {
  const x = resolveMetricColumn(context.table, context.preset.x, undefined);
  if ('skip' in x) return x;
  const y = resolveMetricColumn(context.table, context.preset.y, context.preset.stat);
  if ('skip' in y) return y;
  const units = context.table.units;
  const spec = baseSpec(
    context,
    titleFor(displayName(x.metric), displayName(y.metric)),
    axis(axisLabel(x.metric, units[x.metric], x.stat), !fitsData(context.preset, 'x', x.metric)),
    axis(axisLabel(y.metric, units[y.metric], y.stat), !fitsData(context.preset, 'y', y.metric)),
  );
  return { xMetric: x.metric, yMetric: y.metric, xColumn: x.column, yColumn: y.column, spec };
}
