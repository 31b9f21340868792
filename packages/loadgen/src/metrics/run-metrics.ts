import type { RunMetric, RunValues } from './types.js';

// Run-level metrics: aggregates over the records, then values derived from those.

/** A send more than this late against its schedule counts as late (timers have ~1 ms granularity). */
export const LATE_SEND_THRESHOLD_NS = 1_000_000;

const durationSeconds = (run: RunValues): number | undefined => {
  const ns = run.scalar('benchmark_duration');
  return typeof ns === 'number' && ns > 0 ? ns / 1e9 : undefined;
};

const perSecond = (numerator: number | bigint | undefined, run: RunValues): number | undefined => {
  const seconds = durationSeconds(run);
  return numerator === undefined || seconds === undefined ? undefined : Number(numerator) / seconds;
};

const total = (tag: string, header: string, recordTag: string, extraFlags: RunMetric['flags'] = []): RunMetric => ({
  tag, header, unit: 'tokens', displayUnit: 'tokens', kind: 'derived',
  flags: ['produces_tokens', 'larger_is_better', 'no_console', ...extraFlags],
  compute: (run) => run.sum(recordTag),
});

export const runMetrics: RunMetric[] = [
  {
    tag: 'request_count', header: 'Request Count', unit: 'requests', displayUnit: 'requests', displayOrder: 1100,
    kind: 'aggregate', flags: ['larger_is_better', 'no_record_export'], compute: (run) => run.validCount,
  },
  {
    tag: 'error_request_count', header: 'Error Request Count', unit: 'requests', displayUnit: 'requests',
    kind: 'aggregate', flags: ['error_only', 'no_record_export'],
    compute: (run) => (run.errorCount > 0 ? run.errorCount : undefined),
  },
  {
    tag: 'good_request_count', header: 'Good Request Count', unit: 'requests', displayUnit: 'requests',
    kind: 'aggregate', flags: ['goodput', 'no_console', 'no_record_export'], compute: (run) => run.goodRequestCount,
  },
  {
    // Requests the schedule could not send on time (request-rate mode): reported, never hidden.
    tag: 'late_request_count', header: 'Late Request Count', unit: 'requests', displayUnit: 'requests',
    kind: 'aggregate', flags: ['no_console', 'no_record_export'],
    compute: (run) => (run.context.scheduled ? run.lateCount : undefined),
  },
  {
    tag: 'min_request_timestamp', header: 'Minimum Request Timestamp', unit: 'ns', displayUnit: 'ns',
    kind: 'aggregate', flags: ['no_console', 'no_record_export'],
    compute: (run) => run.minRequestEpochNs,
  },
  {
    tag: 'max_response_timestamp', header: 'Maximum Response Timestamp', unit: 'ns', displayUnit: 'ns',
    kind: 'aggregate', flags: ['no_console', 'no_record_export'],
    // Start plus request latency (the last response; the end of the request when there was none).
    compute: (run) => run.maxResponseEpochNs,
  },
  {
    tag: 'benchmark_duration', header: 'Benchmark Duration', unit: 'ns', displayUnit: 'sec', kind: 'derived',
    flags: ['no_console'],
    compute: (run) => {
      const min = run.scalar('min_request_timestamp');
      const max = run.scalar('max_response_timestamp');
      return typeof min === 'bigint' && typeof max === 'bigint' ? Number(max - min) : undefined;
    },
  },
  total('total_output_tokens', 'Total Output Tokens', 'output_token_count'),
  total('total_reasoning_tokens', 'Total Reasoning Tokens', 'reasoning_token_count', ['supports_reasoning']),
  total('total_osl', 'Total Output Sequence Length', 'output_sequence_length'),
  total('total_isl', 'Total Input Sequence Length', 'input_sequence_length'),
  {
    ...total('total_error_isl', 'Total Error Input Sequence Length', 'error_isl', ['error_only']),
    flags: ['produces_tokens', 'error_only', 'no_console'],
  },
  {
    tag: 'output_token_throughput', header: 'Output Token Throughput', unit: 'tokens/sec', displayUnit: 'tokens/sec',
    displayOrder: 800, kind: 'derived', flags: ['produces_tokens', 'larger_is_better'],
    compute: (run) => perSecond(run.scalar('total_osl'), run),
  },
  {
    tag: 'output_token_throughput_per_gpu', header: 'Output Token Throughput Per GPU', unit: 'tokens/sec/gpu',
    displayUnit: 'tokens/sec/gpu', displayOrder: 850, kind: 'derived', flags: ['produces_tokens', 'larger_is_better'],
    compute: (run) => {
      const throughput = run.scalar('output_token_throughput');
      const gpus = run.context.gpuCount;
      return typeof throughput === 'number' && gpus ? throughput / gpus : undefined;
    },
  },
  {
    tag: 'request_throughput', header: 'Request Throughput', unit: 'requests/sec', displayUnit: 'requests/sec',
    displayOrder: 900, kind: 'derived', flags: ['larger_is_better'],
    compute: (run) => perSecond(run.scalar('request_count'), run),
  },
  {
    tag: 'goodput', header: 'Goodput', unit: 'requests/sec', displayUnit: 'requests/sec', displayOrder: 1000,
    kind: 'derived', flags: ['goodput', 'larger_is_better'],
    compute: (run) => perSecond(run.scalar('good_request_count'), run),
  },
];
