import { describe, expect, it } from 'vitest';
import { polyfit, rSquared } from './curve-fit.js';
import { itlSurfaceFitHandler } from './itl-surface.js';
import { ttftCurveFitHandler } from './ttft-curve.js';

const rows = (points: [Record<string, number>, number][], key: string) => ({
  per_combination_metrics: points.map(([parameters, value]) => ({ parameters, metrics: { [key]: { mean: value } } })),
});

describe('polyfit / rSquared (numpy.polyfit reference)', () => {
  it('recovers exact lines and parabolas, highest degree first', () => {
    const xs = [1, 2, 3, 4];
    expect(polyfit(xs, xs.map((x) => 3 * x + 2), 1).map((c) => Number(c.toFixed(9)))).toEqual([3, 2]);
    expect(polyfit(xs, xs.map((x) => 0.5 * x * x - x + 4), 2).map((c) => Number(c.toFixed(9)))).toEqual([0.5, -1, 4]);
  });
  it('matches numpy for a noisy line: polyfit([0,1,2,3],[1,3,2,5],1) = [1.1, 1.1], r² = 1 − 2.7/8.75', () => {
    const c = polyfit([0, 1, 2, 3], [1, 3, 2, 5], 1);
    expect(c[0]).toBeCloseTo(1.1, 12);
    expect(c[1]).toBeCloseTo(1.1, 12);
    expect(rSquared([0, 1, 2, 3], [1, 3, 2, 5], c)).toBeCloseTo(1 - 2.7 / 8.75, 12);
    expect(rSquared([1, 2], [5, 5], [0, 5])).toBe(0);
  });
});

describe('ttft_curve_fit', () => {
  it('keeps a linear fit above the floor', () => {
    const out = ttftCurveFitHandler.process(rows([[{ isl: 256 }, 12], [{ isl: 512 }, 22], [{ isl: 1024 }, 42]], 'time_to_first_token_avg'), {});
    expect(out).toMatchObject({ fit_form: 'linear', below_floor: false, r_squared_floor: 0.85 });
    expect((out.coefficients as number[])[0]).toBeCloseTo(10 / 256, 12);
    expect(out.raw_points).toEqual([{ isl: 256, ttft_ms: 12 }, { isl: 512, ttft_ms: 22 }, { isl: 1024, ttft_ms: 42 }]);
  });
  it('switches to quadratic when the line explains too little', () => {
    const points: [Record<string, number>, number][] = [[{ isl: 1 }, 10], [{ isl: 2 }, 1], [{ isl: 3 }, 0], [{ isl: 4 }, 1], [{ isl: 5 }, 10]];
    const out = ttftCurveFitHandler.process(rows(points, 'time_to_first_token_avg'), {});
    expect(out.fit_form).toBe('quadratic');
    expect(out.r_squared as number).toBeGreaterThan(0.85);
  });
});

describe('itl_surface_fit', () => {
  it('tabulates the observed grid with nulls for missing cells', () => {
    const out = itlSurfaceFitHandler.process(
      rows([[{ concurrency: 1, osl: 64 }, 5], [{ concurrency: 4, osl: 64 }, 7], [{ concurrency: 1, osl: 128 }, 6]], 'inter_token_latency_avg'),
      {},
    );
    expect(out.surface).toEqual({ concurrency_axis: [1, 4], osl_axis: [64, 128], itl_grid: [[5, 6], [7, null]] });
  });
});

describe('pareto_sweep_export', () => {
  it('marks the global frontier (min TTFT p95, max throughput); cells without both values are never optimal', async () => {
    const { paretoSweepExportHandler } = await import('./pareto-export.js');
    const row = (isl: number, c: number, ttft: number | null, tput: number) => ({
      parameters: { isl, osl: 8, concurrency: c },
      metrics: { ...(ttft === null ? {} : { time_to_first_token: { mean: ttft / 2, p95: ttft } }), output_token_throughput: { mean: tput, avg: tput } },
    });
    const out = paretoSweepExportHandler.process(
      { per_combination_metrics: [row(16, 1, 10, 100), row(16, 4, 20, 300), row(32, 1, 25, 250), row(32, 4, null, 900)] },
      {},
    );
    expect((out.cells as { concurrency: number; isl: number; x: number | null; pareto_optimal: boolean }[]).map((c) => [c.isl, c.concurrency, c.x, c.pareto_optimal])).toEqual([
      [16, 1, 10, true],
      [16, 4, 20, true],
      [32, 1, 25, false],
      [32, 4, null, false],
    ]);
  });
});
