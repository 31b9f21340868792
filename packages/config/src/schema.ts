import { type Static, type TSchema, Type } from '@sinclair/typebox';

/**
 * The resolved aiperf configuration: what every library receives after YAML, CLI flags and
 * environment have been merged, validated and defaulted by `resolveConfig`.
 *
 * Keys are camelCase here; the YAML accepts snake_case and camelCase (see the resolver).
 * Units are in the names of raw numbers.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const EndpointTypeName = Type.Union([Type.Literal('chat'), Type.Literal('completions'), Type.Literal('embeddings')]);

export const EndpointConfig = Type.Object({
  /** Model names; the first names the artifact directory. */
  models: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  modelSelectionStrategy: Type.Union([Type.Literal('round_robin'), Type.Literal('random')]),
  /** Base URL with scheme, e.g. `http://localhost:8000` (a scheme-less URL gets `http://`). */
  url: Type.String({ minLength: 1 }),
  type: EndpointTypeName,
  /** Overrides the endpoint type's default path (`/v1/chat/completions` …). */
  customPath: Nullable(Type.String()),
  streaming: Type.Boolean(),
  apiKey: Nullable(Type.String()),
  headers: Type.Record(Type.String(), Type.String()),
  /** Merged into the top level of every request body. */
  extraInputs: Type.Record(Type.String(), Type.Unknown()),
  timeoutSeconds: Type.Number({ exclusiveMinimum: 0 }),
  useLegacyMaxTokens: Type.Boolean(),
  useServerTokenCount: Type.Boolean(),
});

export const TimingMode = Type.Union([Type.Literal('concurrency'), Type.Literal('request_rate'), Type.Literal('fixed_schedule')]);
export const ArrivalPattern = Type.Union([Type.Literal('constant'), Type.Literal('poisson')]);

export const LoadConfig = Type.Object({
  /**
   * Resolved per the spec's mode rules: `fixed_schedule` with --fixed-schedule or a `mooncake_trace` dataset (requests
   * at the trace's timestamps), `request_rate` when a rate is given, else `concurrency` (burst).
   */
  mode: TimingMode,
  /** Max in-flight requests; in request-rate mode an optional cap (null = uncapped). */
  concurrency: Nullable(Type.Integer({ minimum: 1 })),
  requestRate: Nullable(Type.Number({ exclusiveMinimum: 0 })),
  arrivalPattern: ArrivalPattern,
  /** Profiling requests to send; null when the run is bounded by duration instead. */
  requestCount: Nullable(Type.Integer({ minimum: 1 })),
  benchmarkDurationSeconds: Nullable(Type.Number({ exclusiveMinimum: 0 })),
  gracePeriodSeconds: Type.Number({ minimum: 0 }),
  warmupRequestCount: Type.Integer({ minimum: 0 }),
  /** Percent (0, 100] of requests to cancel, or null. */
  requestCancellationRate: Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 100 })),
  requestCancellationDelaySeconds: Type.Number({ minimum: 0 }),
  /** Worker threads issuing requests; null = one per CPU core. */
  workers: Nullable(Type.Integer({ minimum: 1 })),
  /** Fixed schedule: shift the trace so its first timestamp is sent at once (absent = false). */
  fixedScheduleAutoOffset: Type.Optional(Type.Boolean()),
  /** Fixed schedule: replay only trace entries with timestamps in [start, end] ms (absent = unbounded). */
  fixedScheduleStartOffsetMs: Type.Optional(Type.Number({ minimum: 0 })),
  fixedScheduleEndOffsetMs: Type.Optional(Type.Number({ minimum: 0 })),
});

export const TokenDistribution = Type.Object({
  mean: Type.Integer({ minimum: 1 }),
  stddev: Type.Number({ minimum: 0 }),
});

export const InputConfig = Type.Object({
  inputTokens: TokenDistribution,
  /** Requested output length; null = let the server decide (no max tokens sent). */
  outputTokens: Nullable(TokenDistribution),
  numDatasetEntries: Type.Integer({ minimum: 1 }),
  /** Path of a custom dataset file (JSONL), or null for synthetic prompts. */
  inputFile: Nullable(Type.String()),
  customDatasetType: Nullable(Type.Union([Type.Literal('single_turn'), Type.Literal('multi_turn'), Type.Literal('mooncake_trace')])),
  /** `mooncake_trace`: tokens per hash-id block (absent = 512). */
  islBlockSize: Type.Optional(Type.Integer({ minimum: 1 })),
  /** `builtin` (offline BPE) or a path to a Hugging Face `tokenizer.json` / directory holding one. */
  tokenizer: Type.String(),
  randomSeed: Nullable(Type.Integer()),
});

export const ExportLevel = Type.Union([Type.Literal('summary'), Type.Literal('records'), Type.Literal('raw')]);

export const OutputConfig = Type.Object({
  /** Base artifact directory. */
  artifactDir: Type.String(),
  /** True when the user named the directory: files then go directly into it (no auto subdirectory). */
  artifactDirExplicit: Type.Boolean(),
  exportPrefix: Nullable(Type.String()),
  exportLevel: ExportLevel,
  sliceDurationSeconds: Nullable(Type.Number({ exclusiveMinimum: 0 })),
});

export const TelemetryConfig = Type.Object({
  /** `--gpu-telemetry` given (shows the console table, adds URLs); false = `--no-gpu-telemetry`; null = unset. */
  gpuTelemetry: Nullable(Type.Boolean()),
  /** DCGM exporter URLs given by the user (normalized: scheme added, `/metrics` appended). */
  gpuTelemetryUrls: Type.Array(Type.String()),
  gpuTelemetryIntervalMs: Type.Number({ exclusiveMinimum: 0 }),
});

export const ServerMetricsConfig = Type.Object({
  /** Scrape the inference server's `/metrics` (and `urls`); false = `--no-server-metrics`. */
  enabled: Type.Boolean(),
  /** Extra Prometheus URLs given with `--server-metrics` (as typed; normalized by the collector). */
  urls: Type.Array(Type.String()),
  intervalMs: Type.Number({ exclusiveMinimum: 0 }),
  formats: Type.Array(Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('jsonl'), Type.Literal('parquet')])),
});

export const UiType = Type.Union([Type.Literal('dashboard'), Type.Literal('simple'), Type.Literal('none')]);

export const LogLevel = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace')]);

/** How results are reported besides the exports (YAML `benchmark.reporting`). */
export const ReportingConfig = Type.Object({
  /** USD per hour of the serving deployment; null = no cost metrics. */
  costPerHourUsd: Nullable(Type.Number({ exclusiveMinimum: 0 })),
  /** `simple` UI: seconds between live metric blocks; null = none. */
  statsIntervalSeconds: Nullable(Type.Number({ exclusiveMinimum: 0 })),
  sweepTable: Type.Boolean(),
  logLevel: LogLevel,
  formats: Type.Array(Type.Literal('html')),
});

export const ArtifactsConfig = Type.Object({
  /** Tri-state: null = not said by the user (a recipe default may apply later). */
  autoPlot: Nullable(Type.Boolean()),
  plotRequired: Type.Boolean(),
});

export const BenchmarkConfig = Type.Object({
  endpoint: EndpointConfig,
  load: LoadConfig,
  input: InputConfig,
  output: OutputConfig,
  telemetry: TelemetryConfig,
  serverMetrics: ServerMetricsConfig,
  /** Goodput SLOs: metric tag → threshold in the metric's display unit (ms for latencies). */
  goodput: Type.Record(Type.String(), Type.Number()),
  ui: UiType,
  reporting: ReportingConfig,
  artifacts: ArtifactsConfig,
});

export const SweepConfig = Type.Object({
  /** Values of `benchmark.load.concurrency` to run, in order (≥ 2 distinct values). */
  concurrency: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 2 }),
  mode: Type.Union([Type.Literal('repeated'), Type.Literal('independent')]),
  cooldownSeconds: Type.Number({ minimum: 0 }),
  sameSeed: Type.Boolean(),
});

export const MultiRunConfig = Type.Object({
  numProfileRuns: Type.Integer({ minimum: 1, maximum: 10 }),
  cooldownSeconds: Type.Number({ minimum: 0 }),
  confidenceLevel: Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1 }),
  disableWarmupAfterFirst: Type.Boolean(),
  setConsistentSeed: Type.Boolean(),
});

export const RecipeConfig = Type.Object({
  name: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
});

/** The `plot:` envelope: an inline plot config (validated by @aiperf/plot) or a path to one. */
export const PlotEnvelope = Type.Union([
  Type.Object({ kind: Type.Literal('inline'), value: Type.Record(Type.String(), Type.Unknown()) }),
  Type.Object({ kind: Type.Literal('path'), path: Type.String() }),
]);

export const AiperfConfig = Type.Object({
  benchmark: BenchmarkConfig,
  sweep: Nullable(SweepConfig),
  multiRun: MultiRunConfig,
  recipe: Nullable(RecipeConfig),
  plot: Nullable(PlotEnvelope),
  /** Where the config came from, for relative paths and the recorded command. */
  source: Type.Object({
    yamlPath: Nullable(Type.String()),
    /** The command line as typed, secrets redacted. */
    cliCommand: Type.String(),
  }),
});

export type EndpointConfig = Static<typeof EndpointConfig>;
export type LoadConfig = Static<typeof LoadConfig>;
export type TokenDistribution = Static<typeof TokenDistribution>;
export type InputConfig = Static<typeof InputConfig>;
export type OutputConfig = Static<typeof OutputConfig>;
export type TelemetryConfig = Static<typeof TelemetryConfig>;
export type ServerMetricsConfig = Static<typeof ServerMetricsConfig>;
export type ArtifactsConfig = Static<typeof ArtifactsConfig>;
export type BenchmarkConfig = Static<typeof BenchmarkConfig>;
export type SweepConfig = Static<typeof SweepConfig>;
export type MultiRunConfig = Static<typeof MultiRunConfig>;
export type RecipeConfig = Static<typeof RecipeConfig>;
export type PlotEnvelope = Static<typeof PlotEnvelope>;
export type AiperfConfig = Static<typeof AiperfConfig>;
export type EndpointTypeName = Static<typeof EndpointTypeName>;
export type TimingMode = Static<typeof TimingMode>;
export type ArrivalPattern = Static<typeof ArrivalPattern>;
export type ExportLevel = Static<typeof ExportLevel>;
export type UiType = Static<typeof UiType>;
