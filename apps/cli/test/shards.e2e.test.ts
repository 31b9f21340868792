// Shards end to end: 4 `aiperf profile` processes with the environment a Kubernetes Indexed Job sets
// (JOB_COMPLETION_INDEX, AIPERF_SHARD_COUNT) against the mock server, merged by `aiperf merge`; the merged files
// are checked against the records themselves. (The TTFT comparison with one process is shards.timing.test.ts.)
// The shards and the worker processes are real processes; `aiperf merge` and `aiperf plot` run in-process.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runInProcess } from './config-harness.js';
import { type Finished, readWholeJsonl, runAiperf } from './reliability/cli-process.js';
import { REQUESTS, SHARDS, runShards } from './shards-harness.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/** numpy's default percentile (linear interpolation between closest ranks), written out here independently. */
function numpyPercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

let server: MockServer;
let root: string;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 5, itlMs: 1 });
  root = await makeTempDir('aiperf-shards-');
});
afterAll(async () => {
  await server?.close();
});

// Each test may be the one that runs the 4 shards (about 15 s, minutes on a loaded machine).
const SHARDED_MS = 240_000;

describe('sharded run → aiperf merge', () => {
  const shardRoot = () => join(root, 'sharded');
  const mergedDir = () => join(root, 'merged');
  /**
   * The 4 shards and their merge, run once by whichever test needs them first (the tests stand alone, in any
   * order); the tests that only read them check that both succeeded.
   */
  let shardedRun: Promise<{ shards: Finished[]; merge: CliResult }> | undefined;
  const shardedAndMerged = () =>
    (shardedRun ??= (async () => {
      const shards = await runShards(server.url, shardRoot(), join(root, 'barrier'));
      const merge = shards.every((run) => run.code === 0) ? await runInProcess(['merge', shardRoot(), '-o', mergedDir()]) : { code: -1, stdout: '', stderr: 'not merged: a shard failed' };
      return { shards, merge };
    })());
  async function mergedSummary(): Promise<Record<string, any>> {
    const { shards, merge } = await shardedAndMerged();
    for (const run of shards) expect(run.code, run.stderr).toBe(0);
    expect(merge.code, merge.stderr).toBe(0);
    return readJson(join(mergedDir(), 'profile_export_aiperf.json'));
  }

  it('runs 4 shards with the Indexed Job env at one barrier, then merges them', async () => {
    const { shards, merge } = await shardedAndMerged();
    for (const run of shards) expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(shardRoot()).sort()).toEqual(['shard-0', 'shard-1', 'shard-2', 'shard-3']);
    expect(merge.code, merge.stderr).toBe(0);
    expect(merge.stdout).toMatch(/^Merged 4 of 4 shards: 64 requests, clock skew \d+\.\d ms$/m);
  }, SHARDED_MS);

  it('splits the load exactly: concurrency 8 → 2 each, 64 requests → 16 each; every shard marked', async () => {
    await mergedSummary();
    for (let index = 0; index < SHARDS; index++) {
      const manifest = readJson(join(shardRoot(), `shard-${index}`, 'shard.json'));
      expect(manifest.shard).toEqual({ index, count: SHARDS });
      expect(manifest.load).toMatchObject({ concurrency: 2, request_count: 16 });
      expect(manifest.start.mode).toBe('barrier');
      expect(readJson(join(shardRoot(), `shard-${index}`, 'profile_export_aiperf.json')).shard).toEqual({ index, count: SHARDS });
    }
  }, SHARDED_MS);

  it('merged request count = the whole run\'s count; no dataset entry duplicated or missing', async () => {
    const merged = await mergedSummary();
    // One process would send --request-count requests: 64.
    expect(merged.request_count.avg).toBe(REQUESTS);
    const records = readWholeJsonl(join(mergedDir(), 'profile_export.jsonl'));
    expect(records).toHaveLength(REQUESTS);
    const sorted = (key: string) => records.map((r) => r.metadata[key] as number).sort((a, b) => a - b);
    const all = Array.from({ length: REQUESTS }, (_, i) => i);
    expect(sorted('dataset_index')).toEqual(all);
    expect(sorted('session_num')).toEqual(all);
    for (const r of records) expect(r.metadata.session_num % SHARDS).toBe(r.metadata.shard_index);
    expect(merged.merge).toMatchObject({ shard_count: 4, merged_shards: [0, 1, 2, 3], partial: false, missing_shards: [] });
    expect(merged.merge.shards.map((s: any) => s.request_count)).toEqual([16, 16, 16, 16]);
  }, SHARDED_MS);

  it('merged percentiles = percentiles recomputed from all records (not averaged per shard)', async () => {
    const merged = await mergedSummary();
    const records = readWholeJsonl(join(mergedDir(), 'profile_export.jsonl'));
    for (const tag of ['time_to_first_token', 'request_latency', 'inter_token_latency']) {
      const values = records.map((r) => r.metrics[tag].value as number);
      for (const p of [50, 90, 99]) {
        // Float32 metric columns: a relative error of at most 6e-8 per value.
        expect(merged[tag][`p${p}`]).toBeCloseTo(numpyPercentile(values, p), 3);
      }
      expect(merged[tag].max).toBeCloseTo(Math.max(...values), 3);
    }
  }, SHARDED_MS);

  it('`aiperf plot` works on the merged directory', async () => {
    await mergedSummary();
    const plot = await runInProcess(['plot', mergedDir()]);
    expect(plot.code, plot.stderr).toBe(0);
    const pngs = readdirSync(join(mergedDir(), 'plots')).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThan(0);
  }, SHARDED_MS);

  it('refuses shards of different settings (naming the keys), a missing shard, and warns on clock skew', async () => {
    await mergedSummary();
    const bad = join(root, 'bad');
    cpSync(shardRoot(), bad, { recursive: true });
    const manifestPath = join(bad, 'shard-1', 'shard.json');
    const original = readFileSync(manifestPath, 'utf8');
    const edited = JSON.parse(original);
    edited.settings.load.requestCount = 99;
    writeFileSync(manifestPath, JSON.stringify(edited));
    const differing = await runInProcess(['merge', bad, '-o', join(root, 'out-bad')]);
    expect(differing.code).toBe(2);
    expect(differing.stderr).toBe('aiperf merge: the shards were run with different settings, so they are not one run: load.requestCount (shard 0: 64, shard 1: 99, shard 2: 64, shard 3: 64)\n');

    writeFileSync(manifestPath, original);
    rmSync(join(bad, 'shard-2'), { recursive: true });
    const missing = await runInProcess(['merge', bad, '-o', join(root, 'out-missing')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^aiperf merge: shard 2 of 4 missing; give every shard's directory, or --allow-partial/);

    const skewed = JSON.parse(original);
    skewed.start.clock_offset_ms = 750;
    writeFileSync(manifestPath, JSON.stringify(skewed));
    const partial = await runInProcess(['merge', bad, '-o', join(root, 'out-partial'), '--allow-partial']);
    expect(partial.code, partial.stderr).toBe(0);
    // The spread of the merged shards' offsets (0, 1 and 3): shard 1's 750 ms against the others' real ones, which a
    // loaded machine makes tens to hundreds of ms (the time between writing the ready file and reading the clock).
    const offsets = [0, 1, 3].map((index) => (index === 1 ? 750 : readJson(join(bad, `shard-${index}`, 'shard.json')).start.clock_offset_ms as number));
    const skewMs = (Math.max(...offsets) - Math.min(...offsets)).toFixed(1);
    expect(partial.stderr).toContain(`warning: the shards' clocks differ by ${skewMs} ms (over 100 ms, measured at the barrier)`);
    const summary = readJson(join(root, 'out-partial', 'profile_export_aiperf.json'));
    expect(summary.merge).toMatchObject({ partial: true, missing_shards: [2], merged_shards: [0, 1, 3] });
    expect(summary.request_count.avg).toBe(48);
    expect(existsSync(join(root, 'out-partial', 'profile_export.jsonl'))).toBe(true);
  }, SHARDED_MS);
});

describe('--worker-mode process', () => {
  it('runs --workers 2 as two shard processes and merges them into the artifact directory', async () => {
    const dir = join(root, 'processes');
    const run = await runAiperf(['profile', '-m', 'mock-model', '-u', server.url, '--streaming', '--concurrency', '4', '--request-count', '20', '--osl', '8',
      '--tokenizer', 'builtin', '--ui', 'none', '--no-gpu-telemetry', '--no-server-metrics', '--artifact-dir', dir, '--workers', '2', '--worker-mode', 'process'], {}, 120_000);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Merged 2 worker processes: 20 requests');
    expect(readdirSync(join(dir, 'shards')).filter((d) => d.startsWith('shard-')).sort()).toEqual(['shard-0', 'shard-1']);
    const summary = readJson(join(dir, 'profile_export_aiperf.json'));
    expect(summary.request_count.avg).toBe(20);
    expect(summary.merge).toMatchObject({ shard_count: 2, partial: false });
    const sessions = readWholeJsonl(join(dir, 'profile_export.jsonl')).map((r) => r.metadata.session_num as number).sort((a, b) => a - b);
    expect(sessions).toEqual(Array.from({ length: 20 }, (_, i) => i));
  }, 150_000);

  it('is refused together with --shard (a shard is one process)', async () => {
    const run = await runInProcess(['profile', '-m', 'm', '--shard', '0/2', '--worker-mode', 'process', '--print-config']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--worker-mode: process: a shard runs in one process; leave --worker-mode out of shard runs');
  });
});

describe('--shard bad input', () => {
  it('an index out of range is one line naming the flag, exit 2', async () => {
    const run = await runInProcess(['profile', '-m', 'm', '--shard', '4/4', '--print-config']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard: got "4/4"; expected i/4 with i in 0..3');
  });

  it('reads the shard from the Indexed Job variables, and names them when they are out of range', async () => {
    const ok = await runInProcess(['profile', '-m', 'm', '--print-config'], { env: { JOB_COMPLETION_INDEX: '2', AIPERF_SHARD_COUNT: '3' } });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/shard: 2\/3/);
    const bad = await runInProcess(['profile', '-m', 'm', '--print-config'], { env: { JOB_COMPLETION_INDEX: '5', AIPERF_SHARD_COUNT: '3' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('$JOB_COMPLETION_INDEX/$AIPERF_SHARD_COUNT: got "5/3"; expected i/3 with i in 0..2');
  });

  it('a shard left without requests is refused before any request', async () => {
    const run = await runInProcess(['profile', '-m', 'm', '-u', server.url, '--concurrency', '2', '--request-count', '10', '--shard', '3/4', '--tokenizer', 'builtin', '--ui', 'none', '--no-gpu-telemetry', '--no-server-metrics', '--artifact-dir', join(root, 'starved')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard 3/4: --concurrency 2 split over 4 shards leaves this shard none; use at most 2 shards');
  });
});
