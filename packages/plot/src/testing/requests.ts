// Synthetic per-request data for the fixtures: deterministic timings per concurrency lane, written as
// spec-format profile_export.jsonl records.
import { closeSync, openSync, writeSync } from 'node:fs';
import { createRng, percentileOfSorted } from '@aiperf/stats';

/** Epoch ns well above 2^53, so precision loss would show. */
export const FIXTURE_BASE_NS = 1_760_000_000_123_456_789n;

export interface SingleRunFixture {
  requestCount?: number;
  concurrency?: number;
  model?: string;
  /** Seconds; writes `profile_export_aiperf_timeslices.csv` when set. */
  sliceDurationS?: number;
  /** GPUs scraped (0 = no telemetry). */
  gpuCount?: number;
  /** `nvidia_*` field names (schema 1.5) instead of the v0.8 names. */
  nvidiaGpuNames?: boolean;
  /** Vary ISL/OSL per request (triggers the throughput warning). */
  varyLengths?: boolean;
  seed?: number;
  /** Milliseconds added to TTFT (to separate runs in a comparison). */
  ttftOffsetMs?: number;
  /** Requests `[from, to)` get 200 ms more TTFT: a stall that shows up as a timeslice outlier. */
  slowRequests?: [number, number];
  /**
   * Also write the per-request metrics real AIPerf records carry beyond the basic five: time_to_second_token,
   * prefill_throughput, output_token_count and the inter_chunk_latency array (and TTST in the summary).
   */
  allRequestMetrics?: boolean;
}

/** Deterministic uniform draws in [0, 1) (the shared seeded RNG) so fixtures and assertions are stable. */
export function random(seed: number): () => number {
  return createRng(seed).next;
}

const STATS = ['p1', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'p99'];

export function statsBlock(values: Float64Array, unit: string): Record<string, number | string> {
  const sorted = values.slice().sort();
  const n = sorted.length;
  const avg = sorted.reduce((sum, v) => sum + v, 0) / n;
  const std = Math.sqrt(sorted.reduce((sum, v) => sum + (v - avg) ** 2, 0) / n);
  const block: Record<string, number | string> = { unit, avg, min: sorted[0]!, max: sorted[n - 1]! };
  for (const stat of STATS) block[stat] = percentileOfSorted(sorted, Number(stat.slice(1)));
  return { ...block, std, count: n, sum: avg * n };
}

export interface GeneratedRequests {
  startNs: Float64Array; // offsets from FIXTURE_BASE_NS
  endNs: Float64Array;
  ttftMs: Float64Array;
  itlMs: Float64Array;
  latencyMs: Float64Array;
  isl: Float64Array;
  osl: Float64Array;
}

export function generateRequests(options: Required<Pick<SingleRunFixture, 'requestCount' | 'concurrency' | 'seed'>> & SingleRunFixture): GeneratedRequests {
  const n = options.requestCount;
  const next = random(options.seed);
  const out: GeneratedRequests = {
    startNs: new Float64Array(n),
    endNs: new Float64Array(n),
    ttftMs: new Float64Array(n),
    itlMs: new Float64Array(n),
    latencyMs: new Float64Array(n),
    isl: new Float64Array(n),
    osl: new Float64Array(n),
  };
  const laneFreeAtNs = new Float64Array(options.concurrency);
  for (let i = 0; i < n; i += 1) {
    const lane = i % options.concurrency;
    const warm = i < options.concurrency ? 30 : 0; // cold-start spike on the first wave
    const stalled = options.slowRequests && i >= options.slowRequests[0] && i < options.slowRequests[1] ? 200 : 0;
    const ttft = 18 + options.concurrency * 1.5 + next() * 8 + warm + stalled + (options.ttftOffsetMs ?? 0);
    const itl = 4 + options.concurrency * 0.25 + next() * 1.5;
    const osl = options.varyLengths ? 20 + Math.floor(next() * 60) : 50;
    const latency = ttft + itl * (osl - 1);
    const start = laneFreeAtNs[lane]! + Math.round(next() * 2e6);
    out.startNs[i] = start;
    out.endNs[i] = start + Math.round(latency * 1e6);
    laneFreeAtNs[lane] = out.endNs[i]!;
    out.ttftMs[i] = ttft;
    out.itlMs[i] = itl;
    out.latencyMs[i] = latency;
    out.isl[i] = options.varyLengths ? 80 + Math.floor(next() * 40) : 100;
    out.osl[i] = osl;
  }
  return out;
}

/** Writes JSONL in chunks so a million records never sit in memory as one string. */
export function writeRequestsJsonl(path: string, data: GeneratedRequests, allRequestMetrics = false): void {
  const fd = openSync(path, 'w');
  let chunk = '';
  const round = (v: number) => Math.round(v * 1000) / 1000;
  for (let i = 0; i < data.startNs.length; i += 1) {
    const start = FIXTURE_BASE_NS + BigInt(data.startNs[i]!);
    const end = FIXTURE_BASE_NS + BigInt(data.endNs[i]!);
    chunk +=
      `{"metadata":{"session_num":${i},"x_request_id":"req-${i}","conversation_id":"conv-${i}","turn_index":0,` +
      `"request_start_ns":${start},"request_ack_ns":${start + 1000000n},"request_end_ns":${end},"worker_id":"worker_0000000${i % 4}",` +
      `"benchmark_phase":"profiling","was_cancelled":false,"cancellation_time_ns":null},"metrics":{` +
      `"input_sequence_length":{"value":${data.isl[i]},"unit":"tokens"},"time_to_first_token":{"value":${round(data.ttftMs[i]!)},"unit":"ms"},` +
      `"request_latency":{"value":${round(data.latencyMs[i]!)},"unit":"ms"},"output_sequence_length":{"value":${data.osl[i]},"unit":"tokens"},` +
      `"inter_token_latency":{"value":${round(data.itlMs[i]!)},"unit":"ms"},` +
      `"output_token_throughput_per_user":{"value":${round(1000 / data.itlMs[i]!)},"unit":"tokens/sec/user"}` +
      (allRequestMetrics ? extraMetrics(data, i) : '') +
      '},"error":null}\n';
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

/** The extra per-request metrics of `allRequestMetrics`; the chunk gaps alternate around the ITL. */
function extraMetrics(data: GeneratedRequests, i: number): string {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const itl = data.itlMs[i]!;
  const chunks = Array.from({ length: data.osl[i]! - 1 }, (_, k) => round(itl * (k % 2 === 0 ? 0.8 : 1.2)));
  return (
    `,"time_to_second_token":{"value":${round(data.ttftMs[i]! + itl)},"unit":"ms"}` +
    `,"prefill_throughput":{"value":${round((data.isl[i]! / data.ttftMs[i]!) * 1000)},"unit":"tokens/sec"}` +
    `,"output_token_count":{"value":${data.osl[i]},"unit":"tokens"}` +
    `,"inter_chunk_latency":{"value":[${chunks.join(',')}],"unit":"ms"}`
  );
}

export function runSpanNs(data: GeneratedRequests): { minStart: number; maxEnd: number } {
  let minStart = Number.POSITIVE_INFINITY;
  let maxEnd = 0;
  for (let i = 0; i < data.startNs.length; i += 1) {
    minStart = Math.min(minStart, data.startNs[i]!);
    maxEnd = Math.max(maxEnd, data.endNs[i]!);
  }
  return { minStart, maxEnd };
}
