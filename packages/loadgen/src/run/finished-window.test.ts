import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FinishedWindow } from './finished-window.js';

interface Finished {
  atMs: number;
  ttftMs: number | null;
  itlMs: number | null;
  latencyMs: number;
  outputTokens: number;
}

const finishedArb = fc.record({
  gapMs: fc.double({ min: 0, max: 40, noNaN: true }),
  ttftMs: fc.option(fc.double({ min: 0, max: 1e4, noNaN: true })),
  itlMs: fc.option(fc.double({ min: 0, max: 1e3, noNaN: true })),
  latencyMs: fc.double({ min: 0, max: 1e5, noNaN: true }),
  outputTokens: fc.nat({ max: 5000 }),
  snapshot: fc.boolean(),
});

describe('FinishedWindow', () => {
  it('holds exactly what an array of the window would, in order, across wrap-arounds and growth', () => {
    fc.assert(
      fc.property(fc.array(finishedArb, { maxLength: 3000 }), fc.integer({ min: 1, max: 500 }), (steps, windowMs) => {
        const window = new FinishedWindow();
        let model: Finished[] = [];
        let nowMs = 0;
        for (const step of steps) {
          nowMs += step.gapMs;
          window.push(nowMs, step.ttftMs, step.itlMs, step.latencyMs, step.outputTokens);
          window.forget(nowMs, windowMs);
          model.push({ atMs: nowMs, ttftMs: step.ttftMs, itlMs: step.itlMs, latencyMs: step.latencyMs, outputTokens: step.outputTokens });
          model = model.filter((f) => nowMs - f.atMs <= windowMs);
          if (!step.snapshot) continue;
          expect(window.length).toBe(model.length);
          // Sums and lists in the same order, so the live views' rates and percentiles are the same numbers.
          expect(window.outputTokenSum()).toBe(model.reduce((sum, f) => sum + f.outputTokens, 0));
          expect(window.values('ttftMs')).toEqual(model.flatMap((f) => (f.ttftMs === null ? [] : [f.ttftMs])));
          expect(window.values('itlMs')).toEqual(model.flatMap((f) => (f.itlMs === null ? [] : [f.itlMs])));
          expect(window.values('latencyMs')).toEqual(model.map((f) => f.latencyMs));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('grows while wrapped around, keeping the order', () => {
    const window = new FinishedWindow();
    const expected: number[] = [];
    // 1000 in, the first 700 aged out, then 3000 more: the ring wraps, then doubles twice from a wrapped state.
    for (let i = 0; i < 1000; i++) window.push(i, null, null, i, 1);
    window.forget(1700, 1000);
    for (let i = 700; i < 1000; i++) expected.push(i);
    for (let i = 1000; i < 4000; i++) {
      window.push(1700, i % 3 === 0 ? null : i, null, i, 1);
      expected.push(i);
    }
    expect(window.values('latencyMs')).toEqual(expected);
    expect(window.values('ttftMs')).toEqual(expected.filter((i) => i >= 1000 && i % 3 !== 0));
    expect(window.outputTokenSum()).toBe(expected.length);
  });

  it('starts over empty after clear()', () => {
    const window = new FinishedWindow();
    for (let i = 0; i < 5000; i++) window.push(i, i, null, i, 1);
    window.clear();
    expect([window.length, window.outputTokenSum(), window.values('latencyMs')]).toEqual([0, 0, []]);
    window.push(1, null, 2, 3, 4);
    expect([window.values('ttftMs'), window.values('itlMs'), window.values('latencyMs')]).toEqual([[], [2], [3]]);
  });
});
