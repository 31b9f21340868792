import { formatConsoleNumber, renderBoxTable } from '@aiperf/loadgen';
import { confidenceMetrics } from '../artifacts/metrics.js';

/** The statistics a reader compares across runs, in display order; those a run lacks are left out. */
export const HEADLINE_METRICS = [
  'time_to_first_token.avg', 'time_to_first_token.p99',
  'inter_token_latency.avg', 'inter_token_latency.p99',
  'request_latency.avg', 'request_latency.p99',
  'output_token_throughput_per_user.avg',
  'output_token_throughput.avg', 'request_throughput.avg', 'goodput.avg',
  'cost_per_million_output_tokens.avg', 'cost_per_request.avg',
] as const;

/** Headline rows of a confidence aggregate: metric, mean, ± half the interval, std, cv, min, max (formatted). */
export function aggregateRows(aggregate: Record<string, unknown>): { columns: string[]; rows: string[][]; title: string } {
  const metadata = (aggregate.metadata ?? {}) as Record<string, unknown>;
  const raw = (aggregate.metrics ?? {}) as Record<string, Record<string, unknown>>;
  const table = confidenceMetrics(raw);
  const rows = HEADLINE_METRICS.filter((name) => table.has(name)).map((name) => {
    const value = table.get(name)!;
    const entry = raw[name.replace('.', '_')] ?? {};
    const num = (key: string) => (typeof entry[key] === 'number' ? formatConsoleNumber(entry[key] as number) : 'N/A');
    const half = value.ci ? formatConsoleNumber((value.ci.high - value.ci.low) / 2) : 'N/A';
    const cv = typeof entry.cv === 'number' ? `${(entry.cv * 100).toFixed(1)}%` : 'N/A';
    return [value.unit ? `${name} (${value.unit})` : name, formatConsoleNumber(value.value), `± ${half}`, num('std'), cv, num('min'), num('max')];
  });
  const level = typeof metadata.confidence_level === 'number' ? `${Math.round(metadata.confidence_level * 100)}% CI` : 'CI';
  const runs = typeof metadata.num_successful_runs === 'number' ? `${metadata.num_successful_runs} runs, ` : '';
  return { columns: ['Metric', 'mean', level, 'std', 'cv', 'min', 'max'], rows, title: `${runs}${level}` };
}

/** The multi-run aggregate on the console (pure; `aggregate` is profile_export_aiperf_aggregate.json). */
export function renderAggregateTable(aggregate: Record<string, unknown>, title = 'Multi-Run Aggregate'): string {
  const { columns, rows, title: detail } = aggregateRows(aggregate);
  return renderBoxTable(`NVIDIA AIPerf | ${title} (${detail})`, columns, rows, columns.map(() => 'right' as const));
}
