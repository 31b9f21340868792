// Writes spec-format aiperf artifacts (profile.md §3) for tests and benchmarks. Not exported from the package
// index; the bench imports the built copy (dist/testing/fixtures.js).
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { percentileOfSorted } from '../algorithms/statistics.js';

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
}

/** Deterministic PRNG (mulberry32) so fixtures and assertions are stable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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

interface GeneratedRequests {
  startNs: Float64Array; // offsets from FIXTURE_BASE_NS
  endNs: Float64Array;
  ttftMs: Float64Array;
  itlMs: Float64Array;
  latencyMs: Float64Array;
  isl: Float64Array;
  osl: Float64Array;
}

function generateRequests(options: Required<Pick<SingleRunFixture, 'requestCount' | 'concurrency' | 'seed'>> & SingleRunFixture): GeneratedRequests {
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
function writeRequestsJsonl(path: string, data: GeneratedRequests): void {
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
      `"output_token_throughput_per_user":{"value":${round(1000 / data.itlMs[i]!)},"unit":"tokens/sec/user"}},"error":null}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function runSpanNs(data: GeneratedRequests): { minStart: number; maxEnd: number } {
  let minStart = Number.POSITIVE_INFINITY;
  let maxEnd = 0;
  for (let i = 0; i < data.startNs.length; i += 1) {
    minStart = Math.min(minStart, data.startNs[i]!);
    maxEnd = Math.max(maxEnd, data.endNs[i]!);
  }
  return { minStart, maxEnd };
}

function summaryJson(data: GeneratedRequests, options: SingleRunFixture & { requestCount: number; concurrency: number }): Record<string, unknown> {
  const { minStart, maxEnd } = runSpanNs(data);
  const durationS = (maxEnd - minStart) / 1e9;
  const totalOsl = data.osl.reduce((sum, v) => sum + v, 0);
  const summary: Record<string, unknown> = {
    schema_version: '1.1',
    aiperf_version: '0.8.0',
    benchmark_id: `fixture-${options.seed ?? 1}`,
    time_to_first_token: statsBlock(data.ttftMs, 'ms'),
    request_latency: statsBlock(data.latencyMs, 'ms'),
    inter_token_latency: statsBlock(data.itlMs, 'ms'),
    output_token_throughput_per_user: statsBlock(
      data.itlMs.map((itl) => 1000 / itl),
      'tokens/sec/user',
    ),
    output_sequence_length: statsBlock(data.osl, 'tokens'),
    input_sequence_length: statsBlock(data.isl, 'tokens'),
    request_throughput: { unit: 'requests/sec', avg: data.osl.length / durationS },
    output_token_throughput: { unit: 'tokens/sec', avg: totalOsl / durationS },
    request_count: { unit: 'requests', avg: data.osl.length },
    benchmark_duration: { unit: 'sec', avg: durationS },
    was_cancelled: false,
    error_summary: [],
    start_time: '2026-01-05T10:00:00.100000',
    end_time: '2026-01-05T10:00:52.900000',
    input_config: {
      endpoint: { model_names: [options.model ?? 'Qwen/Qwen3-0.6B'], type: 'chat', streaming: true },
      loadgen: { concurrency: options.concurrency, request_count: options.requestCount },
      ...(options.sliceDurationS ? { output: { slice_duration: options.sliceDurationS } } : {}),
    },
  };
  if (options.gpuCount) {
    const gpus = Object.fromEntries(
      Array.from({ length: options.gpuCount }, (_, i) => [`gpu_${i}`, { gpu_index: i, gpu_name: 'NVIDIA H100 80GB HBM3', gpu_uuid: `GPU-${i}`, metrics: {} }]),
    );
    summary.telemetry_data = { endpoints: { 'localhost:9401': { gpus } } };
  }
  return summary;
}

/** Tidy timeslice CSV: slices by request start, avg/std (+p50) of TTFT, ITL, latency and request throughput. */
function timeslicesCsv(data: GeneratedRequests, sliceDurationS: number): string {
  const sliceNs = sliceDurationS * 1e9;
  const { minStart } = runSpanNs(data);
  const bySlice = new Map<number, number[]>();
  data.startNs.forEach((start, i) => {
    const slice = Math.floor((start - minStart) / sliceNs);
    const members = bySlice.get(slice);
    if (members) members.push(i);
    else bySlice.set(slice, [i]);
  });
  const lines = ['Timeslice,Metric,Unit,Stat,Value'];
  [...bySlice.keys()]
    .sort((a, b) => a - b)
    .forEach((slice, index) => {
      const members = bySlice.get(slice)!;
      for (const [metric, column] of [
        ['Time to First Token', data.ttftMs],
        ['Inter Token Latency', data.itlMs],
        ['Request Latency', data.latencyMs],
      ] as const) {
        const block = statsBlock(
          Float64Array.from(members, (i) => column[i]!),
          'ms',
        );
        for (const stat of ['avg', 'std', 'p50', 'p99']) lines.push(`${index},${metric},ms,${stat},${(block[stat] as number).toFixed(2)}`);
      }
      lines.push(`${index},Request Throughput,requests/sec,avg,${(members.length / sliceDurationS).toFixed(2)}`);
    });
  return `${lines.join('\n')}\n`;
}

/** One line per GPU per 333 ms scrape; utilisation follows the number of requests in flight. */
function gpuTelemetryJsonl(data: GeneratedRequests, options: SingleRunFixture): string {
  const { minStart, maxEnd } = runSpanNs(data);
  const lines: string[] = [];
  const step = 333_000_000;
  const gpuCount = options.gpuCount ?? 0;
  const origin = minStart - step;
  const steps = Math.floor((maxEnd + step - origin) / step) + 1;
  // Requests in flight per scrape, from a difference array (linear in requests + scrapes).
  const delta = new Int32Array(steps + 1);
  data.startNs.forEach((start, i) => {
    const first = Math.ceil((start - origin) / step);
    const last = Math.floor((data.endNs[i]! - origin) / step);
    if (last >= first) {
      delta[first]! += 1;
      delta[last + 1]! -= 1;
    }
  });
  let active = 0;
  for (let k = 0; k < steps; k += 1) {
    const t = origin + k * step;
    active += delta[k]!;
    for (let gpu = 0; gpu < gpuCount; gpu += 1) {
      const utilization = Math.min(100, active * 12 + gpu * 3);
      const fields = options.nvidiaGpuNames
        ? { nvidia_gpu_utilization: utilization, nvidia_memory_used: 40 + active, nvidia_power_usage: 120 + utilization * 2.5 }
        : { gpu_utilization: utilization, gpu_memory_used: 40 + active, gpu_power_usage: 120 + utilization * 2.5, gpu_temperature: 40 };
      const timestampNs = FIXTURE_BASE_NS + BigInt(Math.round(t)) + BigInt(gpu * 1000);
      lines.push(
        `{"timestamp_ns":${timestampNs},"dcgm_url":"http://localhost:9401/metrics","gpu_index":${gpu},"gpu_uuid":"GPU-${gpu}",` +
          `"gpu_model_name":"NVIDIA H100 80GB HBM3","telemetry_data":${JSON.stringify(fields)}}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Writes one run directory: JSONL, summary JSON, and optionally timeslices and GPU telemetry. */
export function writeSingleRun(dir: string, fixture: SingleRunFixture = {}): string {
  const options = { requestCount: 64, concurrency: 4, seed: 1, ...fixture };
  mkdirSync(dir, { recursive: true });
  const data = generateRequests(options);
  writeRequestsJsonl(join(dir, 'profile_export.jsonl'), data);
  writeFileSync(join(dir, 'profile_export_aiperf.json'), JSON.stringify(summaryJson(data, options), null, 2));
  if (options.sliceDurationS) writeFileSync(join(dir, 'profile_export_aiperf_timeslices.csv'), timeslicesCsv(data, options.sliceDurationS));
  if (options.gpuCount) writeFileSync(join(dir, 'gpu_telemetry_export.jsonl'), gpuTelemetryJsonl(data, options));
  return dir;
}

/** A concurrency sweep: `<dir>/concurrency_<N>/` per level. */
export function writeSweep(dir: string, concurrencies: number[], fixture: SingleRunFixture = {}): string[] {
  return concurrencies.map((concurrency, i) =>
    writeSingleRun(join(dir, `concurrency_${concurrency}`), { requestCount: 32, seed: 10 + i, ...fixture, concurrency }),
  );
}

/** The tutorial's classification layout: one baseline and two treatment experiments, two concurrencies each. */
export const CLASSIFICATION_EXPERIMENTS = [
  'baseline_moderate_io_isl100_osl200_streaming',
  'treatment_large_context_isl500_osl50_streaming',
  'treatment_long_generation_isl50_osl500_streaming',
];

export function writeClassificationLayout(dir: string, fixture: SingleRunFixture = {}): string[] {
  return CLASSIFICATION_EXPERIMENTS.flatMap((experiment, i) =>
    writeSweep(join(dir, experiment), [1, 2], { gpuCount: 1, ttftOffsetMs: i * 5, ...fixture, seed: 100 + i * 7 }),
  );
}
