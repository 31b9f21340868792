import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { encode as encodeO200k } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { CORPUS_WORDS, countTokens, generateTokens } from './corpus.js';

describe('corpus', () => {
  it('every word, with and without its leading space, is one GPT token (so chunks = tokens)', () => {
    for (const encode of [encodeCl100k, encodeO200k]) {
      const multiToken = CORPUS_WORDS.filter((word) => encode(` ${word}`).length !== 1 || encode(word).length !== 1);
      expect(multiToken).toEqual([]);
    }
  });

  it('generated text re-tokenizes to exactly the generated count', () => {
    const tokens = generateTokens(200, 'a prompt', 3);
    expect(encodeO200k(tokens.join(''))).toHaveLength(200);
    expect(encodeCl100k(tokens.join(''))).toHaveLength(200);
  });

  it('is deterministic in prompt and seed', () => {
    expect(generateTokens(20, 'same', 1)).toEqual(generateTokens(20, 'same', 1));
    expect(generateTokens(20, 'same', 1)).not.toEqual(generateTokens(20, 'same', 2));
    expect(generateTokens(20, 'same', 1)).not.toEqual(generateTokens(20, 'other', 1));
    expect(generateTokens(3, 'x', 0)[0]).not.toMatch(/^ /);
    expect(generateTokens(3, 'x', 0)[1]).toMatch(/^ \w+$/);
  });

  it('counts words, numbers (3 digits per token) and punctuation marks', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('Hello, world!')).toBe(4);
    expect(countTokens('  spaced   out\n')).toBe(2);
    expect(countTokens('year 20261')).toBe(3);
  });
});
