// server_metrics_export.csv: AIPerf's layout — `#` metadata lines, then one section per type (gauge, counter,
// histogram, unknown) separated by a blank line, labels expanded into columns, and an `info` section for
// `*_info` gauges (their labels are configuration, one row per label). Pure.
import type { ServerMetricsExport, ServerMetricSeries } from './summary.js';

const GAUGE_KEYS = ['avg', 'min', 'max', 'std', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'];
const STAT_KEYS: Record<string, readonly string[]> = {
  gauge: GAUGE_KEYS,
  unknown: GAUGE_KEYS,
  counter: ['total', 'rate', 'rate_avg', 'rate_min', 'rate_max', 'rate_std'],
  histogram: ['count', 'count_rate', 'sum', 'sum_rate', 'avg', ...[1, 5, 10, 25, 50, 75, 90, 95, 99].map((p) => `p${p}_estimate`)],
};

interface Row {
  metric: string;
  unit: string | null;
  description: string;
  series: ServerMetricSeries;
}

export function serverMetricsCsv(data: ServerMetricsExport): string {
  const lines = [
    '# AIPerf Server Metrics Export (CSV)',
    `# aiperf_version: ${data.aiperf_version ?? 'unknown'}`,
    `# schema_version: ${data.schema_version}`,
    `# benchmark_id: ${data.benchmark_id ?? ''}`,
    '#',
  ];
  const byType = new Map<string, Row[]>();
  const info: Row[] = [];
  for (const [metric, entry] of Object.entries(data.metrics)) {
    for (const series of entry.series) {
      const row = { metric, unit: entry.unit, description: entry.description, series };
      if (entry.type === 'gauge' && metric.endsWith('_info')) info.push(row);
      else byType.set(entry.type, [...(byType.get(entry.type) ?? []), row]);
    }
  }
  const sections: string[][] = [];
  for (const type of ['gauge', 'counter', 'histogram', 'unknown']) {
    const rows = byType.get(type);
    if (rows) sections.push(section(type, rows));
  }
  if (info.length > 0) sections.push(infoSection(info));
  return `${[...lines, sections.map((section) => section.join('\n')).join('\n\n')].join('\n')}\n`;
}

function section(type: string, rows: readonly Row[]): string[] {
  const statKeys = STAT_KEYS[type] ?? GAUGE_KEYS;
  const labelKeys = [...new Set(rows.flatMap((row) => Object.keys(row.series.labels ?? {})))].sort();
  const header = ['Endpoint', 'Type', 'Metric', 'Unit', ...statKeys, ...labelKeys, 'Description', ...(type === 'histogram' ? ['buckets'] : [])];
  const body = rows.map((row) => {
    const stats = row.series.stats;
    const labels = row.series.labels ?? {};
    const cells = [
      endpointDisplay(row.series.endpoint_url), type, row.metric, row.unit ?? '',
      ...statKeys.map((key) => formatNumber(stats[key])),
      ...labelKeys.map((key) => labels[key] ?? ''),
      row.description,
    ];
    if (type === 'histogram') cells.push(Object.entries(row.series.buckets ?? {}).map(([le, count]) => `${le}=${formatNumber(count)}`).join(';'));
    return cells;
  });
  return [header, ...body].map(csvLine);
}

function infoSection(rows: readonly Row[]): string[] {
  const body = rows.flatMap((row) =>
    Object.keys(row.series.labels ?? {}).sort().map((key) => [endpointDisplay(row.series.endpoint_url), row.metric, key, row.series.labels?.[key] ?? '', row.description]),
  );
  return [['Endpoint', 'Metric', 'Key', 'Value', 'Description'], ...body].map(csvLine);
}

/** `http://host:port/metrics` → `host:port` (the path too when it is not `/metrics`). */
export function endpointDisplay(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname === '/metrics' ? parsed.host : `${parsed.host}${parsed.pathname}`;
}

/** Integers as they are, other numbers with 4 decimals, missing ones empty. */
function formatNumber(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : value.toFixed(4);
}

function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}
