import { DCGM_FIELDS } from '@aiperf/telemetry-dcgm';
import { serverMetricDisplayName } from './load/server-metric-names.js';
import { isServerMetricName } from './load/server-metrics.js';

// Display names and units for axis labels: the metric registry's headers, and DCGM's for GPU telemetry fields.
export const METRIC_DISPLAY_NAMES: Record<string, string> = {
  time_to_first_token: 'Time to First Token',
  time_to_second_token: 'Time to Second Token',
  request_latency: 'Request Latency',
  inter_token_latency: 'Inter Token Latency',
  output_token_throughput_per_user: 'Output Token Throughput Per User',
  output_token_throughput_per_gpu: 'Output Token Throughput Per GPU',
  output_sequence_length: 'Output Sequence Length',
  input_sequence_length: 'Input Sequence Length',
  output_token_throughput: 'Output Token Throughput',
  request_throughput: 'Request Throughput',
  goodput: 'Goodput',
  request_count: 'Request Count',
  gpu_utilization: 'GPU Utilization',
  gpu_memory_used: 'GPU Memory Used',
  gpu_power_usage: 'GPU Power Usage',
};

const GPU_FIELDS = new Map(DCGM_FIELDS.map((field) => [field.field, field]));
for (const field of DCGM_FIELDS) METRIC_DISPLAY_NAMES[field.field] ??= field.displayName;

/** The unit of a GPU telemetry field (`°C`, `MHz`, …); undefined for fields DCGM does not list. */
export const gpuFieldUnit = (field: string): string | undefined => GPU_FIELDS.get(field)?.unit;

const FIXED_LABELS: Record<string, string> = {
  request_number: 'Request Number',
  timestamp: 'Time (seconds)',
  timestamp_s: 'Time (s)',
  Timeslice: 'Timeslice (s)',
  concurrency: 'Concurrency Level',
  throughput_tokens_per_sec: 'Output Token Throughput (tokens/sec)',
  gpu_utilization: 'GPU Utilization (%)',
  gpu_memory_used: 'GPU Memory Used (GB)',
  gpu_power_usage: 'GPU Power Usage (W)',
};

export const titleCase = (name: string): string =>
  name
    .split('_')
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');

export const displayName = (metric: string): string =>
  METRIC_DISPLAY_NAMES[metric] ?? (isServerMetricName(metric) ? serverMetricDisplayName(metric) : titleCase(metric));

/** `<display name>[ (<stat>)] (<unit>)`; the stat is shown only when it is not avg/value. */
export function axisLabel(metric: string, unit: string | undefined, stat?: string): string {
  const fixed = FIXED_LABELS[metric];
  if (fixed) return fixed;
  const statPart = stat && stat !== 'avg' && stat !== 'value' ? ` (${stat})` : '';
  return `${displayName(metric)}${statPart}${unit ? ` (${unit})` : ''}`;
}
