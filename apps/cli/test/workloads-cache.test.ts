// Prefix and context synthesis end to end: the CLI against the mock server, whose vLLM-style /metrics counts
// the prefix-cache hits (16-word blocks seen before) a server would get from what aiperf sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type MockServer, startMockServer } from '@aiperf/mock-server';
import { makeTempDirSync } from '@aiperf/test-kit';
import { afterEach, describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';

const root = makeTempDirSync('aiperf-workloads-cache-');
let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const BLOCK_WORDS = 16;
const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');
const sharedWords = (a: string[], b: string[]) => {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
};

/** Runs a profile against a fresh mock; returns the prompts sent (messages joined as the mock joins them) and its prefix-cache hits. */
async function profile(name: string, extra: string[]) {
  mock = await startMockServer({ port: 0, ttftMs: 1, itlMs: 1 });
  const dir = join(root, name);
  const result = await runInProcess([
    'profile', '-m', 'mock-model', '-u', mock.url, '--request-count', '12', '--num-dataset-entries', '12', '--concurrency', '1',
    '--workers', '1', '--osl', '2', '--random-seed', '7', '--artifact-dir', dir, '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', ...extra,
  ]);
  expect(result.code, result.stderr).toBe(0);
  const inputs = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as { data: Array<{ payloads: Array<{ messages: Array<{ role: string; content: string }> }> }> };
  const sent = inputs.data.map((s) => s.payloads[0]!.messages);
  const metrics = await (await fetch(mock.metricsUrl)).text();
  const hits = Number(/^vllm:prefix_cache_hits_total\{[^}]*\} (\S+)$/m.exec(metrics)?.[1]);
  expect(mock.stats().requests.completed).toBe(12);
  return { sent, prompts: sent.map((m) => m.map((x) => x.content).join('\n')), hits };
}

describe('--prompt-prefix-pool-size / --prompt-prefix-length', () => {
  test('every prompt starts with one of the pool prefixes; the server sees exactly the hits the pool allows', async () => {
    const { prompts, hits } = await profile('prefix', ['--isl', '200', '--prompt-prefix-pool-size', '3', '--prompt-prefix-length', '120']);
    // Group prompts by their prefix: prompts of one group share its words, prompts of different groups no whole block.
    const groups: string[][][] = [];
    for (const prompt of prompts.map(words)) {
      const group = groups.find((g) => sharedWords(g[0]!, prompt) >= BLOCK_WORDS);
      if (group) group.push(prompt);
      else groups.push([prompt]);
    }
    expect(groups).toHaveLength(3);
    // The first prompt of a group misses; every later one hits the whole blocks of the shared prefix.
    const expected = groups.reduce((sum, g) => {
      const prefixWords = Math.min(...g.slice(1).map((p) => sharedWords(g[0]!, p)));
      return sum + (g.length - 1) * Math.floor(prefixWords / BLOCK_WORDS) * BLOCK_WORDS;
    }, 0);
    expect(expected).toBeGreaterThan(0);
    expect(hits).toBe(expected);
  });

  test('without a pool the same run gets no hits', async () => {
    expect((await profile('no-prefix', ['--isl', '200'])).hits).toBe(0);
  });
});

describe('--shared-system-prompt-length / --user-context-prompt-length / --cache-bust', () => {
  test('one shared system message (then a per-conversation context): every conversation after the first hits it', async () => {
    const { sent, hits } = await profile('system', ['--isl', '40', '--shared-system-prompt-length', '100', '--user-context-prompt-length', '30']);
    const systems = sent.map((m) => m[0]!);
    expect(systems.every((m) => m.role === 'system')).toBe(true);
    const [shared] = systems[0]!.content.split('\n\n');
    expect(systems.every((m) => m.content.startsWith(`${shared}\n\n`))).toBe(true);
    // The per-conversation contexts differ.
    expect(new Set(systems.map((m) => m.content)).size).toBe(12);
    expect(hits).toBe(11 * Math.floor(words(shared!).length / BLOCK_WORDS) * BLOCK_WORDS);
  });

  test('--cache-bust system_prefix puts a unique marker first: no conversation hits another', async () => {
    const { sent, hits } = await profile('bust', ['--isl', '40', '--shared-system-prompt-length', '100', '--cache-bust', 'system_prefix']);
    expect(sent.every((m) => /^\[cache-bust \d+-\w+\]\n/.test(m[0]!.content))).toBe(true);
    expect(hits).toBe(0);
  });
});
