// Test helper: a complete BenchmarkConfig with small, fast defaults (tests override what they exercise).
import type { BenchmarkConfig } from '@aiperf/config';

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };

export function testConfig(overrides: DeepPartial<BenchmarkConfig> = {}): BenchmarkConfig {
  const base: BenchmarkConfig = {
    endpoint: {
      models: ['mock-model'], modelSelectionStrategy: 'round_robin', url: 'http://127.0.0.1:1', type: 'chat',
      customPath: null, streaming: true, apiKey: null, headers: {}, extraInputs: {}, timeoutSeconds: 30,
      useLegacyMaxTokens: false, useServerTokenCount: false,
    },
    load: {
      mode: 'concurrency', concurrency: 2, requestRate: null, arrivalPattern: 'poisson', requestCount: 10,
      benchmarkDurationSeconds: null, gracePeriodSeconds: 30, warmupRequestCount: 0, requestCancellationRate: null,
      requestCancellationDelaySeconds: 0, workers: 1,
    },
    input: {
      inputTokens: { mean: 32, stddev: 0 }, outputTokens: { mean: 8, stddev: 0 }, numDatasetEntries: 10,
      inputFile: null, customDatasetType: null, tokenizer: 'builtin', randomSeed: 42,
    },
    output: { artifactDir: 'artifacts', artifactDirExplicit: false, exportPrefix: null, exportLevel: 'records', sliceDurationSeconds: null },
    telemetry: { gpuTelemetry: null, gpuTelemetryUrls: [], gpuTelemetryIntervalMs: 333 },
    serverMetrics: { enabled: false, urls: [], intervalMs: 333, formats: ['json', 'csv'] },
    goodput: {},
    ui: 'none',
    reporting: { costPerHourUsd: null, statsIntervalSeconds: null, sweepTable: false, logLevel: 'info', formats: [] },
    artifacts: { autoPlot: null, plotRequired: false },
  };
  const merged = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    merged[key] = value && typeof value === 'object' && !Array.isArray(value) && key !== 'goodput'
      ? { ...(base as unknown as Record<string, object>)[key], ...value }
      : value;
  }
  return merged as unknown as BenchmarkConfig;
}
