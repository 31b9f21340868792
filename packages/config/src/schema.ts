import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { resolvedProperties } from './resolved.js';
import { YamlConvergence, YamlSla } from './yaml-schema-loadshape.js';
import { RunConvergence } from './yaml-schema-convergence.js';
import { YamlSweepValue } from './yaml-schema-sweep.js';
import { YamlArtifacts, YamlBenchmark, YamlEndpoint, YamlInput, YamlLoad, YamlMultiRun, YamlReporting, YamlSweep } from './yaml-schema.js';

/**
 * The resolved aiperf configuration: what every library receives after YAML, CLI flags and
 * environment have been merged, validated and defaulted by `resolveConfig`.
 *
 * Derived from the YAML schema (`yaml-schema.ts`, the one place settings and defaults are declared): keys are
 * camelCase here, and every key is present (its default, or null when not set). Units are in the names.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** An endpoint type's name; plugins add types, so it is checked against the run's registry when the run starts. */
export const EndpointTypeName = Type.String({ minLength: 1 });
/**
 * A timing strategy's name. Not a closed list: plugins add strategies, so the name is checked against the run's
 * timing-strategy registry when the run starts (built-ins: concurrency, request_rate, fixed_schedule).
 */
export const TimingMode = Type.String({ minLength: 1 });
export const ArrivalPattern = Type.Union([Type.Literal('constant'), Type.Literal('poisson'), Type.Literal('gamma')]);
export const ExportLevel = Type.Union([Type.Literal('summary'), Type.Literal('records'), Type.Literal('raw')]);
export const UiType = Type.Union([Type.Literal('dashboard'), Type.Literal('simple'), Type.Literal('none')]);
export const LogLevel = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('trace')]);

// Each section is the generic resolved form of its YAML mapping (`resolvedProperties`), plus the few keys whose
// resolved place or shape differs from the file's (named after each spread).

export const EndpointConfig = Type.Object({
  /** Model names; the first names the artifact directory. (YAML: `benchmark.models`.) */
  models: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  modelSelectionStrategy: Type.Union([Type.Literal('round_robin'), Type.Literal('random')]),
  ...resolvedProperties(YamlEndpoint, ['url']),
  /** The first server URL, with scheme (`--url`). */
  url: Type.String({ minLength: 1 }),
  /** Every server URL when more than one was given (`url` is the first), else null. */
  urls: Nullable(Type.Array(Type.String({ minLength: 1 }), { minItems: 2 })),
});

export const LoadConfig = Type.Object({
  /**
   * `fixed_schedule` with --fixed-schedule or a `mooncake_trace` dataset (requests at the trace's timestamps),
   * `request_rate` when a rate is given, else `concurrency` (burst); `--timing-mode` names any registered strategy
   * (a plugin's) instead.
   */
  mode: TimingMode,
  ...resolvedProperties(YamlLoad, ['fixed_schedule', 'timing_mode', 'concurrency']),
  /** Max in-flight requests; in request-rate mode an optional cap (null = uncapped). A YAML list is a sweep. */
  concurrency: Nullable(Type.Integer({ minimum: 1 })),
});

export const TokenDistribution = Type.Object({
  mean: Type.Integer({ minimum: 1 }),
  stddev: Type.Number({ minimum: 0 }),
});

export const InputConfig = Type.Object({
  ...resolvedProperties(YamlInput, ['output_tokens', 'tokenizer']),
  /** A Hugging Face id (default: the first model name), a tokenizer.json path or `builtin`; loadgen resolves it. */
  tokenizer: Type.String({ minLength: 1 }),
  /** Requested output length; null = let the server decide (no max tokens sent). */
  outputTokens: Nullable(TokenDistribution),
});

export const OutputConfig = Type.Object({
  /** Base artifact directory (YAML: `benchmark.artifacts.dir`). */
  artifactDir: Type.String(),
  /** True when the user named the directory: files then go directly into it (no auto subdirectory). */
  artifactDirExplicit: Type.Boolean(),
  exportPrefix: Nullable(Type.String()),
  exportLevel: ExportLevel,
  sliceDurationSeconds: Nullable(Type.Number({ exclusiveMinimum: 0 })),
});

/** YAML `benchmark.gpu_telemetry`: `true`/`false`, a list of URLs, or a mapping. */
export const TelemetryConfig = Type.Object({
  /** `--gpu-telemetry` given (shows the console table, adds URLs); false = `--no-gpu-telemetry`; null = unset. */
  gpuTelemetry: Nullable(Type.Boolean()),
  /** DCGM exporter URLs given by the user (normalized: scheme added, `/metrics` appended). */
  gpuTelemetryUrls: Type.Array(Type.String()),
  gpuTelemetryIntervalMs: Type.Number({ exclusiveMinimum: 0 }),
});

/** How results are reported besides the exports (YAML `benchmark.reporting`). */
export const ReportingConfig = Type.Object({
  ...resolvedProperties(YamlReporting, ['cost_per_hour', 'stats_interval']),
  /** USD per hour of the serving deployment (YAML `cost_per_hour`); null = no cost metrics. */
  costPerHourUsd: Nullable(Type.Number({ exclusiveMinimum: 0 })),
  /** `simple` UI: seconds between live metric blocks (YAML `stats_interval`); null = none. */
  statsIntervalSeconds: Nullable(Type.Number({ exclusiveMinimum: 0 })),
});

/** The `benchmark.artifacts` keys that are not about where files go (those are `OutputConfig`). */
export const ARTIFACT_OUTPUT_KEYS = ['dir', 'prefix', 'export_level', 'slice_duration'] as const;
export const ArtifactsConfig = Type.Object(resolvedProperties(YamlArtifacts, ARTIFACT_OUTPUT_KEYS));

/** YAML keys of `benchmark` resolved by hand: moved into `endpoint`, split (`artifacts`) or reshaped (`gpu_telemetry`). */
export const BENCHMARK_SPECIAL_KEYS = ['models', 'model_selection_strategy', 'endpoint', 'load', 'input', 'artifacts', 'gpu_telemetry', 'reporting'] as const;
export const BenchmarkConfig = Type.Object({
  endpoint: EndpointConfig,
  load: LoadConfig,
  input: InputConfig,
  output: OutputConfig,
  telemetry: TelemetryConfig,
  ...resolvedProperties(YamlBenchmark, BENCHMARK_SPECIAL_KEYS),
  reporting: ReportingConfig,
  artifacts: ArtifactsConfig,
  /** Stop profiling once a metric's statistic is known well enough (`--convergence-scope run`); null = never. */
  convergence: Nullable(RunConvergence),
});

export const SweepConfig = Type.Object({
  /**
   * Swept parameter (`concurrency`, `request_rate`, `isl`, …) → its values in order; from comma lists on the
   * flags, a YAML `concurrency` list, or `sweep.parameters`. Crossed (`type: grid`) or paired (`zip`).
   */
  parameters: Type.Record(Type.String(), Type.Array(YamlSweepValue, { minItems: 1 })),
  /** Named scenarios chosen to run (`variants:` + `--variant`), one run each, in order; null = a parameter sweep. */
  variants: Nullable(Type.Array(Type.Object({ name: Type.String({ minLength: 1 }), values: Type.Record(Type.String(), YamlSweepValue) }), { minItems: 1 })),
  ...resolvedProperties(YamlSweep, ['concurrency', 'parameters', 'variant']),
});

export const MultiRunConfig = Type.Object({
  /** YAML: `multi_run.num_runs`. */
  numProfileRuns: Type.Integer({ minimum: 1, maximum: 10 }),
  ...resolvedProperties(YamlMultiRun, ['num_runs', 'convergence']),
  /** Adaptive multi-run: stop adding runs once the metric converges; null = always run numProfileRuns. */
  convergence: Nullable(Type.Object(resolvedProperties(YamlConvergence))),
});

/** Service levels of the SLA search recipes (YAML `sla:`, `--ttft-sla-ms` …); null = not set. */
export const SlaConfig = Type.Object(resolvedProperties(YamlSla));

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
  sla: SlaConfig,
  plot: Nullable(PlotEnvelope),
  /** Plugins to load by npm name or path (`--plugin`, YAML `plugins:`), besides the installed ones found on their own. */
  plugins: Type.Array(Type.String({ minLength: 1 })),
  /** Where the config came from, for relative paths and the recorded command. */
  source: Type.Object({
    yamlPath: Nullable(Type.String()),
    /** The command line as typed, secrets redacted. */
    cliCommand: Type.String(),
  }),
});

export type EndpointConfig = Static<typeof EndpointConfig>;
export type LoadConfig = Static<typeof LoadConfig>;
export type RunConvergenceConfig = Static<typeof RunConvergence>;
export type TokenDistribution = Static<typeof TokenDistribution>;
export type InputConfig = Static<typeof InputConfig>;
export type OutputConfig = Static<typeof OutputConfig>;
export type TelemetryConfig = Static<typeof TelemetryConfig>;
export type ArtifactsConfig = Static<typeof ArtifactsConfig>;
export type BenchmarkConfig = Static<typeof BenchmarkConfig>;
export type SweepConfig = Static<typeof SweepConfig>;
export type MultiRunConfig = Static<typeof MultiRunConfig>;
export type RecipeConfig = Static<typeof RecipeConfig>;
export type SlaConfig = Static<typeof SlaConfig>;
export type PlotEnvelope = Static<typeof PlotEnvelope>;
export type AiperfConfig = Static<typeof AiperfConfig>;
export type EndpointTypeName = Static<typeof EndpointTypeName>;
export type TimingMode = Static<typeof TimingMode>;
export type ArrivalPattern = Static<typeof ArrivalPattern>;
export type ExportLevel = Static<typeof ExportLevel>;
export type UiType = Static<typeof UiType>;
export type LogLevel = Static<typeof LogLevel>;
export type ReportingConfig = Static<typeof ReportingConfig>;
export type ServerMetricsConfig = BenchmarkConfig['serverMetrics'];
