// Run control through the CLI: bad input, --failed-request-threshold against a failing mock server, and
// --wait-for-model-* against a server that comes up late or never; in-process (streams and exit status captured).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quickProfileArgs } from './auto-plot-cli.js';
import { runInProcess } from './config-harness.js';

let root: string;
/** `aiperf …` in this process with a private HOME (the tokenizer search and plot config look there). */
const runAiperf = (args: readonly string[]) => runInProcess(args, { env: { HOME: root } });
const servers: MockServer[] = [];
beforeAll(async () => {
  root = await makeTempDir('aiperf-run-control-');
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A loopback port nothing listens on (for now). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('run control: bad input is one line naming the flag, exit 2', () => {
  it.each([
    [['--failed-request-threshold', '1.5'], '--failed-request-threshold: got "1.5", expected a number ≥ 0 and ≤ 1'],
    [['--warmup-concurrency', '2'], '--warmup-concurrency: only applies with a warmup; add --warmup-request-count N, --num-warmup-sessions N or --warmup-duration S'],
    [['--warmup-request-count', '3', '--warmup-grace-period', '5'], '--warmup-grace-period: only applies to a timed warmup; add --warmup-duration S'],
    [['--warmup-duration', '2', '--warmup-arrival-pattern', 'constant'], '--warmup-arrival-pattern: needs a request rate; add --warmup-request-rate or --request-rate'],
    [['--warmup-duration', '2', '--warmup-request-rate', '5', '--warmup-arrival-pattern', 'bursty'], '--warmup-arrival-pattern: got "bursty"; allowed: constant, poisson, gamma'],
    [['--warmup-duration', '5', '--warmup-concurrency-ramp-duration', '10'], '--warmup-concurrency-ramp-duration: got 10 s, which is not shorter than --warmup-duration 5 s; the ramp must end inside the warmup'],
    [['--warmup-duration', '5', '--warmup-request-rate-ramp-duration', '2'], '--warmup-request-rate-ramp-duration: needs --warmup-request-rate or --request-rate (the value it ramps to)'],
    [['--warmup-request-count', '5', '--warmup-prefill-concurrency-ramp-duration', '2'], '--warmup-prefill-concurrency-ramp-duration: needs --warmup-prefill-concurrency or --prefill-concurrency (the value it ramps to)'],
    [['--warmup-prefill-concurrency', '2'], '--warmup-prefill-concurrency: only applies with a warmup; add --warmup-request-count N, --num-warmup-sessions N or --warmup-duration S'],
    [['--warmup-request-count', '5', '--warmup-prefill-concurrency', '0'], '--warmup-prefill-concurrency: got "0", expected an integer ≥ 1'],
    [['--wait-for-model-mode', 'models'], '--wait-for-model-mode: only applies when waiting for the model; add --wait-for-model-timeout S (S > 0)'],
    [['--wait-for-model-timeout', '5', '--wait-for-model-mode', 'ping'], '--wait-for-model-mode: got "ping", expected one of: models, inference, both'],
    [['--wait-for-model-timeout', '-1'], '--wait-for-model-timeout: got "-1", expected a number ≥ 0 (seconds, or a duration like "30s", "5m")'],
  ])('%j', async (flags, line) => {
    const result = await runInProcess(['profile', '-m', 'm', '--concurrency', '1', '--request-count', '4', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`  ${line}\n`);
    expect(result.stderr).toContain('aiperf profile: 1 configuration error:');
  });
});

describe('--failed-request-threshold', () => {
  it('stops a run against a failing server early, writes the artifacts and exits 1', async () => {
    const server = await startMockServer({ port: 0, ttftMs: 2, itlMs: 1, errorRate: 0.5, errorStatus: 503, seed: 3 });
    servers.push(server);
    const dir = join(root, 'failing');
    const run = await runAiperf(quickProfileArgs(server.url, dir, ['--request-count', '500', '--concurrency', '2', '--failed-request-threshold', '0.2']));
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/\d+\/\d+ profiling requests failed \(\d+\.\d%\), over the --failed-request-threshold of 20\.0%; profiling was stopped early and the results so far were written/);
    const summary = JSON.parse(await readFile(join(dir, 'profile_export_aiperf.json'), 'utf8'));
    expect(summary.was_cancelled).toBe(true);
    const lines = (await readFile(join(dir, 'profile_export.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.length).toBeLessThan(500);
    expect(summary.error_request_count.avg + summary.request_count.avg).toBe(lines.length);
    expect(await readFile(join(dir, 'logs', 'aiperf.log'), 'utf8')).toContain('over the --failed-request-threshold of 20.0%');
  });
});

describe('--wait-for-model-*', () => {
  it('waits for a server that comes up late (503 while loading, then down, then up), then runs', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // A "loading" server first: it answers 503 until it has seen two probes, then goes away for the real one.
    let probes = 0;
    const loading = createHttpServer((_request, response) => {
      probes += 1;
      response.writeHead(503).end('model loading');
    });
    await new Promise<void>((resolve) => loading.listen(port, '127.0.0.1', resolve));
    const running = runAiperf(quickProfileArgs(url, join(root, 'late'), ['--wait-for-model-timeout', '60', '--wait-for-model-interval', '0.2', '--wait-for-model-mode', 'both']));
    while (probes < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    loading.closeAllConnections();
    await new Promise((resolve) => loading.close(resolve));
    servers.push(await startMockServer({ port, ttftMs: 2, itlMs: 1 }));
    const run = await running;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`waiting up to 60 s for mock-model to be ready (both) at ${url}`);
    const ready = /mock-model ready after \d+\.\d s \((\d+) probes\)/.exec(run.stderr);
    expect(Number(ready?.[1]), run.stderr).toBeGreaterThanOrEqual(3);
    expect(existsSync(join(root, 'late', 'profile_export_aiperf.json'))).toBe(true);
  });

  it('gives up after the timeout with one clear line, exit 1, nothing written', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await runAiperf(quickProfileArgs(url, join(root, 'never'), ['--wait-for-model-timeout', '1', '--wait-for-model-interval', '0.25']));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^aiperf: --wait-for-model-timeout: mock-model was not ready after 1 s \(\d+ probes, inference mode\); last probe: a one-token request to \/v1\/chat\/completions failed: ECONNREFUSED$/m);
    expect(run.stderr).not.toContain('internal error');
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  it('models mode: a server that does not list the model is never ready', async () => {
    const server = await startMockServer({ port: 0, models: ['other-model'] });
    servers.push(server);
    const run = await runAiperf(quickProfileArgs(server.url, join(root, 'unlisted'), ['--wait-for-model-timeout', '1', '--wait-for-model-interval', '0.1', '--wait-for-model-mode', 'models']));
    expect(run.code).toBe(1);
    expect(run.stderr, run.stderr).toContain('last probe: GET /v1/models does not list "mock-model" (it lists "other-model")');
  });
});
