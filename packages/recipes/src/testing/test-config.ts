import type { AiperfConfig } from '@aiperf/config';

/** A complete resolved config for tests (small run against a local URL); override what a test cares about. */
export function testConfig(overrides: { artifactDir: string } & Partial<AiperfConfig>): AiperfConfig {
  const { artifactDir, ...rest } = overrides;
  return {
    benchmark: {
      endpoint: {
        models: ['test-model'], modelSelectionStrategy: 'round_robin', url: 'http://127.0.0.1:1', type: 'chat',
        customPath: null, streaming: true, apiKey: null, headers: {}, extraInputs: {}, timeoutSeconds: 10,
        useLegacyMaxTokens: false, useServerTokenCount: false,
      },
      load: {
        mode: 'concurrency', concurrency: 1, requestRate: null, arrivalPattern: 'constant', requestCount: 4,
        benchmarkDurationSeconds: null, gracePeriodSeconds: 0, warmupRequestCount: 1, requestCancellationRate: null,
        requestCancellationDelaySeconds: 0, workers: 1,
      },
      input: {
        inputTokens: { mean: 16, stddev: 0 }, outputTokens: { mean: 4, stddev: 0 }, numDatasetEntries: 4,
        inputFile: null, customDatasetType: null, tokenizer: 'builtin', randomSeed: null,
      },
      output: { artifactDir, artifactDirExplicit: true, exportPrefix: null, exportLevel: 'records', sliceDurationSeconds: null },
      telemetry: { gpuTelemetry: false, gpuTelemetryUrls: [], gpuTelemetryIntervalMs: 333 },
      serverMetrics: { enabled: false, urls: [], intervalMs: 333, formats: ['json', 'csv'] },
      goodput: {},
      ui: 'none',
      reporting: { costPerHourUsd: null, statsIntervalSeconds: null, sweepTable: false, logLevel: 'info', formats: [] },
      artifacts: { autoPlot: null, plotRequired: false },
    },
    sweep: null,
    multiRun: { numProfileRuns: 1, cooldownSeconds: 0, confidenceLevel: 0.95, disableWarmupAfterFirst: true, setConsistentSeed: true },
    recipe: null,
    plot: null,
    source: { yamlPath: null, cliCommand: 'aiperf profile' },
    ...rest,
  };
}
