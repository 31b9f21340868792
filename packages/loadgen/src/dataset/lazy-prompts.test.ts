import { describe, expect, it } from 'vitest';
import { getEndpointType } from '../endpoints/registry.js';
import { testConfig } from '../test-config.js';
import { SHAKESPEARE_CORPUS } from './corpus.js';
import { buildDataset } from './dataset.js';
import { LazyBodies, PROMPT_PLACEHOLDER, PromptTexts, fillPrompt } from './lazy-prompts.js';
import { loadTokenizer } from './tokenizer.js';

describe('lazy prompts', async () => {
  const tokenizer = await loadTokenizer('builtin');
  const corpus = tokenizer.encode(SHAKESPEARE_CORPUS);
  const n = corpus.length;
  const windowText = (start: number, tokens: number) => tokenizer.decode(Array.from({ length: tokens }, (_, i) => corpus[(start + i) % n]!));
  const windows = [[0, 1], [5, 200], [n - 3, 10], [n - 1, n + 2], [17, 3 * n + 5]] as const;

  it('builds exactly the text decoding the token window gives (the builtin fast path and the decode path)', () => {
    const fast = new PromptTexts(tokenizer, corpus);
    const decoding = new PromptTexts({ ...tokenizer, name: '/some/tokenizer.json' }, corpus);
    for (const [corpusStart, tokens] of windows) {
      const expected = windowText(corpusStart, tokens);
      expect(fast.text({ corpusStart, tokens })).toBe(expected);
      expect(decoding.text({ corpusStart, tokens })).toBe(expected);
    }
  });

  it('fills the placeholder JSON-escaped, taking `$` literally', () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: PROMPT_PLACEHOLDER }] });
    const prompt = 'a "quote" $& $1 \\ line\nnext';
    expect(JSON.parse(fillPrompt(body, prompt))).toEqual({ messages: [{ role: 'user', content: prompt }] });
  });

  it('keeps built bodies only within the cache budget', () => {
    const budgetBytes = 4 * 1024 * 1024;
    const bodies = new LazyBodies(new PromptTexts(tokenizer, corpus), budgetBytes);
    const template = JSON.stringify({ prompt: PROMPT_PLACEHOLDER });
    for (let k = 0; k < 40; k++) {
      const body = bodies.body(`entry-${k % 10}`, template, { corpusStart: k, tokens: 100_000 });
      expect(body.length).toBeGreaterThan(100_000);
      expect(bodies.heldBytes).toBeLessThanOrEqual(budgetBytes);
    }
    expect(bodies.heldBytes).toBeGreaterThan(0);
  });

  it('--isl 1000000 × 100 entries: the dataset holds recipes of a few bytes, not the prompts', () => {
    const config = testConfig({ input: { inputTokens: { mean: 1_000_000, stddev: 0 }, numDatasetEntries: 100 } });
    const turns = buildDataset(config, getEndpointType('chat'), tokenizer);
    expect(turns).toHaveLength(100);
    const heldChars = turns.reduce((sum, t) => sum + t.bodyText.length + JSON.stringify(t.payload).length, 0);
    expect(heldChars).toBeLessThan(100 * 1024);
    for (const turn of turns) {
      expect(turn.lazyPrompt).toMatchObject({ tokens: 1_000_000 });
      expect(turn.inputTokenCount).toBe(1_000_000);
      expect(turn.bodyText).toContain(JSON.stringify(PROMPT_PLACEHOLDER).slice(1, -1));
    }
  });

  it('recipes draw the same prompts the up-front path would (same seed, same windows)', () => {
    const config = testConfig({ input: { inputTokens: { mean: 60_000, stddev: 500 }, numDatasetEntries: 120, randomSeed: 7 } });
    const turns = buildDataset(config, getEndpointType('chat'), tokenizer);
    const texts = new PromptTexts(tokenizer, corpus);
    const first = turns[0]!;
    expect(first.lazyPrompt).toBeDefined();
    const sent = JSON.parse(fillPrompt(first.bodyText, texts.text(first.lazyPrompt!)));
    expect(sent.messages[0].content).toBe(windowText(first.lazyPrompt!.corpusStart, first.lazyPrompt!.tokens));
    expect(sent.model).toBe(first.payload.model);
  });

  it('refuses a single prompt beyond the memory budget, naming the limit', () => {
    const config = testConfig({ input: { inputTokens: { mean: 100_000_000, stddev: 0 }, numDatasetEntries: 1 } });
    expect(() => buildDataset(config, getEndpointType('chat'), tokenizer)).toThrow(/--isl: a prompt of about 100000000 tokens .* at most \d+ MB; use --isl .* of at most \d+ tokens/);
  });
});
