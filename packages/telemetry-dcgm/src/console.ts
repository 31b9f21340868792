// The "GPU Telemetry Summary" console section. Pure: returns text.
import { DCGM_FIELDS } from './dcgm-fields.js';
import type { EndpointOutcome, TelemetryData } from './summary.js';
import { formatStat, renderTable } from './table.js';

const STAT_COLUMNS = ['avg', 'min', 'max', 'p99', 'p90', 'p50', 'std'] as const;

export function renderTelemetryConsole(data: TelemetryData, endpoints: readonly EndpointOutcome[]): string {
  const reachable = endpoints.filter((endpoint) => endpoint.successfulScrapes > 0).length;
  const lines = [
    '', // a blank line after the main metrics table
    'AIPerf | GPU Telemetry Summary',
    `${reachable}/${endpoints.length} telemetry sources reachable`,
    ...endpoints.map((endpoint) =>
      endpoint.successfulScrapes > 0 ? `  ✔ ${endpoint.url}` : `  ✘ ${endpoint.url}${endpoint.lastError ? ` (${endpoint.lastError})` : ''}`,
    ),
  ];
  for (const [key, endpoint] of Object.entries(data.endpoints)) {
    for (const gpu of Object.values(endpoint.gpus)) {
      const rows = DCGM_FIELDS.filter((spec) => gpu.metrics[spec.field]).map((spec) => {
        const stats = gpu.metrics[spec.field] as unknown as Record<string, number | undefined>;
        return [`${spec.displayName} (${spec.unit})`, ...STAT_COLUMNS.map((column) => formatStat(stats[column]))];
      });
      const title = `${key} | GPU ${gpu.gpu_index} | ${gpu.gpu_name ?? 'unknown GPU'}`;
      lines.push('', renderTable({ title, headers: ['Metric', ...STAT_COLUMNS], rows }));
    }
  }
  if (reachable > 0 && Object.keys(data.endpoints).length === 0) lines.push('', 'No GPU samples fell inside the profiling window.');
  return `${lines.join('\n')}\n`;
}
