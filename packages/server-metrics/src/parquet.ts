// server_metrics_export.parquet in AIPerf's normalized layout: one row per series per scrape (histograms: one
// row per bucket), gauges raw, counters and histograms as cumulative increases from the reference scrape
// before the window (resets handled as in the JSON), each label a string column. Written with
// hyparquet-writer (pure JS, maintained, no engine limit, works on Node 20), imported when a file is written: it is
// ~50 modules (~0.05 s of CPU) that a run without the parquet export need not load.
import { increasesOf } from './deltas.js';
import { boundKey } from '@aiperf/stats';
import type { MetricsStore, StoredSeries } from './store.js';
import { inferUnit } from './units.js';
import { endpointWindow, type MetricsWindow } from './window.js';

const FIXED = ['endpoint_url', 'metric_name', 'metric_type', 'unit', 'description', 'timestamp_ns', 'value', 'sum', 'count', 'bucket_le', 'bucket_count'];

interface Columns {
  fixed: Record<string, unknown[]>;
  labels: Map<string, (string | null)[]>;
  rows: number;
}

export async function writeServerMetricsParquet(path: string, store: MetricsStore, window: MetricsWindow): Promise<void> {
  const columns: Columns = { fixed: Object.fromEntries(FIXED.map((name) => [name, []])), labels: new Map(), rows: 0 };
  for (const series of store.series.values()) addSeries(columns, store, series, window);
  const { parquetWriteFile } = await import('hyparquet-writer');
  parquetWriteFile({
    filename: path,
    columnData: [
      ...['endpoint_url', 'metric_name', 'metric_type'].map((name) => ({ name, data: columns.fixed[name] as string[], type: 'STRING' as const, nullable: false })),
      ...['unit', 'description', 'bucket_le'].map((name) => ({ name, data: columns.fixed[name] as (string | null)[], type: 'STRING' as const })),
      { name: 'timestamp_ns', data: columns.fixed.timestamp_ns as bigint[], type: 'INT64' as const, nullable: false },
      ...['value', 'sum', 'count', 'bucket_count'].map((name) => ({ name, data: columns.fixed[name] as (number | null)[], type: 'DOUBLE' as const })),
      // A label named like a fixed column keeps its data under `label_<name>`.
      ...[...columns.labels].map(([name, data]) => ({ name: FIXED.includes(name) ? `label_${name}` : name, data, type: 'STRING' as const })),
    ],
  });
}

function addSeries(columns: Columns, store: MetricsStore, series: StoredSeries, window: MetricsWindow): void {
  const endpointWin = endpointWindow(store, series.endpointUrl, window);
  if (!endpointWin) return;
  const description = store.families.get(series.family)?.help ?? null;
  const base = { endpoint_url: series.endpointUrl, metric_name: series.family, metric_type: series.type, unit: inferUnit(series.family, description ?? ''), description };
  const at = (offsetNs: number) => (store.baseNs as bigint) + BigInt(offsetNs);
  const offsets = store.endpoints.get(series.endpointUrl)?.offsetsNs;
  if (series.type === 'gauge' || series.type === 'unknown') {
    const from = endpointWin.reference >= 0 ? endpointWin.reference : endpointWin.first;
    store.forEachSample(series, from, endpointWin.last, (sample) => push(columns, series, { ...base, timestamp_ns: at(offsets?.at(sample.scrape) ?? 0), value: sample.value }));
    return;
  }
  let value = 0;
  let sum = 0;
  const buckets = series.bounds?.map(() => 0) ?? [];
  for (const step of increasesOf(store, series, endpointWin)) {
    value += step.value;
    sum += step.sum;
    step.buckets?.forEach((count, i) => {
      buckets[i] = (buckets[i] as number) + count;
    });
    const timestamp_ns = at(step.toOffsetNs);
    if (series.type === 'counter') push(columns, series, { ...base, timestamp_ns, value });
    else series.bounds?.forEach((bound, i) => push(columns, series, { ...base, timestamp_ns, sum, count: value, bucket_le: boundKey(bound), bucket_count: buckets[i] }));
  }
}

function push(columns: Columns, series: StoredSeries, row: Record<string, unknown>): void {
  for (const name of FIXED) (columns.fixed[name] as unknown[]).push(row[name] ?? null);
  for (const name of Object.keys(series.labels)) {
    if (!columns.labels.has(name)) columns.labels.set(name, new Array<string | null>(columns.rows).fill(null));
  }
  for (const [name, data] of columns.labels) data.push(series.labels[name] ?? null);
  columns.rows += 1;
}
