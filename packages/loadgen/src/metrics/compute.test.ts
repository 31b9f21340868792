import { describe, expect, it } from 'vitest';
import { makeRecord } from '../test-records.js';
import { computeMetrics, recordMetricValues, validateGoodput } from './compute.js';
import type { MetricContext } from './types.js';

const streaming: MetricContext = { streaming: true, producesTokens: true };
const byTag = (results: ReturnType<typeof computeMetrics>) => Object.fromEntries(results.map((r) => [r.tag, r]));
const values = (record: ReturnType<typeof makeRecord>, context = streaming) =>
  Object.fromEntries(recordMetricValues(record, context).map(([m, v]) => [m.tag, v]));

describe('record metrics', () => {
  // Content chunks at 50, 60, 75, 80 ms: TTFT 50, TTST 10, latency 80, 4 tokens → ITL (80-50)/3 = 10 ms.
  const record = makeRecord({ contentMs: [50, 60, 75, 80], inputTokenCount: 12, outputTokenCount: 4 });

  it('computes TTFT, TTST, latency, ITL, per-user throughput, ICL, ISL, OSL from the chunk times', () => {
    const v = values(record);
    expect(v.time_to_first_token).toBe(50e6);
    expect(v.time_to_second_token).toBe(10e6);
    expect(v.request_latency).toBe(80e6);
    expect(v.inter_token_latency).toBe(10e6);
    expect(v.output_token_throughput_per_user).toBeCloseTo(100, 9);
    expect(v.inter_chunk_latency).toEqual([10e6, 15e6, 5e6]);
    expect(v.input_sequence_length).toBe(12);
    expect(v.output_sequence_length).toBe(4);
    expect(v.error_isl).toBeUndefined();
  });

  it('adds reasoning tokens into OSL; TTFO is the first answer token (TTFT without reasoning)', () => {
    const reasoning = makeRecord({ contentMs: [20, 30, 40, 50], outputTokenCount: 2, reasoningTokenCount: 2, firstOutputOffsetNs: 40e6 });
    const v = values(reasoning);
    expect(v.output_sequence_length).toBe(4);
    expect(v.reasoning_token_count).toBe(2);
    expect(v.time_to_first_output_token).toBe(40e6);
    expect(v.inter_token_latency).toBe(10e6);
    expect(values(record).time_to_first_output_token).toBe(values(record).time_to_first_token);
  });

  it('leaves out ITL for one output token and streaming metrics when not streaming', () => {
    expect(values(makeRecord({ contentMs: [50], outputTokenCount: 1 })).inter_token_latency).toBeUndefined();
    const plain = values(record, { streaming: false, producesTokens: true });
    expect(plain.time_to_first_token).toBeUndefined();
    expect(plain.inter_chunk_latency).toBeUndefined();
    expect(plain.request_latency).toBe(80e6);
    expect(values(record, { streaming: false, producesTokens: false }).output_sequence_length).toBeUndefined();
  });

  it('gives a failed record only error_isl', () => {
    const failed = makeRecord({ contentMs: [50], inputTokenCount: 7, error: { code: 500, type: 'HTTPError', message: 'boom' } });
    expect(values(failed)).toEqual({ error_isl: 7 });
  });
});

describe('computeMetrics', () => {
  // Two valid requests starting at 0 and 100 ms, ending at 80 and 300 ms; one error; one warmup (ignored).
  const records = [
    makeRecord({ contentMs: [50, 60, 75, 80], outputTokenCount: 4, inputTokenCount: 10 }),
    makeRecord({ startMs: 100, contentMs: [30, 200], outputTokenCount: 6, inputTokenCount: 20 }),
    makeRecord({ startMs: 50, inputTokenCount: 5, error: { code: 500, type: 'HTTPError', message: 'x' } }),
    makeRecord({ phase: 'warmup', contentMs: [1000], outputTokenCount: 99 }),
  ];
  const results = byTag(computeMetrics(records, { context: streaming }));

  it('summarizes record metrics in display units with the full stat set', () => {
    expect(results.time_to_first_token).toMatchObject({ unit: 'ms', avg: 40, stats: { min: 30, max: 50, p50: 40, std: 10, count: 2, sum: 80 } });
    expect(results.request_latency!.avg).toBe(140);
    // ICL pools every gap of every record: 10, 15, 5 and 170.
    expect(results.inter_chunk_latency!.stats).toMatchObject({ count: 4, sum: 200, max: 170 });
  });

  it('derives duration and throughputs from valid records only', () => {
    expect(results.request_count!.avg).toBe(2);
    expect(results.error_request_count!.avg).toBe(1);
    expect(results.min_request_timestamp!.avg).toBe(1_760_000_000_000_000_000n);
    expect(results.max_response_timestamp!.avg).toBe(1_760_000_000_300_000_000n);
    expect(results.benchmark_duration).toMatchObject({ unit: 'sec', avg: 0.3 });
    expect(results.request_throughput!.avg).toBeCloseTo(2 / 0.3, 9);
    expect(results.total_osl!.avg).toBe(10);
    expect(results.output_token_throughput!.avg).toBeCloseTo(10 / 0.3, 9);
    expect(results.total_isl!.avg).toBe(30);
    expect(results.total_error_isl!.avg).toBe(5);
    expect(results.goodput).toBeUndefined();
  });

  it('counts goodput with SLOs in display units (ms), larger-is-better flipping the comparison', () => {
    const slo = byTag(computeMetrics(records, { context: streaming, goodput: { time_to_first_token: 45 } }));
    expect(slo.good_request_count!.avg).toBe(1);
    expect(slo.goodput!.avg).toBeCloseTo(1 / 0.3, 9);
    const osl = byTag(computeMetrics(records, { context: streaming, goodput: { output_sequence_length: 5 } }));
    expect(osl.good_request_count!.avg).toBe(1);
  });

  it('reports late sends only for scheduled runs', () => {
    const late = [makeRecord({ contentMs: [1], sendLatenessNs: 5e6 }), makeRecord({ contentMs: [1], sendLatenessNs: 1e5 })];
    expect(byTag(computeMetrics(late, { context: { ...streaming, scheduled: true } })).late_request_count!.avg).toBe(1);
    expect(byTag(computeMetrics(late, { context: streaming })).late_request_count).toBeUndefined();
  });

  it('rejects unknown goodput tags with the allowed list', () => {
    expect(validateGoodput({ ttft: 10, request_latency: 100 })[0]).toMatch(/^--goodput: unknown metric "ttft"; allowed: time_to_first_token, /);
    expect(validateGoodput({ request_latency: 100 })).toEqual([]);
  });
});
