import { createRng } from '@aiperf/stats';
import { hashString } from './rng.js';

// Output text is drawn from common English words. Each word, with its leading space, is a single
// token in the GPT tokenizers (cl100k_base and o200k_base; checked by corpus.test.ts), so one
// streamed chunk = one word = one token, and a client that re-tokenizes the text counts exactly
// `usage.completion_tokens`.
export const CORPUS_WORDS: readonly string[] = (
  'the of and to in that is was he for it with as his on be at by had not are but from or have ' +
  'an they which one you were her all she there would their we him been has when who will more no ' +
  'if out so said what up its about into than them can only other new some could time these two may ' +
  'then do first any my now such like our over man me even most made after also did many before must ' +
  'through back years where much your way well down should because each just those people how too ' +
  'little state good very make world still own see men work long get here between both life being ' +
  'under never day same another know while last might us great old year off come since against go ' +
  'came right used take three few house use during without again place around however home ' +
  'small found thought went say part once general high upon school every does got left number ' +
  'course war until always away something fact though water less public put think almost hand ' +
  'far head yet government system better set nothing night end why called eyes find ' +
  'going look later point next city business give group young let room side ' +
  'social given present order national possible rather second face per among form important ' +
  'often things early white case john large big need four within felt along children ' +
  'best church ever least power development light thing family interest want members mind'
).split(' ');

/** Words and punctuation marks: an honest, cheap approximation of a BPE token count. */
const TOKEN_PATTERN = /[A-Za-z]+|\d{1,3}|[^\sA-Za-z\d]/g;

export function countTokens(text: string): number {
  let count = 0;
  TOKEN_PATTERN.lastIndex = 0;
  while (TOKEN_PATTERN.exec(text) !== null) count += 1;
  return count;
}

/**
 * `count` tokens of text, deterministic from the prompt and seed. The first token of a piece of
 * text has no leading space; every later one starts with a space (that is how BPE splits words).
 */
export function generateTokens(count: number, prompt: string, seed: number): string[] {
  const rng = createRng(hashString(prompt, seed));
  const tokens: string[] = new Array<string>(count);
  for (let index = 0; index < count; index += 1) {
    const word = CORPUS_WORDS[Math.floor(rng.next() * CORPUS_WORDS.length)] ?? 'the';
    tokens[index] = index === 0 ? word : ` ${word}`;
  }
  return tokens;
}
