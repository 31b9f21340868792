import type { RunCell } from '../artifacts/types.js';
import { summaryMetrics } from '../artifacts/metrics.js';
import type { RequestPoint } from './run-files.js';
import type { ChartSpec, ReportErrorRow } from './types.js';

const OVER_TIME = [
  ['time_to_first_token', 'Time to first token', 'TTFT (ms)'],
  ['inter_token_latency', 'Inter-token latency', 'ITL (ms)'],
  ['request_latency', 'Request latency', 'latency (ms)'],
] as const;

/** Single run: one point per request over the run, for each latency metric the records carry. */
export function overTimeCharts(points: readonly RequestPoint[]): ChartSpec[] {
  return OVER_TIME.flatMap(([tag, title, yLabel]) => {
    const series = points.filter((p) => p.metrics[tag] !== undefined).map((p): [number, number] => [p.atS, p.metrics[tag]!]);
    return series.length === 0 ? [] : [{ id: `${tag}-over-time`, title: `${title} per request`, type: 'scatter' as const, xLabel: 'time since start (s)', yLabel, series: [{ label: tag, points: series }] }];
  });
}

const PER_RUN = [
  ['time_to_first_token.avg', 'TTFT avg per run', 'ms'],
  ['request_latency.p99', 'Request latency p99 per run', 'ms'],
  ['output_token_throughput.avg', 'Output token throughput per run', 'tokens/sec'],
] as const;

/** Multi-run: a bar per run for a few headline statistics, to show the run-to-run spread. */
export function perRunCharts(runs: ReadonlyArray<{ label: string; summary: Record<string, unknown> }>): ChartSpec[] {
  const tables = runs.map((r) => summaryMetrics(r.summary));
  return PER_RUN.flatMap(([key, title, unit]) => {
    const points = tables.map((t, i): [number, number] | null => (t.has(key) ? [i, t.get(key)!.value] : null)).filter((p): p is [number, number] => p !== null);
    return points.length === 0 ? [] : [{
      id: key.replace('.', '-'), title, type: 'bar' as const, xLabel: 'run', yLabel: unit,
      categories: runs.map((r) => r.label), series: [{ label: key, points }],
    }];
  });
}

/** Sweep: metrics against the swept parameter, and the throughput/latency trade-off. */
export function sweepCharts(cells: readonly RunCell[]): ChartSpec[] {
  const parameter = Object.keys(cells[0]?.parameters ?? {})[0];
  if (parameter === undefined) return [];
  const x = (cell: RunCell) => Number(cell.parameters?.[parameter]);
  const series = (key: string) => ({
    label: key,
    points: cells.filter((c) => c.metrics.has(key) && Number.isFinite(x(c))).map((c): [number, number] => [x(c), c.metrics.get(key)!.value]).sort((a, b) => a[0] - b[0]),
  });
  const tradeOff = cells
    .filter((c) => c.metrics.has('time_to_first_token.p99') && c.metrics.has('output_token_throughput.avg'))
    .map((c): [number, number] => [c.metrics.get('output_token_throughput.avg')!.value, c.metrics.get('time_to_first_token.p99')!.value]);
  const charts: ChartSpec[] = [
    { id: 'sweep-latency', title: `Latency vs ${parameter}`, type: 'line', xLabel: parameter, yLabel: 'ms', series: [series('time_to_first_token.p99'), series('request_latency.p99'), series('inter_token_latency.avg')] },
    { id: 'sweep-throughput', title: `Throughput vs ${parameter}`, type: 'line', xLabel: parameter, yLabel: 'tokens/sec', series: [series('output_token_throughput.avg')] },
    { id: 'sweep-trade-off', title: 'TTFT p99 vs output token throughput', type: 'scatter', xLabel: 'output tokens/sec', yLabel: 'TTFT p99 (ms)', series: [{ label: 'cells', points: tradeOff }] },
  ];
  return charts.map((c) => ({ ...c, series: c.series.filter((s) => s.points.length > 0) })).filter((c) => c.series.length > 0);
}

/** The error summaries of the runs, merged by code, type and message. */
export function errorRows(summaries: ReadonlyArray<Record<string, unknown>>): ReportErrorRow[] {
  const merged = new Map<string, ReportErrorRow>();
  for (const summary of summaries) {
    const list = Array.isArray(summary.error_summary) ? summary.error_summary : [];
    for (const entry of list as Array<{ error_details?: { code?: unknown; type?: unknown; message?: unknown }; count?: unknown }>) {
      const d = entry.error_details ?? {};
      const row = { code: d.code == null ? 'N/A' : String(d.code), type: d.type ? String(d.type) : 'N/A', message: String(d.message ?? ''), count: Number(entry.count ?? 0) };
      const key = `${row.code}\u0000${row.type}\u0000${row.message}`;
      const seen = merged.get(key);
      if (seen) seen.count += row.count;
      else merged.set(key, row);
    }
  }
  return [...merged.values()];
}
