import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BenchmarkConfig } from '@aiperf/config';
import { type CompletedRun, createHookRegistry } from '@aiperf/hooks';
import type { ProfileRunResult, RunProfileOptions } from '@aiperf/loadgen';
import { describe, expect, it } from 'vitest';
import { runBenchmark } from './run-benchmark.js';
import { testConfig } from './test-config.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

/** Stands in for loadgen: writes a summary whose TTFT grows with concurrency; fails where told. */
function fakeProfile(failConcurrency: number[] = []) {
  const calls: { config: BenchmarkConfig; options: RunProfileOptions }[] = [];
  const runProfile = async (config: BenchmarkConfig, _io: unknown, options: RunProfileOptions): Promise<ProfileRunResult> => {
    calls.push({ config, options });
    const dir = options.artifactDir ?? config.output.artifactDir;
    const c = config.load.concurrency ?? 1;
    const ok = !failConcurrency.includes(c);
    const summary = {
      aiperf_version: 'test',
      time_to_first_token: { unit: 'ms', avg: 10 * c + calls.length, p99: 20 * c },
      request_throughput: { unit: 'requests/sec', avg: 100 * Math.sqrt(c) },
    };
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'profile_export_aiperf.json'), JSON.stringify(summary));
    return { artifactDir: dir, exitCode: ok ? 0 : 1, cancelled: false, successfulRequestCount: ok ? 4 : 0, errorRequestCount: ok ? 0 : 4, summary };
  };
  return { calls, runProfile };
}

function recordingHooks() {
  const seen: CompletedRun[] = [];
  const hooks = createHookRegistry();
  hooks.register({ name: 'record', run: async (o) => void seen.push(o) });
  return { seen, hooks };
}

const tmp = () => mkdtemp(join(tmpdir(), 'run-benchmark-'));

describe('runBenchmark: single run', () => {
  it('runs the profile once and fires the hooks against its artifact dir on success', async () => {
    const dir = await tmp();
    const { calls, runProfile } = fakeProfile();
    const { seen, hooks } = recordingHooks();
    const code = await runBenchmark(testConfig({ artifactDir: dir }), capture().io, { runProfile, hooks, sidecars: () => [] });
    expect(code).toBe(0);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options.artifactDir).toBeUndefined();
    expect(seen.map((o) => [o.kind, o.artifactDir, o.exitCode])).toEqual([['single', dir, 0]]);
  });

  it('skips the hooks when the run fails and returns its exit code', async () => {
    const dir = await tmp();
    const { runProfile } = fakeProfile([1]);
    const { seen, hooks } = recordingHooks();
    expect(await runBenchmark(testConfig({ artifactDir: dir }), capture().io, { runProfile, hooks, sidecars: () => [] })).toBe(1);
    expect(seen).toHaveLength(0);
  });

  it('returns 2 and lists the known recipes for an unknown recipe name', async () => {
    const out = capture();
    const config = testConfig({ artifactDir: await tmp(), recipe: { name: 'nope', params: {} } });
    expect(await runBenchmark(config, out.io, { runProfile: fakeProfile().runProfile })).toBe(2);
    expect(out.err()).toBe("Error: --recipe: unknown recipe 'nope'; known recipes: concurrency-ramp, pareto-sweep\n");
  });
});
