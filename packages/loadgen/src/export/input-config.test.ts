import { describe, expect, it } from 'vitest';
import { testConfig } from '../test-config.js';
import { toAiperfInputConfig } from './input-config.js';

describe('input_config in AIPerf layout', () => {
  it('maps the resolved config to AIPerf snake_case sections', () => {
    const config = testConfig({
      endpoint: { models: ['Qwen/Qwen3-0.6B', 'other'], url: 'http://127.0.0.1:8000', customPath: '/v1/x', streaming: true, timeoutSeconds: 600 },
      load: { mode: 'request_rate', concurrency: 4, requestRate: 12.5, arrivalPattern: 'constant', requestCount: 64, warmupRequestCount: 3 },
      input: { inputTokens: { mean: 550, stddev: 10 }, outputTokens: { mean: 50, stddev: 0 }, randomSeed: 7, tokenizer: 'builtin' },
      output: { artifactDir: '/tmp/a', sliceDurationSeconds: 5 },
      telemetry: { gpuTelemetry: true, gpuTelemetryUrls: ['http://localhost:9401/metrics'] },
    });
    const dumped = toAiperfInputConfig(config, 'aiperf profile -m Qwen/Qwen3-0.6B');
    expect(dumped).toMatchObject({
      endpoint: { model_names: ['Qwen/Qwen3-0.6B', 'other'], type: 'chat', url: 'http://127.0.0.1:8000', custom_endpoint: '/v1/x', streaming: true, timeout_seconds: 600 },
      loadgen: {
        concurrency: 4, request_rate: 12.5, arrival_pattern: 'constant', request_rate_mode: 'constant', request_count: 64,
        benchmark_duration: null, benchmark_grace_period: 30, warmup_request_count: 3,
      },
      input: { prompt: { input_tokens: { mean: 550, stddev: 10 }, output_tokens: { mean: 50, stddev: 0 } }, random_seed: 7 },
      tokenizer: { name: 'builtin' },
      output: { artifact_directory: '/tmp/a', slice_duration: 5 },
      gpu_telemetry: ['http://localhost:9401/metrics'],
      cli_command: 'aiperf profile -m Qwen/Qwen3-0.6B',
    });
    // Every key at every depth is snake_case: no camelCase leaks from our own config shape.
    expect(JSON.stringify(dumped).match(/"[a-z]+[A-Z]\w*":/g)).toBeNull();
  });

  it('redacts the API key and credential headers', () => {
    const config = testConfig({ endpoint: { apiKey: 'sk-secret', headers: { Authorization: 'Bearer sk-secret', 'X-Team': 'infra' } } });
    const dumped = toAiperfInputConfig(config);
    expect(JSON.stringify(dumped)).not.toContain('sk-secret');
    expect(dumped.endpoint).toMatchObject({ api_key: '***' });
    expect(dumped.input).toMatchObject({ headers: [['Authorization', '***'], ['X-Team', 'infra']] });
    expect(dumped).not.toHaveProperty('cli_command');
  });

  it('writes null output tokens and no telemetry list when those are off', () => {
    const dumped = toAiperfInputConfig(testConfig({ input: { outputTokens: null }, telemetry: { gpuTelemetry: false } }));
    expect(dumped.input).toMatchObject({ prompt: { output_tokens: { mean: null, stddev: null } } });
    expect(dumped.gpu_telemetry).toBeNull();
  });
});
