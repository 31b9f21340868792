// `aiperf profile` end to end: the built CLI (a real process, so the client has its own event loop, apart from the
// mock server in this one) against the mock server (fixed TTFT 50 ms, ITL 10 ms), checked from the files it writes.
// A timing test (serial group): TTFT/ITL within a few ms of the mock's. The CLI's logic cases (artifact dir name,
// usage errors, Ctrl+C) are `profile.test.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRun } from '@aiperf/plot';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '@aiperf/test-kit';
import { readJson, readJsonl, useProfileMock } from './profile-setup.js';
import { runAiperf } from './reliability/cli-process.js';

const METADATA_FIELDS = [
  'session_num', 'x_request_id', 'x_correlation_id', 'conversation_id', 'turn_index', 'request_start_ns', 'request_ack_ns',
  'request_end_ns', 'worker_id', 'record_processor_id', 'benchmark_phase', 'was_cancelled', 'cancellation_time_ns', 'credit_issued_ns',
];

const server = useProfileMock();

describe('aiperf profile', () => {
  // 96 requests of 16 tokens (12 waves of ≈ 200 ms): 96 TTFTs at 8 in flight, as with 32 tokens, so the TTFT mean
  // moves as much per stall; 1,440 token gaps keep the ITL mean within its 2 ms (a 100 ms stall of all 8 streams
  // moves it by 0.6 ms), in 2.4 s instead of the 4.3 s of 32 tokens.
  it('measures a streaming chat run at concurrency 8 over 96 requests (TTFT 50 ms, ITL 10 ms, 16 tokens)', async () => {
    const dir = join(await makeTempDir('aiperf-profile-'), 'run');
    const run = await runAiperf([
      'profile', '--model', 'mock-model', '--url', server.url, '--streaming', '--concurrency', '8', '--request-count', '96',
      '--osl', '16', '--extra-inputs', 'ignore_eos:true', '--isl', '128', '--warmup-request-count', '8',
      '--slice-duration', '1', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
    ], { NO_COLOR: '1' });
    expect(run.code, run.stderr).toBe(0);

    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.request_count).toEqual({ unit: 'requests', avg: 96 });
    // The median within 4 ms of the configured 50 ms, the mean within 8: 37 runs of this case on the idle machine
    // (2026-12-01, this build and the one before) had means of 51.5–53.5 ms, but 4 of them 55.2–55.9 ms with a
    // median ≤ 53.5, when the host took CPU from the machine for a while (p75–p90 late by 7–14 ms). A TTFT read
    // 10 ms late or early fails the median bound.
    const ttft = JSON.stringify(summary.time_to_first_token);
    expect(Math.abs(summary.time_to_first_token.p50 - 50), ttft).toBeLessThan(4);
    expect(Math.abs(summary.time_to_first_token.avg - 50), ttft).toBeLessThan(8);
    expect(summary.time_to_first_token.unit).toBe('ms');
    expect(Math.abs(summary.inter_token_latency.avg - 10)).toBeLessThan(2);
    expect(summary.output_sequence_length).toMatchObject({ avg: 16, min: 16, max: 16, count: 96 });
    // Request latency = TTFT + 15 ITL ≈ 200 ms; 8 in flight → ≈ 40 req/s, and tokens/s = 16 × req/s.
    const littlesLaw = 8 / (summary.request_latency.avg / 1000);
    expect(summary.request_throughput.avg / littlesLaw).toBeGreaterThan(0.85);
    expect(summary.request_throughput.avg / littlesLaw).toBeLessThan(1.05);
    expect(summary.output_token_throughput.avg).toBeCloseTo(16 * summary.request_throughput.avg, 6);
    expect(summary.benchmark_duration.avg).toBeCloseTo(96 / summary.request_throughput.avg, 6);
    expect(summary).toMatchObject({ schema_version: '1.1', was_cancelled: false, error_summary: [] });
    expect(summary.input_config.endpoint).toMatchObject({ model_names: ['mock-model'], type: 'chat', streaming: true });
    expect(summary.input_config.loadgen).toMatchObject({ concurrency: 8, request_count: 96, warmup_request_count: 8 });

    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    expect(records).toHaveLength(96);
    for (const record of records) {
      expect(Object.keys(record.metadata).sort()).toEqual([...METADATA_FIELDS].sort());
      expect(record.metadata.benchmark_phase).toBe('profiling');
      expect(record.error).toBeNull();
      for (const tag of ['time_to_first_token', 'time_to_second_token', 'request_latency', 'inter_token_latency', 'inter_chunk_latency',
        'output_token_throughput_per_user', 'output_sequence_length', 'input_sequence_length', 'output_token_count']) {
        expect(record.metrics[tag], tag).toEqual({ value: expect.anything(), unit: expect.any(String) });
      }
      expect(record.metrics.output_sequence_length.value).toBe(16);
      expect(record.metrics.inter_chunk_latency.value).toHaveLength(15);
    }
    const starts = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').match(/"request_start_ns":(\d+)/g)!;
    // Epoch nanoseconds are written as exact integers (19 digits, not rounded floats).
    expect(starts.every((s) => /:\d{19}$/.test(s))).toBe(true);

    const inputs = readJson(join(dir, 'inputs.json'));
    expect(inputs.data[0].payloads[0]).toMatchObject({ model: 'mock-model', stream: true, max_completion_tokens: 16, ignore_eos: true });
    const csv = readFileSync(join(dir, 'profile_export_aiperf.csv'), 'utf8');
    expect(csv.startsWith('Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std\n')).toBe(true);
    expect(csv).toContain('\nMetric,Value\n');
    expect(csv).toMatch(/\nRequest Count,96\.00\n/);
    expect(run.stdout).toContain('NVIDIA AIPerf | LLM Metrics');
    expect(run.stdout).toMatch(/Time to First Token \(ms\) │ +\d+\.\d\d │/);
    expect(run.stdout).toContain(`JSON Export: ${join(dir, 'profile_export_aiperf.json')}`);
    expect(readJson(join(dir, 'profile_export_aiperf_timeslices.json')).input_config.output).toMatchObject({ slice_duration: 1 });
    const footer = run.stdout.slice(run.stdout.indexOf('CSV Export: ')).trimEnd().split('\n');
    expect(footer).toEqual([
      `CSV Export: ${join(dir, 'profile_export_aiperf.csv')}`,
      `JSON Export: ${join(dir, 'profile_export_aiperf.json')}`,
      // Server metrics are scraped from the mock's /metrics by default.
      `Server Metrics JSON Export: ${join(dir, 'server_metrics_export.json')}`,
      `Server Metrics CSV Export: ${join(dir, 'server_metrics_export.csv')}`,
      `Timeslices JSON Export: ${join(dir, 'profile_export_aiperf_timeslices.json')}`,
      `Timeslices CSV Export: ${join(dir, 'profile_export_aiperf_timeslices.csv')}`,
      `Log File: ${join(dir, 'logs', 'aiperf.log')}`,
    ]);
    // The plot loader reads the AIPerf-layout input_config of the files we just wrote.
    const loaded = await loadRun(dir);
    expect(loaded.metadata).toMatchObject({ model: 'mock-model', concurrency: 8, requestCount: 96, endpointType: 'chat', sliceDurationS: 1 });
  });
});
