import type { MetricRef, PlotPreset } from '../config/types.js';
import { KNOWN_STATS } from '../config/types.js';
import type { PlotMode } from '../index.js';
import type { ThemeColors } from '../theme.js';
import type { RunRequests } from '../types.js';
import { PNG_SIZE, type AxisSpec, type ChartSpec } from './types.js';

/** `request_latency_p50` → {metric: request_latency, stat: p50}; mappings pass through. */
export function parseMetricRef(ref: MetricRef | undefined, fallbackStat?: string): { metric: string; stat?: string } | null {
  if (ref === undefined) return null;
  if (typeof ref !== 'string') return { metric: ref.metric, ...((ref.stat ?? fallbackStat) ? { stat: ref.stat ?? fallbackStat } : {}) };
  const cut = ref.lastIndexOf('_');
  const tail = ref.slice(cut + 1);
  if (cut > 0 && KNOWN_STATS.includes(tail)) return { metric: ref.slice(0, cut), stat: tail };
  return { metric: ref, ...(fallbackStat ? { stat: fallbackStat } : {}) };
}

export function axis(label: string, beginAtZero: boolean, extra: Partial<AxisSpec> = {}): AxisSpec {
  return { label, beginAtZero, ...extra };
}

/** Axes that count things start at zero; everything else fits the data. */
const COUNT_METRIC = /count|concurrency/;

/**
 * Whether an axis fits the data (with padding) rather than starting at zero. Latencies of 3,500–3,900 ms on a
 * zero-based axis use a tenth of the plot; zero is kept only where it means something (counts). A preset's
 * `autoscale` decides explicitly: the axes it names fit the data, the others start at zero.
 */
export function fitsData(preset: PlotPreset, which: 'x' | 'y', metric?: string): boolean {
  if (preset.autoscale !== undefined) return preset.autoscale === 'both' || preset.autoscale === which;
  return !(metric !== undefined && COUNT_METRIC.test(metric));
}

export interface SpecFrame {
  name: string;
  preset: PlotPreset;
  mode: PlotMode;
  theme: ThemeColors;
}

/** The fields every chart shares; builders fill in axes and series. */
export function baseSpec(frame: SpecFrame, defaultTitle: string, x: AxisSpec, y: AxisSpec): ChartSpec {
  return {
    name: frame.name,
    type: frame.preset.type,
    mode: frame.mode,
    theme: frame.theme.name,
    title: frame.preset.title ?? defaultTitle,
    ...PNG_SIZE,
    legend: frame.mode === 'multi_run' ? 'right' : 'inside',
    x: { ...x, label: frame.preset.x_label ?? x.label, ...(frame.mode === 'single_run' && !x.ticks ? { fitData: true } : {}) },
    y: { ...y, label: frame.preset.y_label ?? y.label },
    series: [],
    footnotes: [],
    notes: [],
  };
}

/**
 * A per-request column by name: any metric tag of the records, or a derived x column (`request_number`,
 * `timestamp` = seconds from the first request end, `request_start_ns` = seconds from the first start).
 * Null when the run has no finite value for it.
 */
export function requestColumn(requests: RunRequests, name: string): Float64Array | null {
  let column = requests.columns[name];
  if (name === 'request_number') column = Float64Array.from({ length: requests.count }, (_, i) => i);
  if (name === 'timestamp') column = secondsSinceMin(requests.requestEndOffsetNs);
  if (name === 'request_start_ns') column = secondsSinceMin(requests.requestStartOffsetNs);
  if (!column?.some(Number.isFinite)) return null;
  return column;
}

/**
 * The per-request column a reference names. Per-request names may end like a statistic
 * (`inter_chunk_latency_p95`), so the whole name wins when the records have it; else the metric part.
 */
export function requestMetricName(requests: RunRequests | null, ref: MetricRef | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const whole = typeof ref === 'string' ? ref : ref.metric;
  if (requests?.columns[whole]) return whole;
  return parseMetricRef(ref)?.metric;
}

/** (value − min value) / 1e9: ns offsets to seconds from the earliest one. */
export function secondsSinceMin(offsetsNs: Float64Array): Float64Array {
  let min = Number.POSITIVE_INFINITY;
  for (const value of offsetsNs) if (value < min) min = value;
  return offsetsNs.map((value) => (value - min) / 1e9);
}

export const requestUnit = (requests: RunRequests, metric: string): string | undefined => requests.units[metric];
