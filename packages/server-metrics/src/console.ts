// The "Server Metrics Summary" console section: sources tried, then one compact table of the key metrics
// (queue time, running/waiting, KV-cache usage, prefix-cache hit rate, preemptions, server-side TTFT/ITL). Pure.
import { formatStat, renderTable } from '@aiperf/telemetry-dcgm';
import type { EndpointStatus } from './endpoint-state.js';
import { KEY_METRICS, type KeyMetric } from './key-metrics.js';
import type { ServerMetricsExport } from './summary.js';

const COLUMNS = ['avg', 'min', 'p50', 'p90', 'p99', 'max'] as const;
type Cells = Partial<Record<(typeof COLUMNS)[number], number>>;

export function renderServerMetricsConsole(data: ServerMetricsExport, endpoints: readonly EndpointStatus[]): string {
  const tried = endpoints.filter((endpoint) => endpoint.state !== 'dropped' || !endpoint.optional);
  const reachable = tried.filter((endpoint) => endpoint.successfulScrapes > 0);
  const lines = [
    '',
    'AIPerf | Server Metrics Summary',
    `${reachable.length}/${tried.length} server metrics sources reachable`,
    ...tried.map((endpoint) =>
      endpoint.successfulScrapes > 0 ? `  ✔ ${endpoint.url}` : `  ✘ ${endpoint.url}${endpoint.lastError ? ` (${endpoint.lastError})` : ''}`,
    ),
  ];
  const rows = KEY_METRICS.flatMap((metric) => {
    const found = keyMetricCells(data, metric);
    if (!found) return [];
    return [[`${metric.label} (${metric.unit})`, found.source, ...COLUMNS.map((column) => formatStat(found.cells[column]))]];
  });
  if (rows.length > 0) lines.push('', renderTable({ title: 'Server-side key metrics (profiling window)', headers: ['Metric', 'Source', ...COLUMNS], rows }));
  else if (reachable.length > 0) lines.push(`${Object.keys(data.metrics).length} metric families collected; none of the vLLM/SGLang/TRT-LLM key metrics among them`);
  return `${lines.join('\n')}\n`;
}

/** The display values of one key metric from its first series (in display units), or undefined when absent. */
export function keyMetricCells(data: ServerMetricsExport, metric: KeyMetric): { source: string; cells: Cells } | undefined {
  const scaled = (cells: Record<string, number | undefined>): Cells =>
    Object.fromEntries(Object.entries(cells).filter(([, v]) => v !== undefined).map(([k, v]) => [k, (v as number) * metric.scale]));
  if (metric.kind === 'hit-rate') {
    const [hits, queries] = [data.metrics[metric.names[0] as string], data.metrics[metric.names[1] as string]];
    const hitTotal = hits?.series[0]?.stats.total;
    const queryTotal = queries?.series[0]?.stats.total;
    if (hitTotal !== undefined && queryTotal !== undefined) {
      return { source: metric.names[0] as string, cells: queryTotal > 0 ? scaled({ avg: hitTotal / queryTotal }) : {} };
    }
    return gaugeCells(data, metric.names.slice(2), scaled);
  }
  if (metric.kind === 'gauge') return gaugeCells(data, metric.names, scaled);
  const name = metric.names.find((candidate) => data.metrics[candidate]?.series[0]);
  const stats = name ? data.metrics[name]?.series[0]?.stats : undefined;
  if (!name || !stats) return undefined;
  if (metric.kind === 'counter-total') return { source: name, cells: scaled({ avg: stats.total }) };
  if (metric.kind === 'counter-rate') return { source: name, cells: scaled({ avg: stats.rate }) };
  return { source: name, cells: scaled({ avg: stats.avg, p50: stats.p50_estimate, p90: stats.p90_estimate, p99: stats.p99_estimate }) };
}

function gaugeCells(data: ServerMetricsExport, names: readonly string[], scaled: (cells: Record<string, number | undefined>) => Cells) {
  const name = names.find((candidate) => data.metrics[candidate]?.series[0]);
  const stats = name ? data.metrics[name]?.series[0]?.stats : undefined;
  if (!name || !stats) return undefined;
  return { source: name, cells: scaled({ avg: stats.avg, min: stats.min, p50: stats.p50, p90: stats.p90, p99: stats.p99, max: stats.max }) };
}
