// Test helper: a complete BenchmarkConfig with small, fast defaults (tests override what they exercise).
import { type BenchmarkConfig, defaultConfig } from '@aiperf/config';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export function testConfig(overrides: DeepPartial<BenchmarkConfig> = {}): BenchmarkConfig {
  const defaults = defaultConfig(['mock-model']).benchmark;
  const base: BenchmarkConfig = {
    ...defaults,
    endpoint: { ...defaults.endpoint, url: 'http://127.0.0.1:1', streaming: true, timeoutSeconds: 30 },
    load: { ...defaults.load, concurrency: 2, requestCount: 10, workers: 1 },
    input: { ...defaults.input, inputTokens: { mean: 32, stddev: 0 }, outputTokens: { mean: 8, stddev: 0 }, numDatasetEntries: 10, randomSeed: 42 },
    output: { ...defaults.output, artifactDir: 'artifacts' },
    ui: 'none',
    serverMetrics: { ...defaults.serverMetrics, enabled: false },
    reporting: { ...defaults.reporting, sweepTable: false },
  };
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    merged[key] = value && typeof value === 'object' && !Array.isArray(value) && key !== 'goodput'
      ? { ...(base as unknown as Record<string, object>)[key], ...value }
      : value;
  }
  return merged as unknown as BenchmarkConfig;
}
