import { fileURLToPath } from 'node:url';
import { isUsageError } from '@aiperf/config';
import { describe, expect, it } from 'vitest';
import { loadTokenizer } from './tokenizer.js';

const tinyDir = fileURLToPath(new URL('../../test/fixtures/tiny-tokenizer', import.meta.url));

describe('loadTokenizer', () => {
  it('builtin is the offline o200k_base BPE and never adds or honours special tokens', async () => {
    const tokenizer = await loadTokenizer('builtin');
    expect(tokenizer.name).toBe('builtin:o200k_base');
    expect(tokenizer.encode('hello world')).toEqual([24912, 2375]);
    expect(tokenizer.decode(tokenizer.encode('To be, or not to be'))).toBe('To be, or not to be');
    // Special-token text in a prompt is counted as ordinary text, not rejected.
    expect(tokenizer.encode('<|endoftext|>').length).toBeGreaterThan(1);
  });

  it('count gives exactly encode(text).length for every tokenizer (answers are counted, never encoded)', async () => {
    const texts = [
      '',
      'hello world',
      '<|endoftext|> and <|im_start|>',
      'naïve café 東京 🙂 x\u00a0y',
      'find business you she',
      'To be, or not to be: that is the question.'.repeat(40),
    ];
    for (const spec of ['builtin', 'cl100k_base', tinyDir]) {
      const tokenizer = await loadTokenizer(spec);
      // Twice each: a count must not depend on what was counted before (shared options, caches).
      for (const text of [...texts, ...texts]) expect(tokenizer.count(text), `${spec}: ${text.slice(0, 20)}`).toBe(tokenizer.encode(text).length);
    }
  });

  it('loads a Hugging Face tokenizer.json by file or directory path', async () => {
    for (const spec of [tinyDir, `${tinyDir}/tokenizer.json`]) {
      const tokenizer = await loadTokenizer(spec);
      const ids = tokenizer.encode('To be, or not to be: that is the question. Shall I');
      expect(ids).toEqual([1, 2, 9, 3, 4, 1, 2, 10, 5, 6, 7, 8, 23, 11, 12, 13]);
      expect(tokenizer.decode(ids)).toBe('to be, or not to be : that is the question. shall i');
    }
  });

  it('names the flag and the accepted values for an unknown tokenizer (a usage error: exit 2, no stack)', async () => {
    await expect(loadTokenizer('Qwen/Qwen3-0.6B')).rejects.toSatisfy(isUsageError);
    await expect(loadTokenizer('Qwen/Qwen3-0.6B')).rejects.toThrow(
      '--tokenizer: "Qwen/Qwen3-0.6B" is neither "builtin" (also o200k_base, cl100k_base) nor an existing tokenizer.json file or directory',
    );
  });
});
