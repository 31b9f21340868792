import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getEndpointType } from '../endpoints/registry.js';
import { testConfig } from '../test-config.js';
import { buildDataset } from './dataset.js';
import { loadTokenizer } from './tokenizer.js';
import { makeTempDirSync } from '@aiperf/test-kit';

const write = (lines: unknown[]) => {
  const path = join(makeTempDirSync('mt-'), 'sessions.jsonl');
  writeFileSync(path, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n'));
  return path;
};

describe('multi_turn datasets', async () => {
  const tokenizer = await loadTokenizer('builtin');
  const build = (inputFile: string) =>
    buildDataset(testConfig({ input: { inputFile, customDatasetType: 'multi_turn' } }), getEndpointType('chat'), tokenizer);

  it('keeps the session id, the first turn as the body and later turns with their limits and delays', () => {
    const file = write([{ session_id: 's1', turns: [{ text: 'one', output_length: 3 }, { texts: ['two', 'more'], delay: 250 }] }]);
    const [session] = build(file);
    expect(session!.conversationId).toBe('s1');
    expect(session!.turnIndex).toBe(0);
    expect(session!.payload.messages).toEqual([{ role: 'user', content: 'one' }]);
    expect(session!.payload.max_completion_tokens).toBe(3);
    // Without output_length a turn gets the --osl draw (8 in the test config).
    expect(session!.followUps).toEqual([{ text: 'two more', maxTokens: 8, delayMs: 250, recordedPayload: expect.objectContaining({ messages: [{ role: 'user', content: 'two more' }] }) }]);
  });

  it('names the file, line, field and what is allowed', () => {
    const file = write([{ session_id: 'ok', turns: [{ text: 'x' }] }, '', { session_id: 7, turns: [] }]);
    expect(() => build(file)).toThrow(`--input-file ${file}:3: "session_id" is 7; allowed: a non-empty string`);
    const noTurns = write([{ session_id: 'a', turns: [] }]);
    expect(() => build(noTurns)).toThrow(`${noTurns}:1: "turns" must be a non-empty array of {"text", "output_length"?, "delay"?} objects`);
    const badDelay = write([{ session_id: 'a', turns: [{ text: 'x' }, { text: 'y', delay: -1 }] }]);
    expect(() => build(badDelay)).toThrow(`${badDelay}:1: turns[1]: "delay" is -1; allowed: a number ≥ 0`);
    expect(() => build(write(['{oops']))).toThrow(/:1: not valid JSON/);
  });
});
