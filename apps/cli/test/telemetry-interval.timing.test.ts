// GPU telemetry at the YAML's interval_ms, end to end (the CLI in-process against the mock server's DCGM endpoint):
// the sample count follows the run length, and no two scrapes come within 10 ms of each other. A timing test (serial
// group): the spacing is of the scrapes' answers on the wall clock, which a loaded machine bunches (a late answer
// followed by an on-time one), so it is checked where nothing else runs. The rest of --gpu-telemetry (bad endpoints,
// exports, tables) is `telemetry.test.ts`.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { MAIN_LOOP_LOAD, readJson, runAiperf, tempDir } from './auto-plot-cli.js';
import { useMockServer } from './mock-fixture.js';

const server = useMockServer({ ttftMs: 2, itlMs: 2, dcgmNumGpus: 2, dcgmGpu: 'h100-sxm', dcgmHostname: 'mock-node' });

it('scrapes at the YAML interval_ms: sample count follows the run length, never two scrapes in one slot', async () => {
  const dir = join(await tempDir('aiperf-telemetry-'), 'run');
  const yaml = join(dir, '..', 'bench.yaml');
  await writeFile(yaml, `benchmark:\n  gpu_telemetry:\n    urls: ["${server.url}/dcgm2/metrics"]\n    interval_ms: 50\n`);
  const startedMs = performance.now();
  // ~0.6 s of load (12 waves of 24 tokens at 2 ms): a dozen 50 ms slots.
  const run = await runAiperf([
    'profile', '-f', yaml, '-m', 'mock-model', '-u', server.url, '--streaming', '--concurrency', '2', '--request-count', '24',
    '--warmup-request-count', '2', '--isl', '16', '--osl', '24', '--artifact-dir', dir, '--ui', 'none', ...MAIN_LOOP_LOAD,
  ]);
  const elapsedMs = performance.now() - startedMs;
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).not.toContain('GPU Telemetry Summary'); // URLs from YAML without enabled: true → no table

  const lines = (await readFile(join(dir, 'gpu_telemetry_export.jsonl'), 'utf8')).trimEnd().split('\n');
  // timestamp_ns exceeds 2^53: read it as a bigint from the text.
  const gpu1 = lines.filter((line) => line.includes('"gpu_index":1,')).map((line) => BigInt(/"timestamp_ns":(\d+)/.exec(line)?.[1] ?? 'x'));
  const summary = await readJson(join(dir, 'profile_export_aiperf.json'));
  const durationMs = summary.benchmark_duration.avg * 1000;
  // At least the profiling window at 50 ms (with slack for a busy machine), at most the whole process lifetime.
  expect(gpu1.length).toBeGreaterThanOrEqual(Math.floor(durationMs / 50 / 3));
  expect(gpu1.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 50) + 1);
  const gapsMs = gpu1.slice(1).map((timestampNs, i) => Number(timestampNs - (gpu1[i] as bigint)) / 1e6);
  expect(Math.min(...gapsMs)).toBeGreaterThan(10); // never two scrapes in one slot
  expect(summary.telemetry_data.endpoints[`${new URL(server.url).host}`].gpus.gpu_1.metrics.gpu_temperature.unit).toBe('°C');
});
