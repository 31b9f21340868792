// `aiperf profile --gpu-telemetry` end to end: the built CLI against the mock server's DCGM endpoints, with one
// exporter down and one returning garbage. The run must warn once per bad endpoint and still write every export.
// The YAML interval_ms and the spacing of its scrapes (a wall-clock bound) are `telemetry-interval.timing.test.ts`.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_LOOP_LOAD, readJson, runAiperf, tempDir } from './auto-plot-cli.js';

let server: MockServer;
let garbage: Server;
let garbageUrl = '';
let downUrl = '';

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const http = createServer(handler);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { server: http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/metrics` };
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 2, dcgmNumGpus: 2, dcgmGpu: 'h100-sxm', dcgmHostname: 'mock-node' });
  ({ server: garbage, url: garbageUrl } = await listen((_request, response) => response.end('<html>upstream down</html>\n')));
  const closed = await listen((_request, response) => response.end());
  await new Promise((resolve) => closed.server.close(resolve));
  downUrl = closed.url;
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => garbage?.close(resolve));
});

const loadArgs = (dir: string) => [
  'profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--concurrency', '2', '--request-count', '24',
  '--warmup-request-count', '2', '--isl', '16', '--osl', '48', '--artifact-dir', dir, '--ui', 'none', ...MAIN_LOOP_LOAD,
];
const jsonLines = async (path: string) => (await readFile(path, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));

describe('aiperf profile --gpu-telemetry', () => {
  it('with one good, one down and one malformed exporter: warns once each, prints the tables, writes every export', async () => {
    const dir = join(await tempDir('aiperf-telemetry-'), 'run');
    const dcgm = `${server.url.replace('http://', '')}/dcgm1/metrics`; // host:port/path form, normalized by the CLI
    const run = await runAiperf([...loadArgs(dir), '--gpu-telemetry', dcgm, downUrl, garbageUrl]);
    expect(run.code, run.stderr).toBe(0);

    // Warnings: one while running and one at the end, per bad endpoint; never for the good one.
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('GPU telemetry:'));
    expect(warnings.filter((line) => line.includes(downUrl))).toEqual([
      expect.stringMatching(/cannot reach .* \(connect ECONNREFUSED .*\); the run goes on and keeps trying it$/),
      `GPU telemetry: ${downUrl} was never reachable during the run; no GPU data from it`,
    ]);
    expect(warnings.filter((line) => line.includes(garbageUrl))).toEqual([
      `GPU telemetry: ${garbageUrl} did not return DCGM metrics (line 1: expected a metric name: <html>upstream down</html>); the run goes on without its data`,
      `GPU telemetry: ${garbageUrl} never returned DCGM metrics during the run; no GPU data from it`,
    ]);
    expect(warnings.filter((line) => line.includes('/dcgm1/'))).toEqual([]);

    // The run's own exports are complete.
    const records = await jsonLines(join(dir, 'profile_export.jsonl'));
    expect(records.filter((record) => !record.error)).toHaveLength(24);
    const summary = await readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.request_count.avg).toBe(24);
    expect(summary.time_to_first_token.count).toBe(24);
    expect(existsSync(join(dir, 'profile_export_aiperf.csv'))).toBe(true);

    // Telemetry in the summary, the JSONL and the GPU count behind "per GPU" throughput.
    const fullDcgmUrl = `${server.url}/dcgm1/metrics`;
    const telemetry = summary.telemetry_data;
    expect(telemetry.summary.endpoints_configured).toEqual(expect.arrayContaining([fullDcgmUrl, downUrl, garbageUrl]));
    expect(telemetry.summary.endpoints_successful).toContain(fullDcgmUrl);
    expect(telemetry.summary.endpoints_successful).not.toContain(downUrl);
    const errorMessages: string[] = telemetry.error_summary.map((entry: { error_details: { message: string } }) => entry.error_details.message);
    expect(errorMessages.filter((message) => message.startsWith(`${downUrl}: `) || message.startsWith(`${garbageUrl}: `))).toHaveLength(2);
    const key = `${new URL(server.url).host}`;
    const gpu0 = telemetry.endpoints[key].gpus.gpu_0;
    expect(gpu0).toMatchObject({ gpu_index: 0, gpu_name: 'NVIDIA H100 80GB HBM3', hostname: 'mock-node' });
    expect(gpu0.metrics.gpu_power_usage).toMatchObject({ unit: 'W' });
    expect(gpu0.metrics.gpu_power_usage.max).toBeLessThanOrEqual(700);
    expect(gpu0.metrics.gpu_utilization.unit).toBe('%');
    expect(summary.output_token_throughput_per_gpu.avg).toBeCloseTo(summary.output_token_throughput.avg / 2, 6);

    const samples = await jsonLines(join(dir, 'gpu_telemetry_export.jsonl'));
    expect(new Set(samples.map((sample) => sample.dcgm_url))).toEqual(new Set([fullDcgmUrl]));
    expect(new Set(samples.map((sample) => sample.gpu_index))).toEqual(new Set([0, 1]));
    expect(samples[0]).toMatchObject({ gpu_model_name: 'NVIDIA H100 80GB HBM3', hostname: 'mock-node', device: 'nvidia0', namespace: null });
    expect(gpu0.metrics.gpu_power_usage.count).toBeLessThanOrEqual(samples.filter((s) => s.gpu_index === 0).length);

    // Console: the reachability list and one table per GPU.
    expect(run.stdout).toContain('AIPerf | GPU Telemetry Summary');
    expect(run.stdout).toMatch(/\d\/5 telemetry sources reachable/);
    expect(run.stdout).toContain(`  ✔ ${fullDcgmUrl}`);
    expect(run.stdout).toContain(`  ✘ ${downUrl} (connect ECONNREFUSED`);
    expect(run.stdout).toContain(`  ✘ ${garbageUrl} (line 1: expected a metric name`);
    expect(run.stdout).toContain(`${key} | GPU 0 | NVIDIA H100 80GB HBM3`);
    expect(run.stdout).toContain(`${key} | GPU 1 | NVIDIA H100 80GB HBM3`);
    expect(run.stdout).toMatch(/│\s+GPU Power Usage \(W\) │/);
    expect(run.stdout).toContain(`\nGPU Telemetry Export: ${join(dir, 'gpu_telemetry_export.jsonl')}\n`);
  });

  it('--no-gpu-telemetry collects nothing', async () => {
    const dir = join(await tempDir('aiperf-telemetry-'), 'run');
    const run = await runAiperf([...loadArgs(dir), '--no-gpu-telemetry']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'gpu_telemetry_export.jsonl'))).toBe(false);
    expect((await readJson(join(dir, 'profile_export_aiperf.json'))).telemetry_data).toBeUndefined();
  });
});
