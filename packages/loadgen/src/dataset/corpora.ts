import { CODING_CORPUS } from './corpus-coding.js';
import { SHAKESPEARE_CORPUS } from './corpus.js';

/** The text synthetic prompts are cut from (`--prompt-corpus`). */
export function promptCorpus(name: 'sonnet' | 'coding'): string {
  return name === 'coding' ? CODING_CORPUS : SHAKESPEARE_CORPUS;
}
