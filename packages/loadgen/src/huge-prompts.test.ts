// A huge --isl runs with prompts built per request: what is sent, what inputs.json holds and the ISL all agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDir } from '@aiperf/test-kit';
import { afterEach, expect, it } from 'vitest';
import { wantsLazyPrompts } from './dataset/prompt-budget.js';
import { parseJsonWithBigInt } from './export/json-text.js';
import { runProfile } from './run-profile.js';
import { testConfig } from './test-config.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ISL = 300_000;
const ENTRIES = 24;

it(`--isl ${ISL} × ${ENTRIES} entries (beyond the up-front budget): each request carries its whole prompt, as inputs.json says`, async () => {
  expect(wantsLazyPrompts(ENTRIES, ISL, 0)).toBe(true);
  server = await startMockServer({ port: 0, ttftMs: 0, itlMs: 0 });
  const dir = await makeTempDir('aiperf-huge-isl-');
  const config = testConfig({
    endpoint: { url: server.url, streaming: true },
    load: { concurrency: 2, requestCount: 4, warmupRequestCount: 0 },
    input: { inputTokens: { mean: ISL, stddev: 0 }, outputTokens: { mean: 2, stddev: 0 }, numDatasetEntries: ENTRIES },
    output: { artifactDir: dir, artifactDirExplicit: true, exportLevel: 'raw' },
  });
  const result = await runProfile(config, { stdout: new PassThrough(), stderr: new PassThrough() });
  expect(result).toMatchObject({ exitCode: 0, successfulRequestCount: 4, errorRequestCount: 0 });

  const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as { data: Array<{ session_id: string; payloads: any[] }> };
  expect(inputs.data).toHaveLength(ENTRIES);
  const promptBySession = new Map(inputs.data.map((s) => [s.session_id, s.payloads[0].messages[0].content as string]));
  for (const prompt of promptBySession.values()) expect(prompt.length).toBeGreaterThan(ISL * 3);

  const raw = readFileSync(join(dir, 'profile_export_raw.jsonl'), 'utf8').trim().split('\n').map((l) => parseJsonWithBigInt(l) as any);
  expect(raw).toHaveLength(4);
  for (const line of raw) expect(line.payload.messages[0].content).toBe(promptBySession.get(line.metadata.conversation_id));
  const records = readFileSync(join(dir, 'profile_export.jsonl'), 'utf8').trim().split('\n').map((l) => parseJsonWithBigInt(l) as any);
  for (const record of records) expect(record.metrics.input_sequence_length.value).toBe(ISL);
  // The server received whole prompts (its own word count of them, far above any placeholder's).
  const stats = (await (await fetch(`${server.url}/mock/stats`)).json()) as { tokens: { prompt: number } };
  expect(stats.tokens.prompt).toBeGreaterThan(4 * ISL * 0.5);
});
