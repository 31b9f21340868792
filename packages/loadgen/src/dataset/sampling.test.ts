import { describe, expect, test } from 'vitest';
import { createEntryPicker } from './sampling.js';

const picks = (strategy: 'sequential' | 'random' | 'shuffle', seed: number, indices: number[]) => {
  const pick = createEntryPicker(strategy, seed, 7);
  return indices.map((i) => pick(i));
};

describe('createEntryPicker', () => {
  const all = Array.from({ length: 21 }, (_, i) => i);

  test('sequential wraps; shuffle is a permutation per pass; random stays in range', () => {
    expect(picks('sequential', 1, all)).toEqual(all.map((i) => i % 7));
    const shuffled = picks('shuffle', 1, all);
    for (const pass of [0, 7, 14]) expect([...shuffled.slice(pass, pass + 7)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(picks('random', 1, all).every((i) => i >= 0 && i < 7)).toBe(true);
  });

  test('a pure function of (seed, index): threads that see indices in any order agree', () => {
    for (const strategy of ['random', 'shuffle'] as const) {
      const inOrder = picks(strategy, 5, all);
      const reversed = picks(strategy, 5, [...all].reverse()).reverse();
      const evens = picks(strategy, 5, all.filter((i) => i % 2 === 0));
      expect(reversed).toEqual(inOrder);
      expect(evens).toEqual(inOrder.filter((_, i) => i % 2 === 0));
      expect(picks(strategy, 6, all)).not.toEqual(inOrder);
    }
  });
});
