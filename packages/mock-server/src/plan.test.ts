import { describe, expect, it } from 'vitest';
import { countTokens } from './corpus.js';
import { decideOutputLength, planResponse } from './plan.js';
import { createRng } from '@aiperf/stats';

const base = { promptTokens: 100, maxTokens: undefined, minTokens: undefined, ignoreEos: false, reasoningTokens: 0, defaultOutputTokens: undefined };

describe('decideOutputLength', () => {
  it('without max tokens answers 0.8–1.2 × the prompt (at least 16) and stops', () => {
    const lengths = Array.from({ length: 200 }, (_, seed) => decideOutputLength({ ...base, rng: createRng(seed) }));
    const counts = lengths.map((length) => length.contentCount);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...counts)).toBeLessThanOrEqual(120);
    expect(Math.max(...counts) - Math.min(...counts)).toBeGreaterThan(30);
    expect(lengths.every((length) => length.finishReason === 'stop')).toBe(true);
    expect(decideOutputLength({ ...base, promptTokens: 3, rng: createRng(1) }).contentCount).toBe(16);
    expect(decideOutputLength({ ...base, defaultOutputTokens: 42, rng: createRng(1) }).contentCount).toBe(42);
  });

  it('caps at max tokens with finish `length`, stops early otherwise, and honours min_tokens', () => {
    const rng = createRng(1);
    expect(decideOutputLength({ ...base, maxTokens: 50, rng })).toEqual({ reasoningCount: 0, contentCount: 50, finishReason: 'length' });
    expect(decideOutputLength({ ...base, maxTokens: 500, rng }).finishReason).toBe('stop');
    expect(decideOutputLength({ ...base, maxTokens: 500, minTokens: 300, rng }).contentCount).toBe(300);
  });

  it('gives exactly max tokens with ignore_eos, reasoning included in the budget', () => {
    const rng = createRng(1);
    expect(decideOutputLength({ ...base, maxTokens: 500, ignoreEos: true, rng })).toEqual({
      reasoningCount: 0,
      contentCount: 500,
      finishReason: 'length',
    });
    expect(decideOutputLength({ ...base, maxTokens: 30, ignoreEos: true, reasoningTokens: 10, rng })).toEqual({
      reasoningCount: 10,
      contentCount: 20,
      finishReason: 'length',
    });
    expect(decideOutputLength({ ...base, maxTokens: 5, reasoningTokens: 10, rng })).toEqual({
      reasoningCount: 5,
      contentCount: 0,
      finishReason: 'length',
    });
  });
});

describe('planResponse', () => {
  it('is deterministic in prompt and seed, with text matching the counts', () => {
    const request = { model: 'm', promptText: 'Hello there, friend.', stream: true, includeUsage: false, maxTokens: 8, minTokens: undefined, ignoreEos: true, reasoningEffort: undefined };
    const plan = planResponse(request, { reasoningTokens: 3, defaultOutputTokens: undefined, seed: 4, countPromptTokens: countTokens }, createRng(0));
    expect(plan.promptTokens).toBe(5);
    expect(plan.reasoning).toHaveLength(3);
    expect(plan.content).toHaveLength(5);
    expect(plan.content[0]).not.toMatch(/^ /);
    expect(planResponse(request, { reasoningTokens: 3, defaultOutputTokens: undefined, seed: 4, countPromptTokens: countTokens }, createRng(0))).toEqual(plan);
  });
});
