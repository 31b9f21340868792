import { METRIC_DISPLAY_NAMES } from '../../metric-names.js';
import { OUTLIER_RED, RUN_AVERAGE_GREY, withAlpha } from '../../theme.js';
import type { RunData } from '../../types.js';
import { axis, baseSpec, parseMetricRef } from '../common.js';
import type { PlotTypeDefinition, SingleRunContext } from '../plot-type.js';
import type { SpecResult } from '../types.js';

export const NON_UNIFORM_WARNING = '⚠ Requests have varying ISL/OSL. Req/sec throughput may not accurately represent workload capacity.';

/** True when requests differ in input or output length. */
export function hasVaryingSequenceLengths(run: RunData): boolean {
  const requests = run.requests;
  if (!requests) return false;
  return [requests.inputSequenceLength, requests.outputSequenceLength].some((column) => {
    const values = new Set<number>();
    for (const value of column) if (Number.isFinite(value)) values.add(value);
    return values.size > 1;
  });
}

/** The run-wide avg/std of the summary metric whose display name is `metricName` (distribution metrics only). */
function runReference(run: RunData, metricName: string): { avg: number; std: number; unit: string } | null {
  const tag = Object.keys(METRIC_DISPLAY_NAMES).find((key) => METRIC_DISPLAY_NAMES[key] === metricName);
  const stats = tag ? run.metrics[tag] : undefined;
  if (!stats || typeof stats.avg !== 'number' || typeof stats.std !== 'number') return null;
  return { avg: stats.avg, std: stats.std, unit: stats.unit };
}

function buildTimeslice(context: SingleRunContext, bars: boolean): SpecResult {
  const { run, preset, theme } = context;
  if (!run.timeslices) return { skip: 'no timeslice data (profile_export_aiperf_timeslices.csv)', dataAbsent: true };
  const metricName = parseMetricRef(preset.y)?.metric ?? '';
  const rows = run.timeslices.filter((row) => row.metric === metricName && (row.stat === 'avg' || row.stat === 'std'));
  const slices = [...new Set(rows.filter((row) => row.stat === 'avg').map((row) => row.timeslice))].sort((a, b) => a - b);
  if (slices.length === 0) return { skip: `no '${metricName}' rows in the timeslice data` };
  const statOf = (slice: number, stat: string): number | undefined => rows.find((row) => row.timeslice === slice && row.stat === stat)?.value;
  const duration = preset.use_slice_duration ? run.metadata.sliceDurationS : null;
  const position = (slice: number): number => (duration ? (slice + 0.5) * duration : slice);
  const unit = rows[0]!.unit;
  const averages = slices.map((slice) => statOf(slice, 'avg')!);
  const stds = slices.map((slice) => statOf(slice, 'std') ?? 0);
  const hasStd = rows.some((row) => row.stat === 'std');
  const xEnd = duration ? (slices.at(-1)! + 1) * duration : slices.at(-1)! + 1;
  const spec = baseSpec(
    context,
    `${metricName} Across Time Slices`,
    axis(duration ? 'Timeslice (s)' : 'Timeslice', true, {
      min: duration ? 0 : -0.5,
      max: duration ? xEnd : slices.at(-1)! + 0.5,
      ticks: slices.map((slice) => ({
        value: position(slice),
        label: duration ? `${Math.round(slice * duration)}-${Math.round((slice + 1) * duration)}` : String(slice),
      })),
    }),
    // Bars are read against zero; slice averages fit the data.
    axis(`${metricName} (${unit})`, bars),
  );
  const color = theme.palette[0]!;
  const xs = slices.map(position);
  spec.series.push({
    name: 'Timeslice Average',
    showInLegend: true,
    style: bars ? 'bars' : 'markers',
    color,
    ...(bars ? { fillColor: withAlpha(color, 0.7) } : {}),
    lineWidth: bars ? 2 : 0,
    markerSize: 6,
    axis: 'y',
    x: xs,
    y: averages,
    ...(hasStd ? { errorY: stds } : {}),
  });
  if (hasStd && !bars) {
    spec.series.push({ name: '±1 Timeslice Std', showInLegend: true, style: 'lines', color, lineWidth: 1.5, markerSize: 0, axis: 'y', x: [], y: [] });
  }
  const reference = runReference(run, metricName);
  if (reference) {
    const bandX = [duration ? 0 : -0.5, duration ? xEnd : slices.at(-1)! + 0.5];
    spec.series.push(
      {
        name: `Run Std: ${reference.std.toFixed(2)} ${reference.unit}`,
        showInLegend: true,
        style: 'lines',
        color: theme.runStdBand,
        fillColor: theme.runStdBand,
        lineWidth: 0,
        markerSize: 0,
        axis: 'y',
        x: bandX,
        y: bandX.map(() => reference.avg + reference.std),
        fillToY: bandX.map(() => reference.avg - reference.std),
      },
      {
        name: `Run Average: ${reference.avg.toFixed(2)} ${reference.unit}`,
        showInLegend: true,
        style: 'lines',
        color: bars ? theme.palette[1]! : RUN_AVERAGE_GREY,
        lineWidth: bars ? 3 : 2,
        markerSize: 0,
        axis: 'y',
        x: bandX,
        y: bandX.map(() => reference.avg),
      },
    );
    const outliers = slices.map((_, i) => i).filter((i) => isOutlier(metricName, averages[i]!, reference, stds[i]!));
    if (outliers.length > 0) {
      spec.series.push({
        name: 'Outliers',
        showInLegend: true,
        style: 'markers',
        markerShape: 'diamond',
        color: OUTLIER_RED,
        lineWidth: 0,
        markerSize: 6,
        axis: 'y',
        x: outliers.map((i) => xs[i]!),
        y: outliers.map((i) => averages[i]!),
      });
    }
  }
  // Draw the run band and average under the slice markers; the legend keeps the order above.
  spec.series.forEach((series, index) => {
    series.legendRank = index + 1;
  });
  const underneath = (name: string): number => (name.startsWith('Run ') ? 1 : 0);
  spec.series.sort((a, b) => underneath(b.name) - underneath(a.name));
  if (/throughput/i.test(context.name) && hasVaryingSequenceLengths(run)) spec.footnotes.push(NON_UNIFORM_WARNING);
  return { spec };
}

/** Throughput is bad when low, everything else when high. */
export function isOutlier(metricName: string, value: number, run: { avg: number; std: number }, sliceStd: number): boolean {
  return /throughput/i.test(metricName) ? value < run.avg - run.std - sliceStd : value > run.avg + run.std + sliceStd;
}

export const timeslicePlot: PlotTypeDefinition = {
  name: 'timeslice',
  describe: () => 'Average per time slice with ±std bars, the run average and std band, and outliers.',
  buildSingleRun: (context) => buildTimeslice(context, false),
};

export const histogramPlot: PlotTypeDefinition = {
  name: 'histogram',
  describe: () => 'One bar per time slice with ±std error bars and the run average.',
  buildSingleRun: (context) => buildTimeslice(context, true),
};
