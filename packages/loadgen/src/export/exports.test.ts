import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../metrics/compute.js';
import { MetricStore } from '../metrics/metric-store.js';
import { makeRecord } from '../test-records.js';
import { renderErrorTable, renderMetricsTable } from './console-table.js';
import { parseJsonWithBigInt, stringifyJson } from './json-text.js';
import { recordToJsonLine, recordToJsonObject } from './record-jsonl.js';
import { buildSummaryCsv } from './summary-csv.js';
import { buildSummaryJson, summarizeErrors } from './summary-json.js';

const context = { streaming: true, producesTokens: true };
const records = [
  makeRecord({ contentMs: [50, 60, 70], outputTokenCount: 3, inputTokenCount: 100 }),
  makeRecord({ startMs: 10, contentMs: [40, 55, 65, 90], outputTokenCount: 4, inputTokenCount: 120 }),
];
const results = computeMetrics(records, { context });

describe('profile_export_aiperf.json', () => {
  const summary = buildSummaryJson(results, {
    benchmarkId: 'id-1', startTime: '2026-01-05T10:00:00.100000', endTime: '2026-01-05T10:00:02.900000',
    wasCancelled: false, errorSummary: [], inputConfig: { endpoint: { models: ['m'] } },
  });

  it('is flat: provenance keys, then one block per metric with unit, avg and for record metrics the full stat set', () => {
    expect(Object.keys(summary).slice(0, 3)).toEqual(['schema_version', 'aiperf_version', 'benchmark_id']);
    expect(Object.keys(summary).slice(-5)).toEqual(['was_cancelled', 'error_summary', 'start_time', 'end_time', 'input_config']);
    expect(Object.keys(summary.time_to_first_token as object)).toEqual([
      'unit', 'avg', 'min', 'max', 'p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99', 'std', 'count', 'sum',
    ]);
    expect(summary.time_to_first_token).toMatchObject({ unit: 'ms', avg: 45, min: 40, max: 50, count: 2, sum: 90 });
    expect(summary.request_throughput).toEqual({ unit: 'requests/sec', avg: 2 / 0.1 });
    expect(summary.benchmark_duration).toEqual({ unit: 'sec', avg: 0.1 });
    expect(summary.request_count).toEqual({ unit: 'requests', avg: 2 });
  });

  it('writes epoch nanoseconds as exact integers and reads them back as bigint', () => {
    const text = stringifyJson(summary);
    expect(text).toContain('"min_request_timestamp":{"unit":"ns","avg":1760000000000000000}');
    expect(text).toContain('"max_response_timestamp":{"unit":"ns","avg":1760000000100000000}');
    const parsed = parseJsonWithBigInt(text) as Record<string, { avg: unknown }>;
    expect(parsed.max_response_timestamp!.avg).toBe(1_760_000_000_100_000_000n);
    expect(parsed.request_count!.avg).toBe(2);
  });

  it('groups errors by code, type and message, most frequent first', () => {
    const boom = { code: 500, type: 'HTTPError', message: 'boom' };
    const cut = { code: null, type: 'SocketError', message: 'other side closed' };
    const store = new MetricStore(context);
    for (const error of [cut, boom, boom]) store.add(makeRecord({ error }));
    expect(summarizeErrors(store.errorGroups())).toEqual([{ error_details: boom, count: 2 }, { error_details: cut, count: 1 }]);
  });
});

describe('profile_export_aiperf.csv', () => {
  it('lists distributions, a blank line, then scalars, each sorted by tag, 2 decimals, counts without a unit', () => {
    const csv = buildSummaryCsv(results, ['Endpoint,GPU_Index\nlocalhost:9401,0']);
    const [distributions, scalars, telemetry] = csv.split(/\n\n+/);
    const distributionRows = distributions!.split('\n');
    expect(distributionRows[0]).toBe('Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std');
    expect(distributionRows.map((row) => row.split(',')[0])).toEqual([
      'Metric', 'Coalesced Chunk Count (chunks)', 'Input Sequence Length (tokens)', 'Inter Chunk Latency (ms)', 'Inter Token Latency (ms)', 'Output Sequence Length (tokens)',
      'Output Token Count (tokens)', 'Output Token Throughput Per User (tokens/sec/user)', 'Request Latency (ms)',
      'Time to First Output Token (ms)', 'Time to First Token (ms)', 'Time to Second Token (ms)',
    ]);
    expect(distributionRows).toContain('Time to First Token (ms),45.00,40.00,50.00,40.10,40.50,41.00,42.50,45.00,47.50,49.00,49.50,49.90,5.00');
    expect(scalars!.split('\n')).toEqual([
      'Metric,Value',
      'Benchmark Duration (sec),0.10',
      'Maximum Response Timestamp (ns),1760000000100000000',
      'Minimum Request Timestamp (ns),1760000000000000000',
      'Output Token Throughput (tokens/sec),70.00',
      'Request Count,2.00',
      'Request Throughput (requests/sec),20.00',
      'Suspect Request Count,0.00',
      'Total Input Sequence Length (tokens),220.00',
      'Total Output Sequence Length (tokens),7.00',
      'Total Output Tokens (tokens),7.00',
    ]);
    expect(csv).toContain('Total Output Tokens (tokens),7.00\n\n\nEndpoint,GPU_Index\nlocalhost:9401,0\n');
    expect(telemetry).toBe('Endpoint,GPU_Index\nlocalhost:9401,0\n');
  });
});

describe('profile_export.jsonl', () => {
  it('carries metadata with epoch-ns stamps, metrics as {value, unit} in display units, and the error', () => {
    const line = recordToJsonObject(records[1]!, context, 'record_processor_x');
    expect(line.metadata).toEqual({
      session_num: 0, x_request_id: 'req', x_correlation_id: 'corr', conversation_id: 'conv', turn_index: 0,
      request_start_ns: 1_760_000_000_010_000_000n, request_ack_ns: 1_760_000_000_050_000_000n,
      request_end_ns: 1_760_000_000_100_000_000n, worker_id: 'worker_test', record_processor_id: 'record_processor_x',
      benchmark_phase: 'profiling', was_cancelled: false, cancellation_time_ns: null, credit_issued_ns: null,
    });
    expect(line.metrics).toMatchObject({
      time_to_first_token: { value: 40, unit: 'ms' },
      inter_chunk_latency: { value: [15, 10, 25], unit: 'ms' },
      output_sequence_length: { value: 4, unit: 'tokens' },
    });
    expect((line.metrics as Record<string, { value: number }>).inter_token_latency!.value).toBeCloseTo(50 / 3, 9);
    expect(Object.keys(line.metrics as object)).not.toContain('request_count');
    expect(line.error).toBeNull();
    const scheduled = recordToJsonObject({ ...records[1]!, sendLatenessNs: 2_500_000 }, { ...context, scheduled: true }, 'p');
    expect((scheduled.metadata as Record<string, unknown>).credit_issued_ns).toBe(1_760_000_000_007_500_000n);
  });

  it('writes each line field by field exactly as stringifying the object would (success, error, cancelled, scheduled, sharded)', () => {
    const failed = { ...records[0]!, error: { code: 500, type: 'HTTPError', message: 'boom "quoted"\n' }, outputTokenCount: null };
    const cancelled = { ...records[1]!, wasCancelled: true, cancellationOffsetNs: 30_000_000, conversationId: 'c\u2028"x' };
    const cases = [
      [records[1]!, context],
      [failed, context],
      [cancelled, { ...context, scheduled: true }],
      [{ ...records[0]!, sendLatenessNs: 1_234_567.6 }, { streaming: false, producesTokens: true, scheduled: true }],
      [{ ...records[1]!, shardIndex: 2, datasetIndex: 14 }, context],
      // A long answer: 300 chunks at irregular gaps, fractional and whole ms, so the per-chunk arrays' numbers are
      // written in every form a display value takes (integers, short and full-precision decimals).
      [makeRecord({ contentMs: Array.from({ length: 300 }, (_, i) => 40 + i * 17.3 + (i % 7) / 3 + (i % 11 === 0 ? 1e-7 : 0)) }), context],
    ] as const;
    for (const [record, ctx] of cases) {
      expect(recordToJsonLine(record, ctx, 'record_processor_x')).toBe(`${stringifyJson(recordToJsonObject(record, ctx, 'record_processor_x'))}\n`);
    }
  });
});

describe('console tables', () => {
  it('renders the metrics table in display order with N/A for scalars', () => {
    expect(`\n${renderMetricsTable(results)}`).toMatchInlineSnapshot(`
      "
                                           NVIDIA AIPerf | LLM Metrics
      ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━━┳━━━━━━━┓
      ┃                               Metric ┃    avg ┃    min ┃    max ┃    p99 ┃    p90 ┃    p50 ┃   std ┃
      ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━━╇━━━━━━━┩
      │             Time to First Token (ms) │  45.00 │  40.00 │  50.00 │  49.90 │  49.00 │  45.00 │  5.00 │
      │            Time to Second Token (ms) │  12.50 │  10.00 │  15.00 │  14.95 │  14.50 │  12.50 │  2.50 │
      │      Time to First Output Token (ms) │  45.00 │  40.00 │  50.00 │  49.90 │  49.00 │  45.00 │  5.00 │
      │                 Request Latency (ms) │  80.00 │  70.00 │  90.00 │  89.80 │  88.00 │  80.00 │ 10.00 │
      │             Inter Token Latency (ms) │  13.33 │  10.00 │  16.67 │  16.60 │  16.00 │  13.33 │  3.33 │
      │     Output Token Throughput Per User │        │        │        │        │        │        │       │
      │                    (tokens/sec/user) │  80.00 │  60.00 │ 100.00 │  99.60 │  96.00 │  80.00 │ 20.00 │
      │      Output Sequence Length (tokens) │   3.50 │   3.00 │   4.00 │   3.99 │   3.90 │   3.50 │  0.50 │
      │       Input Sequence Length (tokens) │ 110.00 │ 100.00 │ 120.00 │ 119.80 │ 118.00 │ 110.00 │ 10.00 │
      │ Output Token Throughput (tokens/sec) │  70.00 │    N/A │    N/A │    N/A │    N/A │    N/A │   N/A │
      │    Request Throughput (requests/sec) │  20.00 │    N/A │    N/A │    N/A │    N/A │    N/A │   N/A │
      │             Request Count (requests) │   2.00 │    N/A │    N/A │    N/A │    N/A │    N/A │   N/A │
      └──────────────────────────────────────┴────────┴────────┴────────┴────────┴────────┴────────┴───────┘"
    `);
  });

  it('renders the error table with thousands separators and N/A for a missing code', () => {
    const table = renderErrorTable([{ error_details: { code: null, type: 'SocketError', message: 'closed' }, count: 1234 }]);
    expect(table.split('\n')[0]!.trim()).toBe('NVIDIA AIPerf | Error Summary');
    expect(table).toContain('│  N/A │ SocketError │ closed  │ 1,234 │');
  });
});
