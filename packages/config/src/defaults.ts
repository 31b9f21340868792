/**
 * Defaults of the resolved config (profile.md §1). The help text and README read these, so a default is
 * written down exactly once. Values that depend on other settings (timing mode, request count, concurrency,
 * UI for multi-run) are derived by the rules in `rules.ts`.
 */
export const DEFAULTS = {
  url: 'http://localhost:8000',
  endpointType: 'chat',
  modelSelectionStrategy: 'round_robin',
  streaming: false,
  timeoutSeconds: 21_600,
  arrivalPattern: 'poisson',
  /** Concurrency mode without a concurrency given. */
  concurrency: 1,
  /** Request-rate mode without a count or duration. */
  requestRateRequestCount: 10,
  /** Concurrency mode: request count = max(this, 2 × concurrency) unless a duration is given. */
  minimumRequestCount: 10,
  gracePeriodSeconds: 30,
  warmupRequestCount: 0,
  requestCancellationDelaySeconds: 0,
  inputTokensMean: 550,
  inputTokensStddev: 0,
  outputTokensStddev: 0,
  numDatasetEntries: 100,
  tokenizer: 'builtin',
  artifactDir: './artifacts',
  exportLevel: 'records',
  gpuTelemetryIntervalMs: 333,
  serverMetricsIntervalMs: 333,
  serverMetricsFormats: ['json', 'csv'],
  ui: 'dashboard',
  sweepTable: true,
  logLevel: 'info',
  numProfileRuns: 1,
  profileRunCooldownSeconds: 0,
  confidenceLevel: 0.95,
  disableWarmupAfterFirst: true,
  setConsistentSeed: true,
  sweepMode: 'repeated',
  sweepCooldownSeconds: 0,
  sweepSameSeed: false,
  plotRequired: false,
} as const;
