import type { RequestRecord } from '../records.js';
import type { RecordMetric } from './types.js';

// Per-request metrics, computed in base units (ns, tokens) for valid records.

const first = (r: RequestRecord) => (r.contentOffsetsNs.length > 0 ? r.contentOffsetsNs[0] : undefined);

export const outputSequenceLength = (r: RequestRecord): number | undefined =>
  r.outputTokenCount === null && r.reasoningTokenCount === null
    ? undefined
    : (r.outputTokenCount ?? 0) + (r.reasoningTokenCount ?? 0);

const requestLatency = (r: RequestRecord) => r.lastResponseOffsetNs ?? undefined;

const interTokenLatency = (r: RequestRecord): number | undefined => {
  const osl = outputSequenceLength(r);
  const ttft = first(r);
  const latency = requestLatency(r);
  if (osl === undefined || osl < 2 || ttft === undefined || latency === undefined) return undefined;
  return (latency - ttft) / (osl - 1);
};

export const recordMetrics: RecordMetric[] = [
  {
    tag: 'time_to_first_token', header: 'Time to First Token', unit: 'ns', displayUnit: 'ms', displayOrder: 100,
    kind: 'record', flags: ['streaming_only', 'produces_tokens'], compute: first,
  },
  {
    tag: 'time_to_second_token', header: 'Time to Second Token', unit: 'ns', displayUnit: 'ms', displayOrder: 200,
    kind: 'record', flags: ['streaming_only', 'produces_tokens'],
    compute: (r) => (r.contentOffsetsNs.length >= 2 ? r.contentOffsetsNs[1]! - r.contentOffsetsNs[0]! : undefined),
  },
  {
    // The first answer (non-reasoning) token; equal to TTFT when nothing reasons first. Always written, as AIPerf does.
    tag: 'time_to_first_output_token', header: 'Time to First Output Token', unit: 'ns', displayUnit: 'ms',
    displayOrder: 210, kind: 'record', flags: ['streaming_only', 'produces_tokens', 'supports_reasoning'],
    compute: (r) => r.firstOutputOffsetNs ?? undefined,
  },
  {
    tag: 'request_latency', header: 'Request Latency', unit: 'ns', displayUnit: 'ms', displayOrder: 300,
    kind: 'record', flags: [], compute: requestLatency,
  },
  {
    tag: 'inter_token_latency', header: 'Inter Token Latency', unit: 'ns', displayUnit: 'ms', displayOrder: 400,
    kind: 'record', flags: ['streaming_only', 'produces_tokens'], compute: interTokenLatency,
  },
  {
    tag: 'output_token_throughput_per_user', header: 'Output Token Throughput Per User', unit: 'tokens/sec/user',
    displayUnit: 'tokens/sec/user', displayOrder: 500, kind: 'record',
    flags: ['streaming_only', 'produces_tokens', 'larger_is_better'],
    compute: (r) => {
      const itlNs = interTokenLatency(r);
      return itlNs === undefined || itlNs <= 0 ? undefined : 1e9 / itlNs;
    },
  },
  {
    tag: 'output_sequence_length', header: 'Output Sequence Length', unit: 'tokens', displayUnit: 'tokens',
    displayOrder: 600, kind: 'record', flags: ['produces_tokens', 'larger_is_better'], compute: outputSequenceLength,
  },
  {
    tag: 'input_sequence_length', header: 'Input Sequence Length', unit: 'tokens', displayUnit: 'tokens',
    displayOrder: 700, kind: 'record', flags: ['produces_tokens', 'larger_is_better'],
    compute: (r) => r.inputTokenCount ?? undefined,
  },
  {
    tag: 'inter_chunk_latency', header: 'Inter Chunk Latency', unit: 'ns', displayUnit: 'ms', kind: 'record',
    flags: ['streaming_only', 'produces_tokens', 'no_console'],
    compute: (r) => {
      const offsets = r.contentOffsetsNs;
      if (offsets.length < 2) return undefined;
      const gaps: number[] = [];
      for (let i = 1; i < offsets.length; i++) gaps.push(offsets[i]! - offsets[i - 1]!);
      return gaps;
    },
  },
  {
    tag: 'output_token_count', header: 'Output Token Count', unit: 'tokens', displayUnit: 'tokens', kind: 'record',
    flags: ['produces_tokens', 'larger_is_better', 'no_console'], compute: (r) => r.outputTokenCount ?? undefined,
  },
  {
    tag: 'reasoning_token_count', header: 'Reasoning Token Count', unit: 'tokens', displayUnit: 'tokens',
    kind: 'record', flags: ['produces_tokens', 'larger_is_better', 'supports_reasoning', 'no_console'],
    compute: (r) => r.reasoningTokenCount ?? undefined,
  },
  {
    tag: 'error_isl', header: 'Error Input Sequence Length', unit: 'tokens', displayUnit: 'tokens', kind: 'record',
    flags: ['produces_tokens', 'error_only', 'no_console'], compute: (r) => r.inputTokenCount ?? undefined,
  },
];
