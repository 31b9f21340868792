import { rollingPercentiles } from '../../algorithms/statistics.js';
import { minMaxDownsample } from '../../algorithms/downsample.js';
import { axisLabel, displayName } from '../../metric-names.js';
import { axis, baseSpec, fitsData, parseMetricRef, requestColumn, requestMetricName, requestUnit } from '../common.js';
import type { PlotTypeDefinition, SingleRunContext } from '../plot-type.js';
import type { ChartSpec, SpecResult } from '../types.js';
import { gpuField } from './dual-axis.js';
import { gpuFieldOverTime } from './gpu-series.js';

/**
 * Rolling-percentile lines: min and max of 1,500 buckets, about one per logical pixel of the plot width, so the
 * drawn envelope is the full line's; more points only cost raster time (lines zig-zag on an axis fitted to the data).
 */
const LINE_BUCKETS = 1500;

/** Markers: 2,000 buckets × (min, max and 4 evenly spaced requests) → at most 12,000 points. */
const markerSample = (x: ArrayLike<number>, y: ArrayLike<number>) => minMaxDownsample(x, y, 2000, 4);

interface ScatterColumns {
  x: Float64Array;
  y: Float64Array;
  xName: string;
  yName: string;
}

/** x/y request columns of a scatter-like preset, or why they are missing. */
function columns(context: SingleRunContext): ScatterColumns | string {
  const requests = context.run.requests;
  if (!requests) return 'no per-request data (profile_export.jsonl)';
  const xName = requestMetricName(requests, context.preset.x) ?? 'request_number';
  const yName = requestMetricName(requests, context.preset.y);
  if (!yName) return 'preset has no y metric';
  const x = requestColumn(requests, xName);
  const y = requestColumn(requests, yName);
  if (!x) return `no '${xName}' values in the per-request data`;
  if (!y) return `no '${yName}' values in the per-request data`;
  return { x, y, xName, yName };
}

/** The x/y columns and an empty spec titled `<y metric> <titleSuffix>` with unit-labelled axes, or why not. */
function scatterFrame(context: SingleRunContext, titleSuffix: string): { data: ScatterColumns; spec: ChartSpec } | string {
  const data = columns(context);
  if (typeof data === 'string') return data;
  const units = context.run.requests!.units;
  const xLabel = axisLabel(data.xName, units[data.xName]);
  const yLabel = axisLabel(data.yName, units[data.yName] ?? requestUnit(context.run.requests!, data.yName));
  const spec = baseSpec(
    context,
    `${displayName(data.yName)} ${titleSuffix}`,
    axis(xLabel, !fitsData(context.preset, 'x', data.xName)),
    axis(yLabel, !fitsData(context.preset, 'y', data.yName)),
  );
  return { data, spec };
}

export const scatterPlot: PlotTypeDefinition = {
  name: 'scatter',
  describe: () => 'One marker per request (downsampled to min/max per bucket above 8,000 points).',
  buildSingleRun(context): SpecResult {
    const gpu = gpuFieldOf(context);
    if (gpu) return gpuFieldOverTime(context, context.run.gpu!, gpu);
    const frame = scatterFrame(context, 'Over Time');
    if (typeof frame === 'string') return { skip: frame };
    const { data, spec } = frame;
    const order = sortedByX(data.x);
    const points = markerSample(
      Float64Array.from(order, (i) => data.x[i]!),
      Float64Array.from(order, (i) => data.y[i]!),
    );
    if (points.x.length < data.x.length) spec.notes.push(`downsampled ${data.x.length} points to ${points.x.length} (min, max and samples per bucket)`);
    spec.series.push({
      name: spec.y.label,
      showInLegend: true,
      style: 'markers',
      color: context.theme.palette[0]!,
      lineWidth: 0,
      markerSize: 4,
      opacity: 0.95,
      axis: 'y',
      x: points.x,
      y: points.y,
    });
    return { spec };
  },
};

/** The GPU field a scatter preset's y names (`source: gpu_telemetry`, or a name that is no request column). */
function gpuFieldOf(context: SingleRunContext): string | null {
  const ref = context.preset.y;
  const name = parseMetricRef(ref)?.metric;
  const gpu = context.run.gpu;
  if (!name || !gpu) return null;
  const fromGpu = (typeof ref === 'object' && ref.source === 'gpu_telemetry') || context.preset.source === 'gpu_telemetry';
  if (!fromGpu && context.run.requests && requestColumn(context.run.requests, name)) return null;
  const field = gpuField(gpu, name);
  return typeof field === 'string' ? field : null;
}

/** Row indices in ascending x; already-sorted columns (request_number) skip the sort. */
function sortedByX(x: Float64Array): Uint32Array {
  const order = Uint32Array.from({ length: x.length }, (_, i) => i);
  for (let i = 1; i < x.length; i += 1) if (x[i]! < x[i - 1]!) return order.sort((a, b) => x[a]! - x[b]!);
  return order;
}

export const scatterWithPercentilesPlot: PlotTypeDefinition = {
  name: 'scatter_with_percentiles',
  describe: () => 'Per-request markers with rolling P50/P95/P99 lines over a 10-request trailing window.',
  buildSingleRun(context): SpecResult {
    const frame = scatterFrame(context, 'Over Time with Percentiles');
    if (typeof frame === 'string') return { skip: frame };
    const { data, spec } = frame;
    const order = sortedByX(data.x).filter((i) => Number.isFinite(data.y[i]!));
    const xs = Float64Array.from(order, (i) => data.x[i]!);
    const ys = Float64Array.from(order, (i) => data.y[i]!);
    const bands = rollingPercentiles(ys, [50, 95, 99]);
    const raw = markerSample(xs, ys);
    if (raw.x.length < xs.length) spec.notes.push(`downsampled ${xs.length} points to ${raw.x.length} (min, max and samples per bucket)`);
    spec.series.push({
      name: 'Individual Requests',
      showInLegend: true,
      style: 'markers',
      color: context.theme.secondary,
      opacity: 0.4,
      lineWidth: 0,
      markerSize: 6,
      axis: 'y',
      x: raw.x,
      y: raw.y,
    });
    ['P50', 'P95', 'P99'].forEach((name, k) => {
      const line = minMaxDownsample(xs, bands[k]!, LINE_BUCKETS);
      spec.series.push({
        name,
        showInLegend: true,
        style: 'lines',
        color: context.theme.palette[k]!,
        lineWidth: 2.5,
        markerSize: 0,
        axis: 'y',
        x: line.x,
        y: line.y,
      });
    });
    return { spec };
  },
};
