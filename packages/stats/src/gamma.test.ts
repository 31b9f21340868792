import { describe, expect, it } from 'vitest';
import { gammaVariate } from './gamma.js';
import { createRng } from './rng.js';

describe('gammaVariate', () => {
  it('has mean shape×scale and variance shape×scale² for shapes below, at and above 1 (200k draws)', () => {
    for (const shape of [0.3, 1, 4]) {
      const rng = createRng(11);
      const n = 200_000;
      const draws = Array.from({ length: n }, () => gammaVariate(rng, shape, 2));
      const mean = draws.reduce((a, b) => a + b, 0) / n;
      const variance = draws.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
      expect(mean / (shape * 2)).toBeCloseTo(1, 1);
      expect(Math.abs(variance / (shape * 4) - 1)).toBeLessThan(0.05);
      expect(draws.every((x) => x >= 0)).toBe(true);
    }
  });
  it('rejects a non-positive shape', () => {
    expect(() => gammaVariate(createRng(1), 0, 1)).toThrow('gamma needs shape > 0');
  });
});
