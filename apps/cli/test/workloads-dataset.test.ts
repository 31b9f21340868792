// --seq-dist, --dataset-sampling-strategy, --prompt-corpus and --random-seed end to end: what inputs.json holds
// and the order the server received the prompts in (through a recording proxy).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runInProcess } from './config-harness.js';
import { type ChatCompletionBody, makeTempDirSync } from '@aiperf/test-kit';
import { useProxiedMock } from './endpoint-harness.js';

const servers = useProxiedMock<ChatCompletionBody>({ ttftMs: 1, itlMs: 1 });
const root = makeTempDirSync('aiperf-workloads-dataset-');

type Payload = { messages: Array<{ content: string }>; max_completion_tokens?: number };
const profile = async (name: string, extra: string[]) => {
  const dir = join(root, name);
  const result = await runInProcess([
    'profile', '-m', 'mock-model', '-u', servers.proxy.url, '--tokenizer', 'builtin', '--concurrency', '1', '--workers', '1',
    '--artifact-dir', dir, '--no-gpu-telemetry', '--no-server-metrics', '--ui', 'none', ...extra,
  ]);
  expect(result.code, result.stderr).toBe(0);
  const inputsText = readFileSync(join(dir, 'inputs.json'), 'utf8');
  const inputs = JSON.parse(inputsText) as { data: Array<{ payloads: Payload[] }> };
  return { inputsText, payloads: inputs.data.map((s) => s.payloads[0]!), sent: servers.proxy.exchanges.map((e) => e.body.messages.at(-1)!.content) };
};

describe('--seq-dist', () => {
  test('each entry draws an (ISL, OSL) pair by its percentage; inputs.json shows both lengths', async () => {
    const { payloads } = await profile('seq-dist', ['--seq-dist', '40,8:25;400,32:75', '--num-dataset-entries', '40', '--request-count', '4', '--random-seed', '5']);
    const short = payloads.filter((p) => p.max_completion_tokens === 8);
    const long = payloads.filter((p) => p.max_completion_tokens === 32);
    expect(short.length + long.length).toBe(40);
    expect(short.length).toBeGreaterThan(3);
    expect(long.length).toBeGreaterThan(short.length);
    // The prompt lengths follow their pair (40 vs 400 tokens: an order of magnitude apart in characters).
    const chars = (list: Payload[]) => list.map((p) => p.messages[0]!.content.length);
    expect(Math.max(...chars(short))).toBeLessThan(Math.min(...chars(long)) / 3);
  });
});

describe('--dataset-sampling-strategy', () => {
  const run = async (strategy: string) => {
    const { payloads, sent } = await profile(`sampling-${strategy}`, ['--num-dataset-entries', '5', '--request-count', '15', '--isl', '12', '--osl', '2', '--random-seed', '9', '--dataset-sampling-strategy', strategy]);
    const prompts = payloads.map((p) => p.messages[0]!.content);
    return { prompts, order: sent.map((text) => prompts.indexOf(text)) };
  };

  test('sequential wraps around in order', async () => {
    expect((await run('sequential')).order).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
  });

  test('shuffle: every pass is a permutation of the whole dataset, reshuffled', async () => {
    const { order } = await run('shuffle');
    const passes = [order.slice(0, 5), order.slice(5, 10), order.slice(10)];
    for (const pass of passes) expect([...pass].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(passes.map((p) => p.join())).size).toBeGreaterThan(1);
  });

  test('random draws with replacement', async () => {
    const { order } = await run('random');
    expect(order.every((i) => i >= 0)).toBe(true);
    const counts = [0, 1, 2, 3, 4].map((i) => order.filter((o) => o === i).length);
    expect(counts).not.toEqual([3, 3, 3, 3, 3]);
  });
});

describe('--prompt-corpus coding', () => {
  test('synthetic prompts are cut from code, shell output, JSON and diffs instead of sonnets', async () => {
    const code = (await profile('coding', ['--prompt-corpus', 'coding', '--num-dataset-entries', '6', '--request-count', '2', '--isl', '300'])).payloads;
    const sonnet = (await profile('sonnet', ['--num-dataset-entries', '6', '--request-count', '2', '--isl', '300'])).payloads;
    const text = (list: Payload[]) => list.map((p) => p.messages[0]!.content).join('\n');
    expect(text(code)).toMatch(/[{}();=]/);
    expect(text(code)).not.toMatch(/\bthee\b|\bthou\b/);
    expect(text(sonnet)).toMatch(/\bthee\b|\bthou\b|\blove\b/);
  });
});

describe('--random-seed', () => {
  // Every synthesis feature at once: conversations, prefixes, a distribution, context, cache busting, sampling.
  const everything = ['--num-dataset-entries', '6', '--request-count', '6', '--conversation-turn-mean', '2', '--conversation-turn-stddev', '1',
    '--conversation-turn-delay-mean', '1', '--seq-dist', '30|3,4:50;60,6|1:50', '--prompt-prefix-pool-size', '2', '--prompt-prefix-length', '10',
    '--cache-bust', 'first_turn_suffix', '--dataset-sampling-strategy', 'shuffle'];

  test('the same seed gives a byte-identical inputs.json, whatever the run and the number of workers', async () => {
    const first = await profile('seed-a', [...everything, '--random-seed', '42']);
    const again = await profile('seed-b', [...everything, '--random-seed', '42']);
    const twoWorkers = await profile('seed-c', [...everything, '--random-seed', '42', '--workers', '2', '--concurrency', '2']);
    expect(again.inputsText).toBe(first.inputsText);
    expect(twoWorkers.inputsText).toBe(first.inputsText);
    const other = await profile('seed-d', [...everything, '--random-seed', '43']);
    expect(other.inputsText).not.toBe(first.inputsText);
  });
});
