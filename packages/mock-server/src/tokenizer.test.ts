import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import { startMockServer } from './index.js';
import { postRaw } from './test-support.js';

const PROMPT = 'Summarise: the 2026 report (pages 10-12) says revenue grew 14.5%!';

async function promptTokens(promptTokenizer?: 'o200k_base' | 'words'): Promise<number> {
  const server = await startMockServer({ port: 0, ttftMs: 0, itlMs: 0, ...(promptTokenizer && { promptTokenizer }) });
  try {
    const body = { model: 'm', prompt: PROMPT, max_tokens: 1 };
    return JSON.parse((await postRaw(`${server.url}/v1/completions`, body)).raw).usage.prompt_tokens;
  } finally {
    await server.close();
  }
}

describe('promptTokenizer', () => {
  it('counts usage.prompt_tokens exactly as the o200k_base BPE when asked, by the word regex by default', async () => {
    expect(await promptTokens('o200k_base')).toBe(encode(PROMPT).length);
    // 20 words: Summarise : the 202 6 report ( pages 10 - 12 ) says revenue grew 14 . 5 % !
    expect(await promptTokens()).toBe(20);
  });

  it('rejects an unknown tokenizer by name', async () => {
    await expect(startMockServer({ port: 0, promptTokenizer: 'llama' as never })).rejects.toThrow(
      'promptTokenizer: got "llama", expected one of words, o200k_base, cl100k_base',
    );
  });
});
