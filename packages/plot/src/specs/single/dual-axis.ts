import { dispersedThroughput } from '../../algorithms/dispersed-throughput.js';
import { minMaxDownsample, resampleStepFunction } from '../../algorithms/downsample.js';
import { canonicalGpuField, gpuFieldNames } from '../../load/gpu.js';
import { axisLabel, displayName, gpuFieldUnit } from '../../metric-names.js';
import { withAlpha } from '../../theme.js';
import type { GpuSample } from '../../types.js';
import { axis, baseSpec, parseMetricRef } from '../common.js';
import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';

/** Mean over GPUs of samples sharing one exact timestamp, in time order. */
export function averageGpuSeries(samples: readonly GpuSample[], field: string): { x: number[]; y: number[] } {
  const byTime = new Map<number, { sum: number; count: number }>();
  for (const sample of samples) {
    const value = sample.values[field];
    if (value === undefined) continue;
    const bucket = byTime.get(sample.timestampS) ?? { sum: 0, count: 0 };
    bucket.sum += value;
    bucket.count += 1;
    byTime.set(sample.timestampS, bucket);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  return { x: times, y: times.map((t) => byTime.get(t)!.sum / byTime.get(t)!.count) };
}

/** A GPU field named by the preset (either generation of names), or why it cannot be plotted. */
export function gpuField(samples: readonly GpuSample[], name: string): string | { skip: string } {
  const field = canonicalGpuField(name);
  const known = gpuFieldNames(samples);
  if (known.includes(field)) return field;
  return { skip: `no '${name}' values in the GPU telemetry (fields: ${known.join(', ')})` };
}

export const dualAxisPlot: PlotTypeDefinition = {
  name: 'dual_axis',
  describe: () => 'Dispersed output-token throughput (left axis) with any GPU telemetry field (right axis).',
  buildSingleRun(context): SpecResult {
    const { requests, gpu } = context.run;
    if (!requests) return { skip: 'no per-request data (profile_export.jsonl)', dataAbsent: true };
    if (!gpu) return { skip: 'no GPU telemetry (gpu_telemetry_export.jsonl)', dataAbsent: true };
    const field = gpuField(gpu, parseMetricRef(context.preset.y2)?.metric ?? 'gpu_utilization');
    if (typeof field !== 'string') return field;
    const secondary = averageGpuSeries(gpu, field);
    const events = dispersedThroughput(requests);
    if (events.timestampS.length === 0) return { skip: 'no request with output tokens and a generation phase' };
    // Both series share one origin, the first request start (GPU timestamps are already relative to it).
    let firstStart = Number.POSITIVE_INFINITY;
    for (const value of requests.requestStartOffsetNs) if (value < firstStart) firstStart = value;
    const shiftS = (events.firstEventOffsetNs - firstStart) / 1e9;
    const primary = resampleStepFunction(
      events.timestampS.map((t) => t + shiftS),
      events.throughputTokensPerSec,
    );
    const unit = gpuFieldUnit(field);
    const percent = unit === '%';
    const spec = baseSpec(
      context,
      `Output Token Throughput with ${displayName(field)}`,
      // The time axis fits the data: GPU scrapes before the first request are drawn at negative time.
      axis('Time (s)', false),
      axis(axisLabel('throughput_tokens_per_sec', undefined), true),
    );
    spec.y2 = { label: axisLabel(field, unit), beginAtZero: percent, ...(percent ? { min: 0, max: 100 } : {}) };
    const preRunS = -(secondary.x[0] ?? 0);
    if (preRunS > 0) {
      spec.footnotes.push(`Time 0 = first request; GPU telemetry from ${preRunS.toFixed(1)} s before it is shown at negative time.`);
      spec.notes.push(`GPU telemetry starts ${preRunS.toFixed(3)} s before the first request`);
    }
    const [primaryColor, secondaryColor] = [context.theme.palette[0]!, context.theme.palette[1]!];
    spec.series.push(
      {
        name: 'Output Token Throughput',
        showInLegend: true,
        style: 'step',
        color: primaryColor,
        lineWidth: 2,
        markerSize: 0,
        axis: 'y',
        x: primary.x,
        y: primary.y,
      },
      {
        name: displayName(field),
        showInLegend: true,
        style: 'lines',
        color: secondaryColor,
        fillColor: withAlpha(secondaryColor, 0.3),
        lineWidth: 2,
        markerSize: 0,
        axis: 'y2',
        ...minMaxDownsample(secondary.x, secondary.y),
      },
    );
    return { spec };
  },
};
