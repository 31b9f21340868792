import { describe, expect, it } from 'vitest';
import { degradationKneeHandler } from './degradation-knee.js';
import { postProcess } from './run.js';

const multiTrialAggregate = {
  per_combination_metrics: [
    { parameters: { concurrency: 8 }, metrics: { request_latency_p99: { mean: 130 } } },
    { parameters: { concurrency: 1 }, metrics: { request_latency_p99: { mean: 100 } } },
    { parameters: { concurrency: 4 }, metrics: { request_latency_p99: { mean: 119 } } },
    { parameters: { concurrency: 16 }, metrics: {} },
  ],
};

describe('degradation_knee_detect', () => {
  it('uses the lowest point as baseline and finds the first point past the threshold', () => {
    const out = degradationKneeHandler.process(multiTrialAggregate, { threshold_pct: 0.2, metric_tag: 'request_latency', stat: 'p99', swept_param: 'phases.profiling.concurrency' });
    expect(out).toMatchObject({ baseline_concurrency: 1, knee_concurrency: 8, knee_p99: 130 });
    expect(out.all_points).toEqual([{ concurrency: 1, p99: 100 }, { concurrency: 4, p99: 119 }, { concurrency: 8, p99: 130 }]);
  });

  it('reports no knee as null', () => {
    const out = degradationKneeHandler.process(multiTrialAggregate, { threshold_pct: 0.5, metric_tag: 'request_latency', stat: 'p99' });
    expect(out).toMatchObject({ knee_concurrency: null, knee_p99: null });
  });
});

describe('postProcess', () => {
  it('turns a handler failure into post_process_errors.json and a warning instead of throwing', () => {
    const spec = { handler: 'degradation_knee_detect', params: { metric_tag: 'nope' }, outputFilename: 'degradation_knee.json' };
    const file = postProcess(spec, multiTrialAggregate);
    expect(file.fileName).toBe('post_process_errors.json');
    expect(JSON.parse(file.json)).toEqual({
      handler: 'degradation_knee_detect', output_filename: 'degradation_knee.json',
      error: "no sweep cell has both 'concurrency' and nope p99", type: 'Error',
    });
    expect(file.error).toBe("post-process 'degradation_knee_detect' failed: no sweep cell has both 'concurrency' and nope p99");
  });

  it('writes non-finite numbers as null', () => {
    const spec = { handler: 'x', params: {}, outputFilename: 'x.json' };
    const handler = { name: 'x', description: 'x', process: () => ({ slope: Number.NaN, n: 2 }) };
    expect(postProcess(spec, {}, [handler])).toEqual({ fileName: 'x.json', json: '{\n  "slope": null,\n  "n": 2\n}\n', error: null });
  });
});
