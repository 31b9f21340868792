import { describe, expect, it } from 'vitest';
import { gridVariations } from '../plan/variations.js';
import { confidenceAggregateCsv, sweepAggregateCsv } from './csv.js';
import { buildSweepAggregate } from './sweep.js';

const summary = (rps: number, ttftP99: number) => ({
  request_throughput: { unit: 'requests/sec', avg: rps },
  time_to_first_token: { unit: 'ms', avg: ttftP99 / 2, min: 1, max: ttftP99, p99: ttftP99, std: 3 },
});
const sweep = {
  variations: gridVariations({ concurrency: [1, 2, 4] }), mode: 'repeated' as const, cooldownSeconds: 0, sameSeed: false,
  recipeName: null, stimulus: 's', postProcess: null,
};

describe('buildSweepAggregate', () => {
  it('one trial per value: run stats per tag, best configurations and the Pareto set', () => {
    const aggregate = buildSweepAggregate({
      sweep, trials: 1, confidenceLevel: 0.95, numProfileRuns: 3, failedRuns: [],
      cells: [
        { variation: sweep.variations[0]!, summaries: [summary(10, 20)] },
        { variation: sweep.variations[1]!, summaries: [summary(18, 30)] },
        // Dominated: less throughput and more latency than concurrency 2.
        { variation: sweep.variations[2]!, summaries: [summary(17, 40)] },
      ],
    });
    expect((aggregate.per_combination_metrics as { metrics: Record<string, unknown> }[])[0]?.metrics.time_to_first_token).toEqual({
      mean: 10, avg: 10, std: 0, min: 1, max: 20, cv: 0, ci_low: 10, ci_high: 10, p99: 20, unit: 'ms',
    });
    expect(aggregate.best_configurations).toEqual({
      best_throughput: { parameters: { concurrency: 2 }, metric: 18, unit: 'requests/sec' },
      best_latency_p99: { parameters: { concurrency: 1 }, metric: 20, unit: 'ms' },
    });
    expect(aggregate.pareto_optimal).toEqual([{ concurrency: 1 }, { concurrency: 2 }]);
    expect(sweepAggregateCsv(aggregate).split('\n\n').map((s) => s.split('\n')[0])).toEqual([
      'concurrency,request_throughput_mean,request_throughput_std,request_throughput_min,request_throughput_max,request_throughput_cv,time_to_first_token_mean,time_to_first_token_std,time_to_first_token_min,time_to_first_token_max,time_to_first_token_cv',
      'Best Configurations',
      'Pareto Optimal Points',
      'Metadata',
    ]);
  });

  it('drops cells without a successful trial', () => {
    const aggregate = buildSweepAggregate({
      sweep, trials: 2, confidenceLevel: 0.95, numProfileRuns: 6, failedRuns: [{ label: 'x', error: 'y' }],
      cells: [
        { variation: sweep.variations[0]!, summaries: [summary(10, 20), summary(12, 22)] },
        { variation: sweep.variations[1]!, summaries: [] },
        { variation: sweep.variations[2]!, summaries: [summary(17, 40)] },
      ],
    });
    const rows = aggregate.per_combination_metrics as { parameters: unknown; metrics: Record<string, { mean: number }> }[];
    expect(rows.map((r) => r.parameters)).toEqual([{ concurrency: 1 }, { concurrency: 4 }]);
    expect(rows[0]?.metrics.request_throughput_avg?.mean).toBe(11);
    expect(aggregate.num_successful_runs).toBe(3);
  });
});

describe('confidenceAggregateCsv', () => {
  it('writes one row per metric, blank for non-finite values', () => {
    expect(confidenceAggregateCsv({ a_avg: { mean: 1, std: 0, min: 1, max: 1, cv: 0, se: 0, ci_low: 1, ci_high: 1, t_critical: null, unit: 'ms, total' } })).toBe(
      'metric,mean,std,min,max,cv,se,ci_low,ci_high,t_critical,unit\na_avg,1,0,1,1,0,0,1,1,,"ms, total"\n',
    );
  });
});
