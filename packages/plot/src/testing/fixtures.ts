// Writes spec-format aiperf artifacts for tests and benchmarks: single runs, sweeps and the
// experiment-classification layout. Exposed as `@aiperf/plot/testing`, not from the main entry.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_BASE_NS, type GeneratedRequests, generateRequests, runSpanNs, type SingleRunFixture, statsBlock, writeRequestsJsonl } from './requests.js';

export { FIXTURE_BASE_NS, random, type SingleRunFixture, statsBlock } from './requests.js';

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
    ...(options.allRequestMetrics ? { time_to_second_token: statsBlock(data.ttftMs.map((ttft, i) => ttft + data.itlMs[i]!), 'ms') } : {}),
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
        ? { nvidia_gpu_utilization: utilization, nvidia_memory_used: 40 + active, nvidia_power_usage: 120 + utilization * 2.5, nvidia_gpu_temperature: 40 + active }
        : {
            gpu_utilization: utilization,
            gpu_memory_used: 40 + active,
            gpu_power_usage: 120 + utilization * 2.5,
            gpu_temperature: 40 + active,
            sm_clock_frequency: 1410 + gpu * 30 + active * 10,
          };
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
  writeRequestsJsonl(join(dir, 'profile_export.jsonl'), data, options.allRequestMetrics);
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
