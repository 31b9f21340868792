import { dispersedThroughput } from '../../algorithms/dispersed-throughput.js';
import { resampleStepFunction } from '../../algorithms/downsample.js';
import { axisLabel } from '../../metric-names.js';
import { withAlpha } from '../../theme.js';
import { axis, fitsData, baseSpec, parseMetricRef } from '../common.js';
import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';

export const areaPlot: PlotTypeDefinition = {
  name: 'area',
  describe: () => 'Dispersed output-token throughput: a step line filled to zero (event-based).',
  buildSingleRun(context): SpecResult {
    const requests = context.run.requests;
    if (!requests) return { skip: 'no per-request data (profile_export.jsonl)' };
    const yName = parseMetricRef(context.preset.y)?.metric ?? 'throughput_tokens_per_sec';
    if (yName !== 'throughput_tokens_per_sec') return { skip: `area plots support only throughput_tokens_per_sec (got '${yName}')` };
    const events = dispersedThroughput(requests);
    if (events.timestampS.length === 0) return { skip: 'no request with output tokens and a generation phase' };
    const spec = baseSpec(
      context,
      'Dispersed Output Token Throughput Over Time',
      axis(axisLabel('timestamp_s', undefined), !fitsData(context.preset, 'x')),
      // A filled area is read against zero: the y axis fits the data only when the preset says so.
      axis(axisLabel(yName, undefined), context.preset.autoscale === undefined || !fitsData(context.preset, 'y')),
    );
    const points = resampleStepFunction(events.timestampS, events.throughputTokensPerSec);
    if (points.x.length < events.timestampS.length) {
      spec.notes.push(`resampled ${events.timestampS.length} events into ${points.x.length - 1} equal time buckets (time-weighted mean)`);
    }
    const color = context.theme.palette[0]!;
    spec.series.push({
      name: 'Output Token Throughput',
      showInLegend: true,
      style: 'step',
      color,
      fillColor: withAlpha(color, 0.2),
      lineWidth: 2,
      markerSize: 0,
      axis: 'y',
      x: points.x,
      y: points.y,
    });
    return { spec };
  },
};
