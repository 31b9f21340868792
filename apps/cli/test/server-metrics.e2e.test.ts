// `aiperf profile` collects the inference server's own /metrics by default: the built CLI against the mock
// server's vLLM-style metrics (which restart mid-run, like a restarted server), plus one endpoint that is down
// and one that answers HTML. Exports must hold the expected series, histogram percentiles must match the
// mock's known TTFT distribution, and the counter reset must not lose or invent a single token.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_LOOP_LOAD, readJson, runAiperf, tempDir } from './auto-plot-cli.js';

let garbage: Server;
let garbageUrl = '';
let downUrl = '';
let server: MockServer | undefined;
const dirs: string[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const http = createServer(handler);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { server: http, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/metrics` };
}

beforeAll(async () => {
  ({ server: garbage, url: garbageUrl } = await listen((_request, response) => response.end('<html>upstream down</html>\n')));
  const closed = await listen((_request, response) => response.end());
  await new Promise((resolve) => closed.server.close(resolve));
  downUrl = closed.url;
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(async () => {
  await new Promise((resolve) => garbage?.close(resolve));
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function runDir(): Promise<string> {
  const dir = await tempDir('aiperf-server-metrics-');
  dirs.push(dir);
  return join(dir, 'run');
}

const profileArgs = (url: string, dir: string, requests: number) => [
  'profile', '-m', 'mock-model', '-u', url, '--streaming', '--concurrency', '4', '--request-count', String(requests),
  '--warmup-request-count', '0', '--isl', '16', '--osl', '32', '--artifact-dir', dir, '--no-gpu-telemetry', '--ui', 'none',
];

type Series = { endpoint_url: string; labels: Record<string, string> | null; stats: Record<string, number>; buckets?: Record<string, number>; timeslices?: Record<string, number>[] };

describe('aiperf profile: server metrics', () => {
  it('scrapes <url>/metrics by default; exports hold the series, TTFT percentiles match the served distribution, counters are right across a restart', async () => {
    // TTFT uniform in [30, 70] ms; the simulated server restarts after its 40th completed request.
    server = await startMockServer({ port: 0, ttftMs: 50, ttftJitterMs: 20, itlMs: 1, metricsResetAfterRequests: 40, seed: 3 });
    const dir = await runDir();
    const run = await runAiperf([
      ...profileArgs(server.url, dir, 80), '--slice-duration', '0.5',
      '--server-metrics', downUrl, garbageUrl.replace('http://', ''), '--server-metrics-interval', '50',
      '--server-metrics-formats', 'json', 'csv', 'jsonl', 'parquet',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const metricsUrl = `${server.url}/metrics`;

    // Bad endpoints: warned about once while running and once at the end; the run is unaffected.
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('Server metrics:'));
    expect(warnings.filter((line) => line.includes(downUrl))).toEqual([
      expect.stringMatching(/could not be scraped \(connect ECONNREFUSED .*\); the run goes on and keeps trying it$/),
      expect.stringMatching(/gave no metrics during the run/),
    ]);
    expect(warnings.filter((line) => line.includes(garbageUrl))[0]).toContain('did not return Prometheus metrics (line 1: expected a metric name)');
    expect(warnings.filter((line) => line.includes(metricsUrl))).toEqual([]);

    const data = await readJson(join(dir, 'server_metrics_export.json'));
    expect(data.schema_version).toBe('1.0');
    expect(data.summary.endpoints_configured).toEqual([metricsUrl, downUrl, garbageUrl]);
    expect(data.summary.endpoints_successful).toEqual([metricsUrl]);
    expect(data.summary.endpoint_info[downUrl].failures.unreachable).toBeGreaterThan(0);
    expect(data.summary.endpoint_info[garbageUrl].failures['not-prometheus']).toBeGreaterThan(0);
    expect(data.summary.endpoint_info[metricsUrl].total_fetches).toBeGreaterThan(5);

    const stats = (name: string): Series[] => data.metrics[name].series;
    const served = server.stats();
    expect(served.requests.completed).toBe(80);
    // Counters across the restart. Tokens made between the last scrape before the restart and the restart
    // itself are gone from any Prometheus counter; everything the scrapes saw is counted, so the total is the
    // Prometheus increase of the raw samples, and within a few tokens of what the server did (the naive
    // last − first would give about half).
    expect(data.metrics['vllm:generation_tokens']).toMatchObject({ type: 'counter', unit: 'tokens' });
    const lines = (await readFile(join(dir, 'server_metrics_export.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line));
    const raw = lines.filter((line) => line.endpoint_url === metricsUrl).map((line) => line.metrics['vllm:generation_tokens'][0].value as number);
    const resetAt = raw.findIndex((value, i) => i > 0 && value < (raw[i - 1] as number));
    expect(resetAt).toBeGreaterThan(0);
    const increase = raw.reduce((sum, value, i) => (i === 0 ? 0 : sum + (value >= (raw[i - 1] as number) ? value - (raw[i - 1] as number) : value)), 0);
    const total = stats('vllm:generation_tokens')[0]?.stats.total as number;
    expect(total).toBe(increase);
    expect(total).toBeLessThanOrEqual(served.tokens.completion);
    expect(total).toBeGreaterThan(served.tokens.completion * 0.95);
    expect(total).toBeGreaterThan((raw.at(-1) as number) - (raw[0] as number) + served.tokens.completion * 0.3);
    const successes = stats('vllm:request_success').reduce((sum, series) => sum + (series.stats.total ?? 0), 0);
    expect(successes).toBeGreaterThanOrEqual(76);
    expect(successes).toBeLessThanOrEqual(80);

    // The TTFT histogram: 80 observations, percentiles within a bucket of the uniform [30, 70] ms distribution.
    const ttft = stats('vllm:time_to_first_token_seconds')[0] as Series;
    expect(ttft.labels).toEqual({ engine: '0', model_name: 'mock-model' });
    // Observations between the last scrape and the restart are lost, like the counters' (at most the 4 in flight).
    expect(ttft.stats.count).toBeGreaterThanOrEqual(76);
    expect(ttft.stats.count).toBeLessThanOrEqual(80);
    expect(ttft.stats.avg).toBeGreaterThan(0.04);
    expect(ttft.stats.avg).toBeLessThan(0.06);
    for (const [p, expected] of [[10, 0.034], [50, 0.05], [90, 0.066], [99, 0.0696]] as const) {
      expect(Math.abs((ttft.stats[`p${p}_estimate`] as number) - expected), `p${p}`).toBeLessThan(0.01);
    }
    expect(ttft.buckets?.['0.02']).toBe(0);
    expect(ttft.buckets?.['0.08']).toBe(ttft.stats.count);
    expect(ttft.timeslices?.reduce((sum, slice) => sum + (slice.count as number), 0)).toBe(ttft.stats.count);

    // Gauges follow the load: four requests at a time hold KV cache.
    const running = stats('vllm:num_requests_running')[0] as Series;
    expect(running.stats.max).toBeGreaterThanOrEqual(3);
    expect(running.stats.max).toBeLessThanOrEqual(4);
    expect(stats('vllm:kv_cache_usage_perc')[0]?.stats.max).toBeGreaterThan(0);

    // CSV: AIPerf's sections with labels as columns.
    const csv = await readFile(join(dir, 'server_metrics_export.csv'), 'utf8');
    expect(csv).toMatch(/^# AIPerf Server Metrics Export \(CSV\)/);
    expect(csv).toContain('Endpoint,Type,Metric,Unit,avg,min,max,std,p1,');
    expect(csv).toContain('Endpoint,Type,Metric,Unit,total,rate,rate_avg,rate_min,rate_max,rate_std,');
    expect(csv).toMatch(new RegExp(`^${server.url.replace('http://', '')},counter,vllm:generation_tokens,tokens,${total},`, 'm'));

    const parquet = await readFile(join(dir, 'server_metrics_export.parquet'));
    expect(parquet.subarray(0, 4).toString()).toBe('PAR1');

    // Console: the key-metrics table next to the client metrics, and the export footer lines.
    expect(run.stdout).toContain('AIPerf | Server Metrics Summary');
    expect(run.stdout).toContain('1/3 server metrics sources reachable');
    expect(run.stdout).toMatch(/Time to first token \(ms\) │ vllm:time_to_first_token_seconds │/);
    expect(run.stdout).toContain(`Server Metrics JSON Export: ${join(dir, 'server_metrics_export.json')}`);
  });

  it('--no-server-metrics collects nothing; a server without /metrics is skipped silently', async () => {
    server = await startMockServer({ port: 0, ttftMs: 1, itlMs: 1 });
    const off = await runDir();
    // Not about the measured latencies: the load runs on the main event loop (MAIN_LOOP_LOAD), no load thread to start.
    const run = await runAiperf([...profileArgs(server.url, off, 8), '--no-server-metrics', ...MAIN_LOOP_LOAD]);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(off, 'server_metrics_export.json'))).toBe(false);
    expect(run.stdout).not.toContain('Server Metrics');

    const noMetrics = await listen((request, response) => response.writeHead(404).end('not found'));
    try {
      const dir = await runDir();
      // Not an inference server, so the run fails, but quietly as far as server metrics go.
      const quiet = await runAiperf([...profileArgs(noMetrics.url.replace('/metrics', ''), dir, 4), '--request-timeout-seconds', '2', ...MAIN_LOOP_LOAD]);
      expect(quiet.stderr).not.toContain('Server metrics:');
      expect(existsSync(join(dir, 'server_metrics_export.json'))).toBe(false);
    } finally {
      await new Promise((resolve) => noMetrics.server.close(resolve));
    }
  });
});
