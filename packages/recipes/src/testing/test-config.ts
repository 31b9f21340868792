import { type AiperfConfig, defaultConfig } from '@aiperf/config';

/** A complete resolved config for tests (small run against a local URL); override what a test cares about. */
export function testConfig(overrides: { artifactDir: string } & Partial<AiperfConfig>): AiperfConfig {
  const { artifactDir, ...rest } = overrides;
  const base = defaultConfig(['test-model']);
  const b = base.benchmark;
  return {
    ...base,
    benchmark: {
      ...b,
      endpoint: { ...b.endpoint, url: 'http://127.0.0.1:1', streaming: true, timeoutSeconds: 10 },
      load: { ...b.load, concurrency: 1, arrivalPattern: 'constant', requestCount: 4, gracePeriodSeconds: 0, warmupRequestCount: 1, workers: 1 },
      input: { ...b.input, inputTokens: { mean: 16, stddev: 0 }, outputTokens: { mean: 4, stddev: 0 }, numDatasetEntries: 4 },
      output: { ...b.output, artifactDir, artifactDirExplicit: true },
      telemetry: { ...b.telemetry, gpuTelemetry: false },
      ui: 'none',
      serverMetrics: { ...b.serverMetrics, enabled: false },
      reporting: { ...b.reporting, sweepTable: false },
    },
    source: { yamlPath: null, cliCommand: 'aiperf profile' },
    ...rest,
  };
}
