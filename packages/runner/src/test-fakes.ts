// Test doubles for the orchestrator: a runProfile stand-in that writes a summary, captured streams, a hook recorder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { BenchmarkConfig } from '@aiperf/config';
import { type CompletedRun, createHookRegistry } from '@aiperf/hooks';
import type { ProfileRunResult, RunProfileOptions } from '@aiperf/loadgen';
import { makeTempDir } from '@aiperf/test-kit';

export function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

/** Stands in for loadgen: writes a summary whose TTFT grows with concurrency; fails where told. */
export function fakeProfile(failConcurrency: number[] = []) {
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
      request_latency: { unit: 'ms', avg: 4 * c * c, p99: 5 * c * c },
    };
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'profile_export_aiperf.json'), JSON.stringify(summary));
    return { artifactDir: dir, exitCode: ok ? 0 : 1, cancelled: false, successfulRequestCount: ok ? 4 : 0, errorRequestCount: ok ? 0 : 4, summary };
  };
  return { calls, runProfile };
}

export function recordingHooks() {
  const seen: CompletedRun[] = [];
  const hooks = createHookRegistry();
  hooks.register({ name: 'record', run: async (o) => void seen.push(o) });
  return { seen, hooks };
}

export const tmp = () => makeTempDir('run-benchmark-');
