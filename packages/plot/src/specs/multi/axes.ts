import { axisLabel, displayName } from '../../metric-names.js';
import { autoscaled, axis, baseSpec, parseMetricRef } from '../common.js';
import type { MultiRunContext } from '../plot-type.js';
import type { ChartSpec } from '../types.js';

export interface MultiRunAxes {
  xMetric: string;
  yMetric: string;
  spec: ChartSpec;
}

/** Resolves x/y metrics and their labels; returns a skip reason when a metric is not a column of the table. */
export function multiRunAxes(context: MultiRunContext, titleFor: (x: string, y: string) => string): MultiRunAxes | string {
  const x = parseMetricRef(context.preset.x, 'p50');
  const y = parseMetricRef(context.preset.y, context.preset.stat ?? 'avg');
  if (!x || !y) return 'preset needs both x and y metrics';
  for (const metric of [x.metric, y.metric]) {
    if (metric !== 'concurrency' && !context.table.rows.some((row) => Number.isFinite(row[metric] as number))) {
      return metric === 'output_token_throughput_per_gpu'
        ? `no '${metric}' column (needs GPU telemetry in the runs' summaries)`
        : `no '${metric}' column in the runs' summaries`;
    }
  }
  const units = context.table.units;
  const spec = baseSpec(
    context,
    titleFor(displayName(x.metric), displayName(y.metric)),
    axis(axisLabel(x.metric, units[x.metric], x.stat), !autoscaled(context.preset, 'x')),
    axis(axisLabel(y.metric, units[y.metric], y.stat), !autoscaled(context.preset, 'y')),
  );
  return { xMetric: x.metric, yMetric: y.metric, spec };
}
