import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEndpointType } from '../endpoints/registry.js';
import { testConfig } from '../test-config.js';
import { buildDataset } from './dataset.js';
import { loadTokenizer } from './tokenizer.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const write = (lines: unknown[]) => {
  const path = join(makeTempDirSync('mooncake-'), 'trace.jsonl');
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
  return path;
};

describe('mooncake_trace datasets', async () => {
  const tokenizer = await loadTokenizer('builtin');
  const build = (inputFile: string) =>
    buildDataset(testConfig({ input: { inputFile, customDatasetType: 'mooncake_trace' } }), getEndpointType('chat'), tokenizer);
  const prompt = (turn: { payload: Record<string, unknown> }) => (turn.payload.messages as Array<{ content: string }>)[0]!.content;

  it('synthesizes input_length-token prompts from hash-id blocks and asks for output_length tokens', () => {
    const file = write([
      { timestamp: 0, input_length: 1200, output_length: 40, hash_ids: [1, 2, 3] },
      { timestamp: 150, input_length: 700, output_length: 12, hash_ids: [1, 4] },
      { timestamp: 300, input_length: 90, output_length: 5 },
    ]);
    const turns = build(file);
    expect(turns.map((t) => t.payload.max_completion_tokens)).toEqual([40, 12, 5]);
    expect(turns.map((t) => t.timestampMs)).toEqual([0, 150, 300]);
    // Decoding and re-encoding can merge a token or two at block edges.
    [1200, 700, 90].forEach((length, i) => expect(Math.abs(turns[i]!.inputTokenCount - length)).toBeLessThanOrEqual(6));
    // Hash id 1 gives both prompts the same first 512-token block; hash ids 2 and 4 differ.
    const firstBlock = tokenizer.decode(tokenizer.encode(prompt(turns[0]!)).slice(0, 500));
    expect(prompt(turns[1]!).startsWith(firstBlock)).toBe(true);
    expect(prompt(turns[0]!).slice(0, 4000)).not.toBe(prompt(turns[1]!).slice(0, 4000));
  });

  it('--isl-block-size sets the tokens per hash id', () => {
    const file = write([{ input_length: 200, hash_ids: [7, 8] }, { input_length: 100, hash_ids: [7, 9] }]);
    const config = testConfig({ input: { inputFile: file, customDatasetType: 'mooncake_trace', islBlockSize: 64 } });
    const [a, b] = buildDataset(config, getEndpointType('chat'), tokenizer).map((t) => tokenizer.encode(prompt(t)));
    // Block 7 (64 tokens) is shared; the second blocks differ. A token may merge across the block edge.
    expect(a!.slice(0, 62)).toEqual(b!.slice(0, 62));
    expect(a!.slice(66, 120)).not.toEqual(b!.slice(66, 120));
  });

  it('keeps only entries inside --fixed-schedule-start/end-offset', () => {
    const file = write([0, 100, 200, 300].map((timestamp) => ({ timestamp, input_length: 5 })));
    const base = testConfig({ input: { inputFile: file, customDatasetType: 'mooncake_trace' } });
    const config = { ...base, load: { ...base.load, fixedScheduleStartOffsetMs: 100, fixedScheduleEndOffsetMs: 200 } };
    expect(buildDataset(config, getEndpointType('chat'), tokenizer).map((t) => t.timestampMs)).toEqual([100, 200]);
  });

  it('names the file, line, field and what is allowed', () => {
    const file = write([{ input_length: 10 }, { input_length: 0 }]);
    expect(() => build(file)).toThrow(`--input-file ${file}:2: "input_length" is 0; allowed: an integer ≥ 1`);
    const badIds = write([{ input_length: 10, hash_ids: ['a'] }]);
    expect(() => build(badIds)).toThrow(`${badIds}:1: "hash_ids" is ["a"]; allowed: an array of integers`);
  });
});
