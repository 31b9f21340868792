import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonWithBigInt } from '../export/json-text.js';
import { runProfile } from '../run-profile.js';
import { testConfig } from '../test-config.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, ttftMs: 0, itlMs: 0 });
});
afterAll(async () => {
  await server?.close();
});

describe('a sharded runProfile', () => {
  it('sends every 3rd request of the whole run (global indices), marks each record, and writes shard.json', async () => {
    const dir = await makeTempDir('aiperf-shard-run-');
    const base = testConfig({ endpoint: { url: server.url }, load: { concurrency: 5, requestCount: 13 }, input: { numDatasetEntries: 6 } });
    const config = { ...base, output: { ...base.output, artifactDir: dir, artifactDirExplicit: true }, distributed: { ...base.distributed, shard: '1/3' } };
    const result = await runProfile(config, { stdout: new PassThrough(), stderr: new PassThrough() });
    const shardDir = join(dir, 'shard-1');
    expect(result.artifactDir).toBe(shardDir);
    const lines = readFileSync(join(shardDir, 'profile_export.jsonl'), 'utf8').trim().split('\n');
    const metadata = lines.map((l) => (parseJsonWithBigInt(l) as { metadata: Record<string, number> }).metadata) as Array<{ session_num: number; shard_index: number; dataset_index: number }>;
    // 13 requests over 3 shards: 5, 4, 4; shard 1 sends requests 1, 4, 7, 10.
    expect(metadata.map((m) => m.session_num).sort((a, b) => a - b)).toEqual([1, 4, 7, 10]);
    for (const m of metadata) expect([m.shard_index, m.dataset_index]).toEqual([1, m.session_num % 6]);
    const manifest = JSON.parse(readFileSync(join(shardDir, 'shard.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'aiperf-shard/1', shard: { index: 1, count: 3 }, load: { concurrency: 2, request_count: 4 }, dataset_entries: 6 });
    expect(manifest.settings.load).toMatchObject({ concurrency: 5, requestCount: 13 });
    expect(manifest.settings.distributed).not.toHaveProperty('shard');
    expect(JSON.parse(readFileSync(join(shardDir, 'profile_export_aiperf.json'), 'utf8')).shard).toEqual({ index: 1, count: 3 });
  });
});
