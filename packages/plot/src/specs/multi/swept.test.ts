import { describe, expect, it } from 'vitest';
import { sweptLabel } from './swept.js';

describe('sweptLabel', () => {
  const row = (concurrency: number, rate: number, isl: number) => ({ concurrency, 'loadgen.request_rate': rate, 'input.prompt.input_tokens.mean': isl });
  it('labels the points of a request-rate sweep by the rate, a grid by every swept parameter', () => {
    const rates = [row(1, 10, 16), row(1, 20, 16)];
    expect(sweptLabel(rates, rates[1]!)).toBe('request_rate=20');
    const grid = [row(1, 10, 16), row(1, 20, 16), row(1, 10, 32), row(1, 20, 32)];
    expect(sweptLabel(grid, grid[2]!)).toBe('request_rate=10, isl=32');
  });
  it('keeps the concurrency label for a concurrency sweep and for runs that differ in nothing known', () => {
    const conc = [row(1, 10, 16), row(4, 10, 16)];
    expect(sweptLabel(conc, conc[0]!)).toBeNull();
    expect(sweptLabel([row(1, 10, 16), row(1, 10, 16)], row(1, 10, 16))).toBeNull();
  });
  it('runs that record their sweep cell: a variant by its name, any setting by the name it was swept under', () => {
    const cell = (values: Record<string, number>, variant: string | null) => ({ concurrency: 1, sweep_variant: variant, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [`sweep.${k}`, v])) });
    const variants = [cell({ isl: 16 }, 'short'), cell({ isl: 64, request_rate: 5 }, 'long')];
    expect(variants.map((row) => sweptLabel(variants, row))).toEqual(['short', 'long']);
    const path = [cell({ 'benchmark.load.warmup_request_count': 0 }, null), cell({ 'benchmark.load.warmup_request_count': 2 }, null)];
    expect(sweptLabel(path, path[1]!)).toBe('benchmark.load.warmup_request_count=2');
    const conc = [cell({ concurrency: 1 }, null), cell({ concurrency: 4 }, null)];
    expect(sweptLabel(conc, conc[0]!)).toBeNull();
  });
});
