// The merged TTFT of 4 shard processes against one process at the same total load (concurrency 8, 64 requests),
// the mock server answering with a 40 ms TTFT. A wall-clock comparison, so its tolerance is wide: on the 2-core
// machine the 4 processes compete with each other and the server more than one process does. Only TTFT is
// compared, so the tokens after the first come 1 ms apart (an answer in 55 ms, not 115: each run's 8 waves in half
// the time).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runInProcess } from './config-harness.js';
import { runAiperf } from './reliability/cli-process.js';
import { runShards, shardLoadArgs } from './shards-harness.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const SERVER_TTFT_MS = 40;

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: SERVER_TTFT_MS, itlMs: 1 });
});
afterAll(async () => {
  await server?.close();
});

it('merged TTFT of 4 shards is within tolerance of one process at the same total load', async () => {
  const root = await makeTempDir('aiperf-shards-timing-');
  for (const run of await runShards(server.url, join(root, 'sharded'), join(root, 'barrier'))) expect(run.code, run.stderr).toBe(0);
  // The merge is logic, not timing: in-process (no second process start on the clock of this test).
  const merge = await runInProcess(['merge', join(root, 'sharded'), '-o', join(root, 'merged')]);
  expect(merge.code, merge.stderr).toBe(0);
  const one = await runAiperf(shardLoadArgs(server.url, join(root, 'single')), {}, 120_000);
  expect(one.code, one.stderr).toBe(0);
  const m = readJson(join(root, 'merged', 'profile_export_aiperf.json')).time_to_first_token;
  const s = readJson(join(root, 'single', 'profile_export_aiperf.json')).time_to_first_token;
  console.log(`TTFT p50 merged ${m.p50.toFixed(1)} ms vs one process ${s.p50.toFixed(1)} ms; min ${m.min.toFixed(1)} vs ${s.min.toFixed(1)} ms`);
  // The fastest request of each run is near the server's TTFT; the medians within 300 ms or a factor 2.
  for (const stats of [m, s]) {
    expect(stats.min).toBeGreaterThanOrEqual(SERVER_TTFT_MS - 1);
    expect(stats.min).toBeLessThan(SERVER_TTFT_MS + 200);
  }
  expect(Math.abs(m.p50 - s.p50)).toBeLessThan(Math.max(300, s.p50));
}, 300_000);
