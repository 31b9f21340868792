import { describe, expect, it } from 'vitest';
import { extractAggregateMetrics, extractMetadata, extractMetrics } from './summary.js';

describe('summary metadata', () => {
  it('reads the legacy AIPerf layout', () => {
    const metadata = extractMetadata({
      input_config: {
        endpoint: { model_names: ['Qwen/Qwen3-0.6B'], type: 'chat' },
        loadgen: { concurrency: 4, request_count: 64 },
        output: { slice_duration: 5 },
      },
      telemetry_data: { endpoints: { 'localhost:9400': { gpus: { gpu_0: {} } }, 'localhost:9402': { gpus: { gpu_0: {} } } } },
    });
    expect(metadata).toMatchObject({ model: 'Qwen/Qwen3-0.6B', concurrency: 4, requestCount: 64, endpointType: 'chat', sliceDurationS: 5, gpuCount: 2 });
  });

  it("reads the v2 layout (models.items, phases) and this port's camelCase config", () => {
    expect(
      extractMetadata({
        input_config: {
          models: { items: [{ name: 'llama' }] },
          phases: [
            { name: 'warmup', concurrency: 1 },
            { name: 'profiling', concurrency: 16, requests: 500 },
          ],
        },
      }),
    ).toMatchObject({ model: 'llama', concurrency: 16, requestCount: 500 });
    expect(
      extractMetadata({
        input_config: {
          endpoint: { models: ['mock-model'] },
          load: { concurrency: 8, requestCount: 200, requestRate: 12 },
          output: { sliceDurationSeconds: 1 },
        },
      }),
    ).toMatchObject({ model: 'mock-model', concurrency: 8, requestCount: 200, requestRate: 12, sliceDurationS: 1 });
  });

  it('metric blocks from the top level and a metrics map; aggregate cells from <metric>_<stat> keys', () => {
    expect(
      Object.keys(
        extractMetrics({ request_latency: { unit: 'ms', avg: 1 }, metrics: { goodput: { unit: 'requests/sec', avg: 2 } }, input_config: { unit: 'x' } }),
      ),
    ).toEqual(['request_latency', 'goodput']);
    expect(
      extractAggregateMetrics({ metrics: { time_to_first_token_p50: { mean: 20, unit: 'ms' }, request_throughput_avg: { mean: 5, unit: 'requests/sec' } } }),
    ).toEqual({ time_to_first_token: { unit: 'ms', p50: 20 }, request_throughput: { unit: 'requests/sec', avg: 5 } });
  });
});
