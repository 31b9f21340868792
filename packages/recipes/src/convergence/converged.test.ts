import { describe, expect, it } from 'vitest';
import { checkConvergence } from './converged.js';

const summaries = (values: number[]) => values.map((v) => ({ time_to_first_token: { avg: v, p99: v * 2, unit: 'ms' } }));
const rule = { metric: 'time_to_first_token', stat: 'avg' as const, mode: 'ci_width' as const, threshold: 0.05, minRuns: 3 };

describe('checkConvergence', () => {
  it('waits for min_runs, then compares the CI half-width over the mean with the threshold', () => {
    expect(checkConvergence(summaries([100, 101]), rule, 0.95)).toMatchObject({ converged: false, ratio: null });
    // mean 100, std 1, se 0.577, t(0.975, 2) = 4.303: half-width 2.48% < 5%.
    const tight = checkConvergence(summaries([99, 100, 101]), rule, 0.95);
    expect(tight.converged).toBe(true);
    expect(tight.ratio).toBeCloseTo((4.302652729911275 * 1) / Math.sqrt(3) / 100, 6);
    expect(tight.text).toBe('time_to_first_token avg over 3 runs: 95% CI half-width / mean 2.48% < 5.00%');
    expect(checkConvergence(summaries([80, 100, 120]), rule, 0.95).converged).toBe(false);
  });
  it('cv mode: std over mean; any stat of the metric', () => {
    const cv = checkConvergence(summaries([80, 100, 120]), { ...rule, mode: 'cv', threshold: 0.25, stat: 'p99' }, 0.95);
    expect(cv).toMatchObject({ converged: true, ratio: 0.2 });
  });
});
