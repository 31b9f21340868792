import { histogramQuantile } from '@aiperf/stats';
import { serverMetricDisplayName } from '../../load/server-metric-names.js';
import type { ServerMetricsData } from '../../types.js';
import { axis, baseSpec, parseMetricRef } from '../common.js';
import type { PlotTypeDefinition, SingleRunContext } from '../plot-type.js';
import type { SeriesSpec, SpecResult } from '../types.js';

type Series = ServerMetricsData['metrics'][string]['series'][number];
type Slice = NonNullable<Series['timeslices']>[number];

const BAND_OUTER = 'rgba(68,138,255,0.2)';
const BAND_INNER = 'rgba(68,138,255,0.3)';
const MEDIAN = 'rgb(31,119,180)';

/**
 * A server metric over the run, one point per server timeslice (at its midpoint): histograms as p50 with p95 and
 * p99 bands estimated from that slice's buckets; gauges as the average within the min–max range; counters as the
 * rate. The y metric is any server metric by name (`vllm:time_to_first_token_seconds`); with several series (label
 * sets, endpoints) the one with the most data is drawn and the others are named in a note.
 */
export const percentileBandsPlot: PlotTypeDefinition = {
  name: 'percentile_bands',
  describe: () => 'Server-metric p50 line with p95/p99 bands (histograms) or min–max range (gauges) over time.',
  buildSingleRun(context): SpecResult {
    const data = context.run.serverMetrics;
    if (!data) return { skip: 'the run has no server_metrics_export.json', dataAbsent: true };
    const metricName = parseMetricRef(context.preset.y)?.metric;
    if (!metricName) return { skip: 'preset needs a y metric (a server metric name)' };
    const metric = data.metrics[metricName];
    // Presets name one server's metrics (vLLM by default); another server simply has none of them.
    if (!metric) return { skip: `the server exported no '${metricName}'`, dataAbsent: true };
    const series = [...metric.series].sort((a, b) => (b.timeslices?.length ?? 0) - (a.timeslices?.length ?? 0))[0];
    const slices = series?.timeslices ?? [];
    if (!series || slices.length === 0) return { skip: `'${metricName}' has no timeslices`, dataAbsent: true };
    return { spec: bandsSpec(context, metricName, metric.type, metric.unit ?? undefined, series, slices, metric.series.length) };
  },
};

function bandsSpec(context: SingleRunContext, name: string, type: string, unit: string | undefined, series: Series, slices: readonly Slice[], seriesCount: number) {
  const origin = Number(slices[0]?.start_ns ?? 0);
  const x = slices.map((slice) => (Number(slice.start_ns) + Number(slice.end_ns)) / 2 / 1e9 - origin / 1e9);
  const bands = slices.map((slice) => bandsOf(type, slice));
  const label = `${serverMetricDisplayName(name)}${unit ? ` (${unit})` : ''}`;
  const spec = baseSpec(context, `${serverMetricDisplayName(name)}: Percentile Bands Over Time`, axis('Time (s)', false), axis(label, type === 'counter'));
  const line = (partial: Partial<SeriesSpec> & Pick<SeriesSpec, 'name' | 'y'>): SeriesSpec => ({
    showInLegend: true, style: 'lines', color: MEDIAN, lineWidth: 0, markerSize: 0, axis: 'y', x, ...partial,
  });
  const isHistogram = type === 'histogram';
  spec.series.push(
    line({ name: isHistogram ? 'p95–p99' : 'avg–max', y: bands.map((b) => b.high), fillToY: bands.map((b) => b.mid) as number[], fillColor: BAND_OUTER, color: BAND_OUTER }),
    line({ name: isHistogram ? 'p50–p95' : 'min–avg', y: bands.map((b) => b.mid), fillToY: bands.map((b) => b.low) as number[], fillColor: BAND_INNER, color: BAND_INNER }),
    line({ name: isHistogram ? 'p50' : type === 'counter' ? 'rate' : 'avg', y: bands.map((b) => b.median), lineWidth: 2.5 }),
  );
  spec.footnotes.push(isHistogram ? 'Shaded bands show percentiles over time (estimated from the histogram buckets of each timeslice)' : 'Shaded bands show the min/avg/max range over time');
  if (seriesCount > 1) spec.notes.push(`${name}: drew the series ${JSON.stringify(series.labels ?? {})} of ${seriesCount}`);
  return spec;
}

/** Per slice: the line (`median`) and the band edges `low` ≤ `mid` ≤ `high` (null where the slice has no data). */
function bandsOf(type: string, slice: Slice): { low: number | null; mid: number | null; high: number | null; median: number | null } {
  const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  if (type === 'counter') {
    const rate = num(slice.rate);
    return { low: rate, mid: rate, high: rate, median: rate };
  }
  if (type !== 'histogram') return { low: num(slice.min), mid: num(slice.avg), high: num(slice.max), median: num(slice.avg) };
  const buckets = (slice.buckets ?? {}) as Record<string, number>;
  const entries = Object.entries(buckets).map(([le, count]) => [le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), count] as const).sort((a, b) => a[0] - b[0]);
  const bounds = entries.map(([bound]) => bound);
  const cumulative = entries.map(([, count]) => count);
  const at = (q: number) => num(histogramQuantile(bounds, cumulative, q, num(slice.sum) ?? undefined)) ?? num(slice.avg);
  const p50 = at(0.5);
  return { low: p50, mid: at(0.95), high: at(0.99), median: p50 };
}
