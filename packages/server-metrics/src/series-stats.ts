// One series' statistics over the profiling window, in the shapes of AIPerf's server_metrics_export.json:
// gauges as exact percentiles of their samples, counters as increases and rates, histograms as increases
// with percentiles estimated from the buckets; each also per timeslice. Pure.
import { seriesStats } from '@aiperf/telemetry-dcgm';
import { increasesOf, type Increase } from './deltas.js';
import { boundKey, histogramQuantile, mean, PERCENTILES, sampleStd } from '@aiperf/stats';
import type { MetricsStore, StoredSeries } from './store.js';
import type { EndpointWindow } from './window.js';

const SLICE_PERCENTILES = [50, 90, 95, 99] as const;

/** A timeslice as offsets from the store base, with its epoch-ns edges for the export. */
export interface SliceWindow {
  startOffsetNs: number;
  endOffsetNs: number;
  startNs: bigint;
  endNs: bigint;
  complete: boolean;
}

export type Stats = Record<string, number>;
export interface SeriesSummary {
  stats: Stats;
  buckets?: Record<string, number>;
  timeslices?: Record<string, unknown>[];
}

export function summarizeSeries(store: MetricsStore, series: StoredSeries, window: EndpointWindow, slices: readonly SliceWindow[]): SeriesSummary | undefined {
  if (series.type === 'counter') return summarizeCounter(increasesOf(store, series, window), slices);
  if (series.type === 'histogram') return summarizeHistogram(increasesOf(store, series, window), series.bounds as number[], slices);
  return summarizeGauge(store, series, window, slices);
}

function summarizeGauge(store: MetricsStore, series: StoredSeries, window: EndpointWindow, slices: readonly SliceWindow[]): SeriesSummary | undefined {
  const offsets = store.endpoints.get(series.endpointUrl)?.offsetsNs;
  const values: number[] = [];
  const times: number[] = [];
  store.forEachSample(series, window.first, window.lastInside, (sample) => {
    values.push(sample.value);
    times.push(offsets?.at(sample.scrape) ?? 0);
  });
  const all = seriesStats(values);
  if (!all) return undefined;
  const { count: _count, ...stats } = all;
  const bySlice = groupBySlice(values, times, slices, false);
  const timeslices = slices.flatMap((slice, i) => {
    const inSlice = bySlice[i] as number[];
    if (inSlice.length === 0) return [];
    return [{ ...sliceEdges(slice), avg: mean(inSlice), min: Math.min(...inSlice), max: Math.max(...inSlice) }];
  });
  return { stats, ...(timeslices.length > 0 ? { timeslices } : {}) };
}

function summarizeCounter(increases: readonly Increase[], slices: readonly SliceWindow[]): SeriesSummary | undefined {
  if (increases.length === 0) return undefined;
  const total = sumOf(increases.map((step) => step.value));
  const seconds = spanSeconds(increases);
  const stats: Stats = { total, rate: seconds > 0 ? total / seconds : 0 };
  if (total > 0) {
    const rates = increases.map((step) => step.value / Math.max(1e-9, (step.toOffsetNs - step.fromOffsetNs) / 1e9));
    Object.assign(stats, { rate_avg: mean(rates), rate_min: Math.min(...rates), rate_max: Math.max(...rates), rate_std: sampleStd(rates) });
  }
  const bySlice = groupBySlice(increases, increases.map((step) => step.toOffsetNs), slices, true);
  const timeslices = slices.map((slice, i) => {
    const sliceTotal = sumOf((bySlice[i] as Increase[]).map((step) => step.value));
    return { ...sliceEdges(slice), total: sliceTotal, rate: sliceTotal / sliceSeconds(slice) };
  });
  return { stats, ...(timeslices.length > 0 ? { timeslices } : {}) };
}

function summarizeHistogram(increases: readonly Increase[], bounds: readonly number[], slices: readonly SliceWindow[]): SeriesSummary | undefined {
  if (increases.length === 0) return undefined;
  const whole = histogramTotals(increases, bounds);
  const seconds = spanSeconds(increases);
  const stats: Stats = whole.count > 0
    ? {
        count: whole.count, count_rate: seconds > 0 ? whole.count / seconds : 0, sum: whole.sum,
        sum_rate: seconds > 0 ? whole.sum / seconds : 0, avg: whole.sum / whole.count,
        ...Object.fromEntries(PERCENTILES.map((p) => [`p${p}_estimate`, histogramQuantile(bounds, whole.cumulative, p / 100, whole.sum)])),
      }
    : { count: 0 };
  const bySlice = groupBySlice(increases, increases.map((step) => step.toOffsetNs), slices, true);
  const timeslices = slices.map((slice, i) => {
    const part = histogramTotals(bySlice[i] as Increase[], bounds);
    // Percentile estimates per slice too (not in AIPerf's schema, which leaves them to the reader of `buckets`).
    const estimates = part.count > 0 ? Object.fromEntries(SLICE_PERCENTILES.map((p) => [`p${p}_estimate`, histogramQuantile(bounds, part.cumulative, p / 100, part.sum)])) : {};
    return { ...sliceEdges(slice), count: part.count, sum: part.sum, avg: part.count > 0 ? part.sum / part.count : 0, ...estimates, buckets: bucketMap(bounds, part.cumulative) };
  });
  return { stats, buckets: bucketMap(bounds, whole.cumulative), ...(timeslices.length > 0 ? { timeslices } : {}) };
}

function histogramTotals(increases: readonly Increase[], bounds: readonly number[]): { count: number; sum: number; cumulative: number[] } {
  const cumulative = bounds.map(() => 0);
  let count = 0;
  let sum = 0;
  for (const step of increases) {
    count += step.value;
    sum += step.sum;
    step.buckets?.forEach((value, i) => {
      cumulative[i] = (cumulative[i] as number) + value;
    });
  }
  return { count, sum, cumulative };
}

/**
 * Items by slice, in one pass over ascending times. With `keepLateInLast`, items after the last slice (the final
 * scrape just after the window, holding the end state) count in the last slice; an item exactly at the window end
 * always does (the window is closed at both ends); earlier items are dropped.
 */
function groupBySlice<T>(items: readonly T[], timesNs: readonly number[], slices: readonly SliceWindow[], keepLateInLast: boolean): T[][] {
  const groups: T[][] = slices.map(() => []);
  let slice = 0;
  items.forEach((item, i) => {
    const time = timesNs[i] as number;
    while (slice < slices.length && time >= (slices[slice] as SliceWindow).endOffsetNs) slice++;
    if (slice < slices.length) {
      if (time >= (slices[slice] as SliceWindow).startOffsetNs) groups[slice]?.push(item);
    } else if (keepLateInLast || time === slices[slices.length - 1]?.endOffsetNs) groups[slices.length - 1]?.push(item);
  });
  return groups;
}

function bucketMap(bounds: readonly number[], cumulative: readonly number[]): Record<string, number> {
  return Object.fromEntries(bounds.map((bound, i) => [boundKey(bound), cumulative[i] as number]));
}

function sliceEdges(slice: SliceWindow): Record<string, unknown> {
  return { start_ns: slice.startNs, end_ns: slice.endNs, ...(slice.complete ? {} : { is_complete: false }) };
}

function sliceSeconds(slice: SliceWindow): number {
  return Math.max(1e-9, (slice.endOffsetNs - slice.startOffsetNs) / 1e9);
}

function spanSeconds(increases: readonly Increase[]): number {
  const first = increases[0];
  const last = increases[increases.length - 1];
  return first && last ? (last.toOffsetNs - first.fromOffsetNs) / 1e9 : 0;
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
