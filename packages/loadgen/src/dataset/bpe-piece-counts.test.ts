import { CL100K_TOKEN_SPLIT_REGEX, O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import { describe, expect, it } from 'vitest';
import { createRng } from '@aiperf/stats';
import { pieceCounter } from './bpe-piece-counts.js';

const OPTIONS = { allowedSpecial: new Set<string>(), disallowedSpecial: new Set<string>() };

/** Text that exercises every branch of the split regexes: cases, contractions, digits, symbols, whitespace runs. */
function mixedText(seed: number, words: number): string {
  const rng = createRng(seed);
  const parts = [
    'the', 'The', 'THE', "don't", "We'LL", 'naïve', 'café', '東京', 'Привет', '🙂', '12345', '3.14', ' ', '  ', '\t', '\n', '\r\n', '\n\n  ',
    '...', '!?', '//', 'x\u00a0y', '<|endoftext|>', '<|im_start|>', 'camelCaseWord', 'supercalifragilisticexpialidocious', '$$$', 'a', '   \n',
  ];
  let text = '';
  for (let i = 0; i < words; i++) text += (rng.next() < 0.6 ? ' ' : '') + parts[Math.floor(rng.next() * parts.length)];
  return text;
}

describe('pieceCounter', () => {
  for (const [name, regex] of [['o200k_base', O200K_TOKEN_SPLIT_REGEX], ['cl100k_base', CL100K_TOKEN_SPLIT_REGEX]] as const) {
    it(`${name}: every text counts exactly what the encoding counts, before and after its pieces are remembered`, async () => {
      const encoding = await import(`gpt-tokenizer/encoding/${name}`);
      const counter = pieceCounter(regex, (piece) => encoding.countTokens(piece, OPTIONS));
      const texts = Array.from({ length: 300 }, (_, i) => mixedText(i, 1 + (i % 60)));
      for (const text of [...texts, ...texts]) expect(counter.count(text), JSON.stringify(text.slice(0, 40))).toBe(encoding.countTokens(text, OPTIONS));
    });
  }

  it('asks the encoding once per short piece, every time for a long one, and starts again once full', () => {
    const asked: string[] = [];
    const counter = pieceCounter(O200K_TOKEN_SPLIT_REGEX, (piece) => (asked.push(piece), 1));
    expect(counter.count('the cat the cat the')).toBe(5);
    expect(asked).toEqual(['the', ' cat', ' the']);
    asked.length = 0;
    // 13 characters or more: never remembered (a substring that long shares its parent's memory).
    expect(counter.count(' antidisestablishment antidisestablishment')).toBe(2);
    expect(asked).toEqual([' antidisestablishment', ' antidisestablishment']);
    asked.length = 0;
    // 8,192 distinct pieces fill the table; the next new one starts it again, so "the" is asked for once more.
    const letters = (i: number) => [...i.toString(26).padStart(4, '0')].map((d) => String.fromCharCode(97 + Number.parseInt(d, 26))).join('');
    counter.count(Array.from({ length: 8192 }, (_, i) => ` ${letters(i)}`).join(''));
    asked.length = 0;
    counter.count('the');
    expect(asked).toEqual(['the']);
  });
});
