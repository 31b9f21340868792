import { minMaxDownsample } from '../../algorithms/downsample.js';
import { axisLabel, displayName, gpuFieldUnit } from '../../metric-names.js';
import type { GpuSample } from '../../types.js';
import { axis, baseSpec, fitsData } from '../common.js';
import type { SingleRunContext } from '../plot-type.js';
import type { SpecResult } from '../types.js';

/**
 * Any GPU telemetry field over time, one line per GPU (temperature, clocks, energy, …): what a scatter preset
 * draws when its y names a GPU field rather than a per-request metric. Time 0 is the first request; scrapes
 * before it are at negative time.
 */
export function gpuFieldOverTime(context: SingleRunContext, samples: readonly GpuSample[], field: string): SpecResult {
  const byGpu = new Map<string, { name: string; x: number[]; y: number[] }>();
  for (const sample of samples) {
    const value = sample.values[field];
    if (value === undefined) continue;
    let line = byGpu.get(sample.gpuKey);
    if (!line) {
      line = { name: sample.gpuName, x: [], y: [] };
      byGpu.set(sample.gpuKey, line);
    }
    line.x.push(sample.timestampS);
    line.y.push(value);
  }
  const unit = gpuFieldUnit(field);
  const spec = baseSpec(
    context,
    `${displayName(field)} Over Time`,
    axis('Time (s)', false),
    axis(axisLabel(field, unit), !fitsData(context.preset, 'y', field) || unit === '%'),
  );
  const gpus = [...byGpu.keys()].sort();
  gpus.forEach((gpu, i) => {
    const line = byGpu.get(gpu)!;
    const order = line.x.map((_, k) => k).sort((a, b) => line.x[a]! - line.x[b]!);
    spec.series.push({
      name: gpus.length === 1 ? displayName(field) : line.name,
      showInLegend: true,
      style: 'lines',
      color: context.theme.palette[i % context.theme.palette.length]!,
      lineWidth: 2,
      markerSize: 0,
      axis: 'y',
      ...minMaxDownsample(
        order.map((k) => line.x[k]!),
        order.map((k) => line.y[k]!),
      ),
    });
  });
  return { spec };
}
