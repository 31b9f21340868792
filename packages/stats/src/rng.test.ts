import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';

describe('createRng', () => {
  it('repeats a seeded stream and separates nearby seeds', () => {
    const a = Array.from({ length: 5 }, createRng(7).next);
    expect(Array.from({ length: 5 }, createRng(7).next)).toEqual(a);
    expect(createRng(8).next()).not.toBe(a[0]);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks reproducible, distinct child streams', () => {
    expect(createRng(1).fork(3).next()).toBe(createRng(1).fork(3).next());
    expect(createRng(1).fork(3).next()).not.toBe(createRng(1).fork(4).next());
  });

  it('draws distributions with the asked mean', () => {
    const rng = createRng(42);
    const n = 20_000;
    let normal = 0;
    let exponential = 0;
    for (let i = 0; i < n; i += 1) {
      normal += rng.normal(100, 10);
      exponential += rng.exponential(5);
    }
    expect(normal / n).toBeCloseTo(100, 0);
    expect(Math.abs(exponential / n - 5)).toBeLessThan(0.2);
    expect(rng.normal(3, 0)).toBe(3);
    const ints = new Set(Array.from({ length: 200 }, () => rng.int(4)));
    expect([...ints].sort()).toEqual([0, 1, 2, 3]);
  });

  it('draws its own seed when given null', () => {
    expect(createRng(null).next()).not.toBe(createRng(null).next());
  });
});
