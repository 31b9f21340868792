import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEndpointType } from '../endpoints/registry.js';
import { testConfig } from '../test-config.js';
import { buildDataset } from './dataset.js';
import { loadTokenizer } from './tokenizer.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const chat = getEndpointType('chat');

describe('buildDataset', async () => {
  const tokenizer = await loadTokenizer('builtin');

  it('synthesizes prompts of the target token length, measured with the tokenizer', () => {
    const config = testConfig({ input: { inputTokens: { mean: 200, stddev: 0 }, numDatasetEntries: 20 } });
    const turns = buildDataset(config, chat, tokenizer);
    expect(turns).toHaveLength(20);
    for (const turn of turns) {
      // Decoding a token slice and re-encoding it can merge a token or two at the edges.
      expect(Math.abs(turn.inputTokenCount - 200)).toBeLessThanOrEqual(3);
      expect(turn.inputTokenCount).toBe(tokenizer.encode((turn.payload.messages as Array<{ content: string }>)[0]!.content).length);
    }
  });

  it('samples input and output lengths from normal(mean, stddev) and sends max_completion_tokens plus extra inputs', () => {
    const config = testConfig({
      endpoint: { extraInputs: { ignore_eos: true, min_tokens: 5 } },
      input: { inputTokens: { mean: 100, stddev: 20 }, outputTokens: { mean: 50, stddev: 10 }, numDatasetEntries: 400 },
    });
    const turns = buildDataset(config, chat, tokenizer);
    const isl = turns.map((t) => t.inputTokenCount);
    const osl = turns.map((t) => t.payload.max_completion_tokens as number);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    expect(mean(isl)).toBeGreaterThan(95);
    expect(mean(isl)).toBeLessThan(105);
    expect(sd(isl)).toBeGreaterThan(16);
    expect(sd(isl)).toBeLessThan(24);
    expect(mean(osl)).toBeGreaterThan(48);
    expect(mean(osl)).toBeLessThan(52);
    expect(turns[0]!.payload).toMatchObject({ model: 'mock-model', stream: true, stream_options: { include_usage: true }, ignore_eos: true, min_tokens: 5 });
    expect(JSON.parse(turns[0]!.bodyText)).toEqual(turns[0]!.payload);
  });

  it('is deterministic under --random-seed', () => {
    const config = testConfig({ input: { randomSeed: 7, inputTokens: { mean: 50, stddev: 10 } } });
    const a = buildDataset(config, chat, tokenizer);
    const b = buildDataset(config, chat, tokenizer);
    expect(a.map((t) => t.bodyText)).toEqual(b.map((t) => t.bodyText));
    expect(a.map((t) => t.conversationId)).toEqual(b.map((t) => t.conversationId));
    const other = buildDataset(testConfig({ input: { randomSeed: 8, inputTokens: { mean: 50, stddev: 10 } } }), chat, tokenizer);
    expect(other.map((t) => t.bodyText)).not.toEqual(a.map((t) => t.bodyText));
  });

  it('reads single_turn JSONL files, with per-line output_length and clear line errors', () => {
    const dir = makeTempDirSync('aiperf-dataset-');
    const file = join(dir, 'prompts.jsonl');
    writeFileSync(file, '{"text": "hello there"}\n\n{"text": "second", "output_length": 9}\n');
    const turns = buildDataset(testConfig({ input: { inputFile: file, customDatasetType: 'single_turn' } }), getEndpointType('completions'), tokenizer);
    expect(turns.map((t) => t.payload)).toEqual([
      { prompt: 'hello there', model: 'mock-model', stream: true, stream_options: { include_usage: true }, max_tokens: 8 },
      { prompt: 'second', model: 'mock-model', stream: true, stream_options: { include_usage: true }, max_tokens: 9 },
    ]);
    writeFileSync(file, '{"text": "ok"}\nnot json\n');
    expect(() => buildDataset(testConfig({ input: { inputFile: file } }), chat, tokenizer)).toThrow(`--input-file ${file}:2: not valid JSON`);
  });
});
