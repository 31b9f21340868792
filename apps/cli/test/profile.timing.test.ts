// `aiperf profile` end to end: the built CLI against the mock server (fixed TTFT 50 ms, ITL 10 ms), checked from
// the files it writes. A timing test (serial group): the first case asserts TTFT/ITL within a few ms of the mock's.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { loadRun } from '@aiperf/plot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '@aiperf/test-kit';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `interruptWhen` is polled every 50 ms; SIGINT is sent the first time it holds (an event, not a wall-clock guess). */
function aiperf(args: string[], options: { cwd?: string; interruptWhen?: () => boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? process.cwd(), env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const { interruptWhen } = options;
    const poll = interruptWhen
      ? setInterval(() => {
          if (!interruptWhen()) return;
          clearInterval(poll);
          child.kill('SIGINT');
        }, 50)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const recordLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);
const readJsonl = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));

const METADATA_FIELDS = [
  'session_num', 'x_request_id', 'x_correlation_id', 'conversation_id', 'turn_index', 'request_start_ns', 'request_ack_ns',
  'request_end_ns', 'worker_id', 'record_processor_id', 'benchmark_phase', 'was_cancelled', 'cancellation_time_ns', 'credit_issued_ns',
];

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 50, itlMs: 10 });
});
afterAll(async () => {
  await server?.close();
});

describe('aiperf profile', () => {
  it('measures a streaming chat run at concurrency 8 over 200 requests (TTFT 50 ms, ITL 10 ms, 64 tokens)', async () => {
    const dir = join(await makeTempDir('aiperf-profile-'), 'run');
    const run = await aiperf([
      'profile', '--model', 'mock-model', '--url', server.url, '--streaming', '--concurrency', '8', '--request-count', '200',
      '--osl', '64', '--extra-inputs', 'ignore_eos:true', '--isl', '128', '--warmup-request-count', '16',
      '--slice-duration', '1', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry',
    ]);
    expect(run.code, run.stderr).toBe(0);

    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.request_count).toEqual({ unit: 'requests', avg: 200 });
    expect(Math.abs(summary.time_to_first_token.avg - 50), JSON.stringify(summary.time_to_first_token)).toBeLessThan(5);
    expect(summary.time_to_first_token.unit).toBe('ms');
    expect(Math.abs(summary.inter_token_latency.avg - 10)).toBeLessThan(2);
    expect(summary.output_sequence_length).toMatchObject({ avg: 64, min: 64, max: 64, count: 200 });
    // Request latency = TTFT + 63 ITL ≈ 680 ms; 8 in flight → ≈ 11.8 req/s, and tokens/s = 64 × req/s.
    const littlesLaw = 8 / (summary.request_latency.avg / 1000);
    expect(summary.request_throughput.avg / littlesLaw).toBeGreaterThan(0.85);
    expect(summary.request_throughput.avg / littlesLaw).toBeLessThan(1.05);
    expect(summary.output_token_throughput.avg).toBeCloseTo(64 * summary.request_throughput.avg, 6);
    expect(summary.benchmark_duration.avg).toBeCloseTo(200 / summary.request_throughput.avg, 6);
    expect(summary).toMatchObject({ schema_version: '1.1', was_cancelled: false, error_summary: [] });
    expect(summary.input_config.endpoint).toMatchObject({ model_names: ['mock-model'], type: 'chat', streaming: true });
    expect(summary.input_config.loadgen).toMatchObject({ concurrency: 8, request_count: 200, warmup_request_count: 16 });

    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    expect(records).toHaveLength(200);
    for (const record of records) {
      expect(Object.keys(record.metadata).sort()).toEqual([...METADATA_FIELDS].sort());
      expect(record.metadata.benchmark_phase).toBe('profiling');
      expect(record.error).toBeNull();
      for (const tag of ['time_to_first_token', 'time_to_second_token', 'request_latency', 'inter_token_latency', 'inter_chunk_latency',
        'output_token_throughput_per_user', 'output_sequence_length', 'input_sequence_length', 'output_token_count']) {
        expect(record.metrics[tag], tag).toEqual({ value: expect.anything(), unit: expect.any(String) });
      }
      expect(record.metrics.output_sequence_length.value).toBe(64);
      expect(record.metrics.inter_chunk_latency.value).toHaveLength(63);
    }
    const starts = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').match(/"request_start_ns":(\d+)/g)!;
    // Epoch nanoseconds are written as exact integers (19 digits, not rounded floats).
    expect(starts.every((s) => /:\d{19}$/.test(s))).toBe(true);

    const inputs = readJson(join(dir, 'inputs.json'));
    expect(inputs.data[0].payloads[0]).toMatchObject({ model: 'mock-model', stream: true, max_completion_tokens: 64, ignore_eos: true });
    const csv = readFileSync(join(dir, 'profile_export_aiperf.csv'), 'utf8');
    expect(csv.startsWith('Metric,avg,min,max,p1,p5,p10,p25,p50,p75,p90,p95,p99,std\n')).toBe(true);
    expect(csv).toContain('\nMetric,Value\n');
    expect(csv).toMatch(/\nRequest Count,200\.00\n/);
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
    expect(loaded.metadata).toMatchObject({ model: 'mock-model', concurrency: 8, requestCount: 200, endpointType: 'chat', sliceDurationS: 1 });
  });

  it('names the artifact directory like AIPerf when --artifact-dir is not given', async () => {
    const cwd = await makeTempDir('aiperf-profile-cwd-');
    const run = await aiperf(
      ['profile', '-m', 'org/mock-model', '-u', server.url, '--streaming', '--concurrency', '2', '--request-count', '4', '--osl', '2', '--isl', '8', '--ui', 'none', '--no-gpu-telemetry'],
      { cwd },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(readJson(join(cwd, 'artifacts', 'org_mock-model-openai-chat-concurrency2', 'profile_export_aiperf.json')).request_count.avg).toBe(4);
  });

  it('reports engine-detected bad settings as usage errors: message naming the flag, exit 2, no stack', async () => {
    const dir = await makeTempDir('aiperf-profile-bad-');
    const run = await aiperf(['profile', '-m', 'mock-model', '-u', server.url, '--request-count', '2', '--tokenizer', join(dir, 'missing.json'), '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--tokenizer: "${join(dir, 'missing.json')}" is not an existing tokenizer.json file or a directory holding one`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('on Ctrl+C stops issuing, writes the exports for what completed and exits non-zero', async () => {
    const dir = join(await makeTempDir('aiperf-profile-int-'), 'run');
    const run = await aiperf(
      ['profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--concurrency', '4', '--request-count', '5000', '--osl', '8', '--isl', '16', '--artifact-dir', dir, '--ui', 'none', '--no-gpu-telemetry'],
      // Interrupt once some records are on disk, however long the CLI took to start on a loaded machine.
      { interruptWhen: () => recordLines(join(dir, 'profile_export.jsonl')) >= 20 },
    );
    expect(run.code).not.toBe(0);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.was_cancelled).toBe(true);
    const records = readJsonl(join(dir, 'profile_export.jsonl'));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(5000);
    expect(summary.request_count.avg).toBe(records.filter((r: { error: unknown }) => r.error === null).length);
    expect(existsSync(join(dir, 'profile_export_aiperf.csv'))).toBe(true);
    expect(run.stdout).toContain('(cancelled early)');
  });
});
