import { dispersedThroughput } from '../../algorithms/dispersed-throughput.js';
import { minMaxDownsample, resampleStepFunction } from '../../algorithms/downsample.js';
import { axisLabel, displayName } from '../../metric-names.js';
import { withAlpha } from '../../theme.js';
import type { GpuSample } from '../../types.js';
import { axis, baseSpec, parseMetricRef } from '../common.js';
import type { PlotTypeDefinition } from '../plot-type.js';
import type { SpecResult } from '../types.js';

/** GPU metric name (either generation of names) → sample field. */
const GPU_FIELDS: Record<string, keyof Pick<GpuSample, 'utilizationPct' | 'memoryUsedGb' | 'powerW'>> = {
  gpu_utilization: 'utilizationPct',
  nvidia_gpu_utilization: 'utilizationPct',
  gpu_memory_used: 'memoryUsedGb',
  nvidia_memory_used: 'memoryUsedGb',
  gpu_power_usage: 'powerW',
  nvidia_power_usage: 'powerW',
};

/** Mean over GPUs of samples sharing one exact timestamp (plot.md §9.6), in time order. */
export function averageGpuSeries(samples: readonly GpuSample[], field: 'utilizationPct' | 'memoryUsedGb' | 'powerW'): { x: number[]; y: number[] } {
  const byTime = new Map<number, { sum: number; count: number }>();
  for (const sample of samples) {
    const value = sample[field];
    if (value === null || !Number.isFinite(value)) continue;
    const bucket = byTime.get(sample.timestampS) ?? { sum: 0, count: 0 };
    bucket.sum += value;
    bucket.count += 1;
    byTime.set(sample.timestampS, bucket);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  return { x: times, y: times.map((t) => byTime.get(t)!.sum / byTime.get(t)!.count) };
}

export const dualAxisPlot: PlotTypeDefinition = {
  name: 'dual_axis',
  describe: () => 'Dispersed output-token throughput (left axis) with a GPU telemetry metric (right axis).',
  buildSingleRun(context): SpecResult {
    const { requests, gpu } = context.run;
    if (!requests) return { skip: 'no per-request data (profile_export.jsonl)' };
    if (!gpu) return { skip: 'no GPU telemetry (gpu_telemetry_export.jsonl)' };
    const y2Name = parseMetricRef(context.preset.y2)?.metric ?? 'gpu_utilization';
    const field = GPU_FIELDS[y2Name];
    if (!field) return { skip: `unsupported GPU metric '${y2Name}'` };
    const secondary = averageGpuSeries(gpu, field);
    if (secondary.x.length === 0) return { skip: `no '${y2Name}' values in the GPU telemetry` };
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
    const y2Label = axisLabel(y2Name.replace(/^nvidia_/, 'gpu_').replace('gpu_gpu_', 'gpu_'), undefined);
    const spec = baseSpec(
      context,
      `Output Token Throughput with ${displayName(y2Name)}`,
      // Scrapes before the first request would stretch the axis left of zero.
      axis('Time (s)', true, { min: 0 }),
      axis(axisLabel('throughput_tokens_per_sec', undefined), true),
    );
    spec.y2 = { label: y2Label, beginAtZero: true, ...(field === 'utilizationPct' ? { min: 0, max: 100 } : {}) };
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
        name: displayName(y2Name.replace(/^nvidia_/, 'gpu_').replace('gpu_gpu_', 'gpu_')),
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
